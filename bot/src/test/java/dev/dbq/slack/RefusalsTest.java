package dev.dbq.slack;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.dbq.app.BotMetrics;
import dev.dbq.console.ConsoleClock;
import dev.dbq.slack.RequestSignature.Refusal;
import dev.dbq.testsupport.CapturedLog;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** Refusals are counted one by one and summed up in the log at most once a minute. */
class RefusalsTest {

  @Test
  void aFloodOfRefusalsIsCountedEachAndLoggedOnceAMinute() {
    // given
    ConsoleClock clock = new ConsoleClock(ZoneOffset.UTC, Instant.parse("2026-12-05T10:00:00Z"));
    try (BotMetrics metrics = new BotMetrics(); CapturedLog logged = CapturedLog.of(Refusals.class)) {
      Refusals refusals = new Refusals(metrics, clock);
      var registry = metrics.registry();

      // when 1,000 arrive within a minute, then one more a minute later
      for (int i = 0; i < 1_000; i++) {
        refusals.count(i % 2 == 0 ? Refusal.UNSIGNED : Refusal.FORGED);
      }
      clock.set(clock.instant().plus(Refusals.LOG_EVERY));
      refusals.count(Refusal.STALE);

      // then every one is counted, and two lines sum them up
      assertEquals(500.0, registry.get("dbq.slack.requests.refused").tag("reason", "unsigned").counter().count());
      assertEquals(500.0, registry.get("dbq.slack.requests.refused").tag("reason", "bad_signature").counter().count());
      assertEquals(1.0, registry.get("dbq.slack.requests.refused").tag("reason", "stale").counter().count());
      assertEquals(2, logged.events().size(), logged::text);
      assertEquals(true, logged.events().get(1).getFormattedMessage().startsWith("refused 1000 Slack request(s)"), logged::text);
    }
  }
}
