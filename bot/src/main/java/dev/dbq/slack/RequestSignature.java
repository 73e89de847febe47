package dev.dbq.slack;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Slack's v0 request signature: {@code X-Slack-Signature = v0=hex(HMAC-SHA256(signing secret,
 * "v0:" + X-Slack-Request-Timestamp + ":" + body))}, stamped within five minutes of the real
 * time either way (Bolt 1.47 refuses old stamps only, so a request signed for later could be
 * replayed until then). The stamp is judged from the headers alone, before the body is read.
 */
final class RequestSignature {

  static final String TIMESTAMP_HEADER = "X-Slack-Request-Timestamp";
  static final String SIGNATURE_HEADER = "X-Slack-Signature";
  static final Duration TOLERANCE = Duration.ofMinutes(5);

  /** Why a request was refused; the tag of the refusal counter. */
  enum Refusal {
    UNSIGNED("unsigned"), STALE("stale"), FORGED("bad_signature"), MALFORMED("malformed");

    final String tag;

    Refusal(String tag) {
      this.tag = tag;
    }
  }

  private static final int MAX_STAMP_DIGITS = 12;

  private final SecretKeySpec key;
  private final Clock clock;

  /** @param clock the real time: Slack stamps with it */
  RequestSignature(String signingSecret, Clock clock) {
    this.key = new SecretKeySpec(signingSecret.getBytes(StandardCharsets.UTF_8), "HmacSHA256");
    this.clock = clock;
  }

  /** What the headers alone say: null when both are there and the stamp is fresh. */
  Refusal judgeHeaders(String timestamp, String signature) {
    if (timestamp == null || signature == null) {
      return Refusal.UNSIGNED;
    }
    return isFresh(timestamp) ? null : Refusal.STALE;
  }

  /** Whether {@code signature} is the one Slack makes of {@code body} at {@code timestamp}. */
  boolean matches(String timestamp, byte[] body, String signature) {
    byte[] expected = ("v0=" + HexFormat.of().formatHex(hmac(timestamp, body))).getBytes(StandardCharsets.US_ASCII);
    // Constant time: an early exit would tell a forger how many leading characters are right.
    return MessageDigest.isEqual(expected, signature.getBytes(StandardCharsets.UTF_8));
  }

  private boolean isFresh(String timestamp) {
    if (timestamp.isEmpty() || timestamp.length() > MAX_STAMP_DIGITS || !timestamp.chars().allMatch(c -> c >= '0' && c <= '9')) {
      return false;
    }
    long age = clock.instant().getEpochSecond() - Long.parseLong(timestamp);
    return Math.abs(age) <= TOLERANCE.toSeconds();
  }

  private byte[] hmac(String timestamp, byte[] body) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256"); // not thread-safe: one per request
      mac.init(key);
      mac.update(("v0:" + timestamp + ":").getBytes(StandardCharsets.US_ASCII));
      return mac.doFinal(body);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is missing from this JVM", e);
    }
  }
}
