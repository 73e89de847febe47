package dev.dbq.slack;

import com.slack.api.bolt.App;
import com.slack.api.bolt.jakarta_servlet.ServletAdapterOps;
import com.slack.api.bolt.request.Request;
import com.slack.api.bolt.request.RequestHeaders;
import com.slack.api.bolt.response.Response;
import com.slack.api.bolt.util.QueryStringParser;
import com.slack.api.bolt.util.SlackRequestParser;
import dev.dbq.slack.RequestSignature.Refusal;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code /slack/events}: Bolt behind a door. The signature is checked before anything reads,
 * parses or logs the body (Bolt's own servlet logs an unsigned body at WARN and answers 500 to
 * one it cannot parse); an unsigned, stale or forged request is a 401, a signed one Bolt cannot
 * parse a 400, both one line and counted ({@link Refusals}). Nothing thrown reaches Jetty.
 */
final class SlackEndpoint extends HttpServlet {

  /** Slack's payloads are a few KB; the HTTP server refuses more than this too. */
  static final int MAX_BODY_BYTES = 64 * 1024;

  private static final Logger log = LoggerFactory.getLogger(SlackEndpoint.class);

  private final transient App app;
  private final transient SlackRequestParser parser;
  private final transient RequestSignature signature;
  private final transient Refusals refusals;

  SlackEndpoint(App app, RequestSignature signature, Refusals refusals) {
    this.app = app;
    this.parser = new SlackRequestParser(app.config());
    this.signature = signature;
    this.refusals = refusals;
  }

  @Override
  protected void doPost(HttpServletRequest req, HttpServletResponse resp) {
    Response answer;
    try {
      answer = answer(req);
    } catch (RuntimeException e) {
      answer = failed(e);
    }
    try {
      ServletAdapterOps.writeResponse(resp, answer);
    } catch (IOException | RuntimeException e) {
      log.debug("the answer to a Slack request was not delivered: {}", e.toString());
    }
  }

  private Response answer(HttpServletRequest req) {
    String timestamp = req.getHeader(RequestSignature.TIMESTAMP_HEADER);
    String signed = req.getHeader(RequestSignature.SIGNATURE_HEADER);
    Refusal refusal = signature.judgeHeaders(timestamp, signed);
    if (refusal != null) {
      return leftUnread(refuse(refusal, 401, "invalid request"));
    }
    byte[] body;
    try {
      body = readBody(req);
    } catch (IOException e) {
      return refuse(Refusal.MALFORMED, 400, "unreadable body");
    }
    if (body == null) {
      return leftUnread(refuse(Refusal.MALFORMED, 413, "body too large"));
    }
    if (!signature.matches(timestamp, body, signed)) {
      return refuse(Refusal.FORGED, 401, "invalid request");
    }
    Optional<String> text = utf8(body);
    if (text.isEmpty()) {
      return refuse(Refusal.MALFORMED, 400, "malformed request: not UTF-8");
    }
    Optional<String> problem = SlackBodies.problem(text.get());
    if (problem.isPresent()) {
      return refuse(Refusal.MALFORMED, 400, "malformed request: " + problem.get());
    }
    Request<?> request;
    try {
      request = parser.parse(SlackRequestParser.HttpRequest.builder()
          .requestUri(req.getRequestURI())
          .queryString(QueryStringParser.toMap(req.getQueryString()))
          .headers(new RequestHeaders(ServletAdapterOps.toHeaderMap(req)))
          .requestBody(text.get())
          .remoteAddress(req.getRemoteAddr())
          .build());
    } catch (RuntimeException e) {
      // Bolt's payload classes read fields without looking (block_actions without a user...).
      return refuse(Refusal.MALFORMED, 400, "malformed request: " + e.getClass().getSimpleName());
    }
    if (request == null) {
      return refuse(Refusal.MALFORMED, 400, "malformed request");
    }
    try {
      return app.run(request);
    } catch (Exception e) {
      return failed(e);
    }
  }

  /** The body, or null when it is larger than {@link #MAX_BODY_BYTES}. */
  private static byte[] readBody(HttpServletRequest req) throws IOException {
    if (req.getContentLengthLong() > MAX_BODY_BYTES) {
      return null;
    }
    try (InputStream in = req.getInputStream()) {
      byte[] body = in.readNBytes(MAX_BODY_BYTES + 1);
      return body.length > MAX_BODY_BYTES ? null : body;
    } catch (RuntimeException e) {
      throw new IOException(e.getClass().getSimpleName(), e); // Jetty's own size limit
    }
  }

  /** Slack sends UTF-8; anything else would make Bolt's second signature check disagree with this one. */
  private static Optional<String> utf8(byte[] body) {
    try {
      return Optional.of(StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(body)).toString());
    } catch (CharacterCodingException e) {
      return Optional.empty();
    }
  }

  private Response refuse(Refusal refusal, int status, String reason) {
    refusals.count(refusal);
    return Response.json(status, "{\"error\":\"" + reason + "\"}");
  }

  /**
   * Marks an answer given without reading the request's body: Jetty then closes the connection,
   * and since the answer is already written it cannot say so itself; a client that reused the
   * connection would meet a closed socket instead of its next answer.
   */
  private static Response leftUnread(Response response) {
    Map<String, List<String>> headers = response.getHeaders() == null ? new HashMap<>() : new HashMap<>(response.getHeaders());
    headers.put("Connection", List.of("close"));
    response.setHeaders(headers);
    return response;
  }

  /** A fault of ours or Bolt's on a well-formed, signed request: logged with its trace, since it is a bug. */
  private static Response failed(Exception e) {
    log.error("a signed Slack request failed", e);
    return Response.json(500, "{\"error\":\"internal error\"}");
  }
}
