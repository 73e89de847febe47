package dev.dbq.testsupport.slack;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import java.util.stream.Collectors;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Sends what Slack sends to an app's Request URL ({@code /slack/events}), signed as Slack signs
 * it: {@code X-Slack-Request-Timestamp} and {@code X-Slack-Signature = v0=hex(HMAC-SHA256(secret,
 * "v0:" + timestamp + ":" + body))}.
 *
 * <pre>{@code
 * SignedRequests slack = new SignedRequests(
 *     URI.create("http://127.0.0.1:" + port + "/slack/events"), SignedRequests.SIGNING_SECRET);
 * Answer answer = slack.send(SignedRequests.slashCommand(SlackPayloads.slashCommand(...)));
 * slack.send(SignedRequests.event(json).signed(Signature.EXPIRED));           // expect 401
 * slack.send(SignedRequests.event(json).retry(1, "http_timeout"));            // Slack's redelivery
 * }</pre>
 *
 * <p>Bodies: a slash command is form-encoded; interactivity ({@code block_actions}) is one form
 * field {@code payload} holding JSON; Events API callbacks and {@code url_verification} are JSON.
 * Build the payloads with {@link SlackPayloads}.
 */
public final class SignedRequests {

  /** A signing secret for tests: give the same to the app ({@code SLACK_SIGNING_SECRET}). */
  public static final String SIGNING_SECRET = "0123456789abcdef0123456789abcdef";

  private static final Duration OFF_BY = Duration.ofMinutes(10);
  private static final Duration TIMEOUT = Duration.ofSeconds(10);

  /** How a request is signed. */
  public enum Signature {
    /** Signed now with the right secret. */
    VALID,
    /** Signed now with another secret. */
    WRONG_SECRET,
    /** Correctly signed, ten minutes ago: outside Slack's five-minute window. */
    EXPIRED,
    /** Correctly signed, ten minutes ahead (Bolt 1.47 alone checks only the age, and would accept it). */
    FUTURE,
    /** Signed over a timestamp that is no number of seconds. */
    BAD_TIMESTAMP,
    /** Neither signature header. */
    MISSING
  }

  /** A request to send: its body and how it is signed. */
  public record SignedRequest(
      String contentType, String body, Signature signature, int retryNum, String retryReason) {

    public SignedRequest signed(Signature how) {
      return new SignedRequest(contentType, body, how, retryNum, retryReason);
    }

    /** Adds {@code X-Slack-Retry-Num} and {@code X-Slack-Retry-Reason}, as Slack's redeliveries. */
    public SignedRequest retry(int number, String reason) {
      return new SignedRequest(contentType, body, signature, number, reason);
    }
  }

  /** The app's answer. */
  public record Answer(int status, String body, HttpHeaders headers) {}

  private final URI endpoint;
  private final String signingSecret;
  // HTTP/1.1 as Slack sends it: no h2c upgrade attempt on the first request.
  private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(TIMEOUT).build();

  public SignedRequests(URI endpoint, String signingSecret) {
    this.endpoint = endpoint;
    this.signingSecret = signingSecret;
  }

  /** A slash command, form-encoded ({@code form} from {@link SlackPayloads#slashCommand}). */
  public static SignedRequest slashCommand(Map<String, String> form) {
    return new SignedRequest("application/x-www-form-urlencoded", formEncode(form),
        Signature.VALID, 0, null);
  }

  /** An interactivity payload ({@code block_actions}, ...) in the form field {@code payload}. */
  public static SignedRequest interactive(String payloadJson) {
    return new SignedRequest("application/x-www-form-urlencoded",
        formEncode(Map.of("payload", payloadJson)), Signature.VALID, 0, null);
  }

  /** An Events API body ({@code event_callback} or {@code url_verification}), as JSON. */
  public static SignedRequest event(String json) {
    return new SignedRequest("application/json", json, Signature.VALID, 0, null);
  }

  /** Any body under any content type (e.g. {@code text/plain}, or JSON sent as a form), as a fuzzer sends it. */
  public static SignedRequest raw(String contentType, String body) {
    return new SignedRequest(contentType, body, Signature.VALID, 0, null);
  }

  /** Sends {@code request} and waits for the answer. */
  public Answer send(SignedRequest request) {
    HttpRequest.Builder http = HttpRequest.newBuilder(endpoint)
        .timeout(TIMEOUT)
        .header("Content-Type", request.contentType())
        .POST(HttpRequest.BodyPublishers.ofString(request.body(), StandardCharsets.UTF_8));
    if (request.signature() != Signature.MISSING) {
      Instant signedAt = switch (request.signature()) {
        case EXPIRED -> Instant.now().minus(OFF_BY);
        case FUTURE -> Instant.now().plus(OFF_BY);
        default -> Instant.now();
      };
      String timestamp = request.signature() == Signature.BAD_TIMESTAMP
          ? "1e9" : Long.toString(signedAt.getEpochSecond());
      String secret = request.signature() == Signature.WRONG_SECRET
          ? "not-" + signingSecret : signingSecret;
      http.header("X-Slack-Request-Timestamp", timestamp)
          .header("X-Slack-Signature", sign(secret, timestamp, request.body()));
    }
    if (request.retryNum() > 0) {
      http.header("X-Slack-Retry-Num", Integer.toString(request.retryNum()))
          .header("X-Slack-Retry-Reason", request.retryReason());
    }
    try {
      HttpResponse<String> response = this.http.send(http.build(),
          HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
      return new Answer(response.statusCode(), response.body(), response.headers());
    } catch (IOException e) {
      throw new IllegalStateException("could not reach " + endpoint, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while sending to " + endpoint, e);
    }
  }

  /** Slack's v0 signature of {@code body} sent at {@code timestamp}. */
  public static String sign(String secret, String timestamp, String body) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      String base = "v0:" + timestamp + ":" + body;
      byte[] digest = mac.doFinal(base.getBytes(StandardCharsets.UTF_8));
      return "v0=" + HexFormat.of().formatHex(digest);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is missing from this JVM", e);
    }
  }

  private static String formEncode(Map<String, String> form) {
    return form.entrySet().stream()
        .map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
        .collect(Collectors.joining("&"));
  }

  private static String encode(String text) {
    return URLEncoder.encode(text, StandardCharsets.UTF_8);
  }
}
