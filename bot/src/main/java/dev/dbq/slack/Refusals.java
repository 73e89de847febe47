package dev.dbq.slack;

import dev.dbq.slack.RequestSignature.Refusal;
import dev.dbq.chat.PlatformCounters;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
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

  private final PlatformCounters counters;
  private final Clock clock;
  private final AtomicLong sinceLastLine = new AtomicLong();
  private volatile Instant nextLine = Instant.MIN;

  Refusals(PlatformCounters counters, Clock clock) {
    this.counters = counters;
    this.clock = clock;
  }

  void count(Refusal refusal) {
    counters.requestRefused(SlackPlatform.NAME, refusal.tag);
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
