package dev.dbq.slack;

import dev.dbq.slack.RequestSignature.Refusal;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Refused Slack requests: each counted in {@code /metrics} ({@code dbq_slack_requests_refused_total}
 * by reason), at most one log line a minute summing them up. Anyone can send them, so a line per
 * request would let them fill the disk; nothing of a request is logged.
 */
final class Refusals {

  static final Duration LOG_EVERY = Duration.ofMinutes(1);

  private static final Logger log = LoggerFactory.getLogger(Refusals.class);

  private final Clock clock;
  private final Map<Refusal, Counter> counters = new EnumMap<>(Refusal.class);
  private final AtomicLong sinceLastLine = new AtomicLong();
  private volatile Instant nextLine = Instant.MIN;

  Refusals(MeterRegistry registry, Clock clock) {
    this.clock = clock;
    for (Refusal refusal : Refusal.values()) {
      counters.put(refusal, Counter.builder("dbq.slack.requests.refused")
          .description("Requests to /slack/events refused before Bolt saw them, by reason")
          .tag("reason", refusal.tag)
          .register(registry));
    }
  }

  void count(Refusal refusal) {
    counters.get(refusal).increment();
    sinceLastLine.incrementAndGet();
    Instant now = clock.instant();
    if (now.isBefore(nextLine)) {
      return;
    }
    long unlogged;
    synchronized (this) {
      if (now.isBefore(nextLine)) {
        return;
      }
      nextLine = now.plus(LOG_EVERY);
      unlogged = sinceLastLine.getAndSet(0);
    }
    log.info("refused {} Slack request(s) since the last such line, the latest {} (by reason in /metrics: dbq_slack_requests_refused_total)",
        unlogged, refusal.tag);
  }
}
