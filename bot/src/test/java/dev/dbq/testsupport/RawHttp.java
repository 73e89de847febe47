package dev.dbq.testsupport;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;

/**
 * Requests written byte for byte to a loopback port, as any client on the internet may send them
 * (methods, malformed lines), and the whole answer as it came: status line, headers, body.
 */
public final class RawHttp {

  private RawHttp() {}

  /** What came back: the status, the raw header block, the body. */
  public record Answer(int status, String headers, String body) {

    /** The value of header {@code name} (case-insensitive), if sent. */
    public Optional<String> header(String name) {
      String prefix = name.toLowerCase(Locale.ROOT) + ":";
      return headers.lines()
          .filter(line -> line.toLowerCase(Locale.ROOT).startsWith(prefix))
          .map(line -> line.substring(prefix.length()).strip())
          .findFirst();
    }
  }

  /** {@code METHOD PATH HTTP/1.1} with a Host header, no body, the connection closed after. */
  public static Answer send(int port, String method, String path) throws IOException {
    return sendRaw(port, method + " " + path + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");
  }

  /** {@code request} exactly as given. */
  public static Answer sendRaw(int port, String request) throws IOException {
    try (Socket socket = new Socket("127.0.0.1", port)) {
      socket.setSoTimeout(30_000);
      OutputStream out = socket.getOutputStream();
      out.write(request.getBytes(StandardCharsets.ISO_8859_1));
      out.flush();
      InputStream in = socket.getInputStream();
      String whole = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      int end = whole.indexOf("\r\n\r\n");
      String head = end < 0 ? whole : whole.substring(0, end);
      String body = end < 0 ? "" : whole.substring(end + 4);
      String statusLine = head.lines().findFirst().orElse("");
      int status = statusLine.startsWith("HTTP/") ? Integer.parseInt(statusLine.split(" ")[1]) : -1;
      return new Answer(status, head, dechunk(head, body));
    }
  }

  private static String dechunk(String head, String body) {
    if (!head.toLowerCase(Locale.ROOT).contains("transfer-encoding: chunked")) {
      return body;
    }
    StringBuilder out = new StringBuilder();
    int at = 0;
    while (at < body.length()) {
      int lineEnd = body.indexOf("\r\n", at);
      int size = Integer.parseInt(body.substring(at, lineEnd).split(";")[0].strip(), 16);
      if (size == 0) {
        break;
      }
      out.append(body, lineEnd + 2, lineEnd + 2 + size);
      at = lineEnd + 2 + size + 2;
    }
    return out.toString();
  }
}
