package dev.dbq.slack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dbq.slack.RequestSignature.Refusal;
import dev.dbq.testsupport.slack.SignedRequests;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Slack's v0 signature, judged against a fixed "now": the five minutes hold both ways. */
class RequestSignatureTest {

  private static final long NOW = 1_796_400_000L;
  private static final RequestSignature SIGNATURE = new RequestSignature(
      SignedRequests.SIGNING_SECRET, Clock.fixed(Instant.ofEpochSecond(NOW), ZoneOffset.UTC));

  @ParameterizedTest
  @ValueSource(longs = {-300, -1, 0, 1, 300})
  void aStampWithinFiveMinutesEitherWayIsFresh(long offset) {
    assertNull(SIGNATURE.judgeHeaders(Long.toString(NOW + offset), "v0=x"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"1796399699", "1796400301", "0", "", " 1796400000", "1796400000.5", "-1", "1e9", "99999999999999999999"})
  void anOldFutureOrMalformedStampIsStale(String stamp) {
    assertEquals(Refusal.STALE, SIGNATURE.judgeHeaders(stamp, "v0=x"));
  }

  @Test
  void aRequestWithoutEitherHeaderIsUnsigned() {
    assertEquals(Refusal.UNSIGNED, SIGNATURE.judgeHeaders(null, "v0=x"));
    assertEquals(Refusal.UNSIGNED, SIGNATURE.judgeHeaders(Long.toString(NOW), null));
  }

  @Test
  void onlySlacksSignatureOfTheExactBodyMatches() {
    String stamp = Long.toString(NOW);
    String body = "token=x&text=caf%C3%A9\r\n";
    String signed = SignedRequests.sign(SignedRequests.SIGNING_SECRET, stamp, body);

    assertTrue(SIGNATURE.matches(stamp, bytes(body), signed));
    assertFalse(SIGNATURE.matches(stamp, bytes(body.strip()), signed), "one byte less");
    assertFalse(SIGNATURE.matches(Long.toString(NOW + 1), bytes(body), signed), "another stamp");
    assertFalse(SIGNATURE.matches(stamp, bytes(body), signed.toUpperCase()), "another spelling");
    assertFalse(SIGNATURE.matches(stamp, bytes(body), SignedRequests.sign("another secret", stamp, body)));
    assertFalse(SIGNATURE.matches(stamp, bytes(body), ""));
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
