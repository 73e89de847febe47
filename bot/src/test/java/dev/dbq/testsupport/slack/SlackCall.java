package dev.dbq.testsupport.slack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * One HTTP request the fake received: a Web API method ({@code chat.postMessage}, ...) or a post
 * to a {@code response_url} (method {@link FakeSlack#RESPONSE_URL}).
 *
 * @param method the Web API method name, or {@code response_url}
 * @param url the full URL that was called (tells {@code response_url}s apart)
 * @param params the parameters, form-encoded or JSON alike; form values holding JSON
 *     ({@code blocks}, {@code view}, {@code attachments}) are parsed into nodes
 * @param tokenType the kind of token in the {@code Authorization: Bearer} header ({@code xoxb},
 *     {@code xapp}, ...) or null without one; the token itself is never kept
 * @param status the HTTP status the fake answered (429/500 when a fault was injected; 0 when it
 *     dropped the connection instead of answering)
 * @param client who called: the name in {@link FakeSlack#apiUrl(String)}, or "" for {@link
 *     FakeSlack#apiUrl()}
 */
public record SlackCall(
    String method, String url, ObjectNode params, String tokenType, int status, String client) {

  /** A parameter as text (null when absent). */
  public String text(String name) {
    JsonNode value = params.get(name);
    if (value == null || value.isNull()) {
      return null;
    }
    return value.isValueNode() ? value.asText() : value.toString();
  }

  /** A parameter as JSON ({@code blocks}, {@code view}, ...); a missing node when absent. */
  public JsonNode json(String name) {
    return params.path(name);
  }

  /** True when the fake answered normally (no injected fault). */
  public boolean succeeded() {
    return status == 200;
  }

  @Override
  public String toString() {
    return method + "(" + status + ")";
  }
}
