package dev.dbq.testsupport.discord;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;

/**
 * One REST call the bot made, as the fake saw it.
 *
 * @param method HTTP method, upper case
 * @param path the path below the REST base, e.g. {@code channels/123/messages}
 * @param query the raw query string, or empty
 * @param body the JSON body ({@code payload_json} of a multipart body), or a missing node
 * @param headers the request's headers that matter to Discord (lower-case names; the
 *     {@code authorization} value is never kept, see {@link #authorized})
 * @param authorized whether the request carried {@code Bot <the fake's token>}
 * @param status what the fake answered
 * @param receivedNanos {@link System#nanoTime()} when it arrived, to measure waits
 * @param files the file parts of a multipart body ({@code files[n]}), in order; none otherwise
 */
public record RecordedRequest(String method, String path, String query, JsonNode body,
    Map<String, String> headers, boolean authorized, int status, long receivedNanos, List<FilePart> files) {

  /** A file part of a multipart message: its form name ({@code files[0]}), file name, type and bytes. */
  public record FilePart(String name, String fileName, String contentType, byte[] bytes) {}

  public RecordedRequest {
    files = List.copyOf(files);
  }

  public boolean matches(String expectedMethod, String pathRegex) {
    return method.equalsIgnoreCase(expectedMethod) && path.matches(pathRegex);
  }

  public String header(String name) {
    return headers.get(name.toLowerCase(java.util.Locale.ROOT));
  }

  @Override
  public String toString() {
    return method + " " + path + (query.isEmpty() ? "" : "?" + query) + " -> " + status
        + (body.isMissingNode() ? "" : " " + body);
  }
}
