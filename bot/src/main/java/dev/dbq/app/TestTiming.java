package dev.dbq.app;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Two timings that only tests which kill whole processes shorten, as JVM system properties (ISO
 * durations), never as config keys: {@code -Ddbq.test.post-lease=PT3S} (how long an instance
 * holds a claimed round's post, 2 minutes otherwise) and {@code -Ddbq.test.tick=PT1S} (how often
 * the scheduler runs, 1 minute otherwise). With them a survivor takes over a killed instance's
 * round in seconds rather than minutes. Each one set is logged at WARN: in production, a lease
 * shorter than a slow post lets two instances post one round.
 */
final class TestTiming {

  static final String POST_LEASE = "dbq.test.post-lease";
  static final String TICK = "dbq.test.tick";

  private static final Logger log = LoggerFactory.getLogger(TestTiming.class);

  private TestTiming() {}

  static Optional<Duration> postLease() {
    return read(POST_LEASE);
  }

  static Optional<Duration> tick() {
    return read(TICK);
  }

  private static Optional<Duration> read(String property) {
    String value = System.getProperty(property);
    if (value == null || value.isBlank()) {
      return Optional.empty();
    }
    try {
      Duration duration = Duration.parse(value.strip());
      if (duration.isNegative() || duration.isZero()) {
        throw new IllegalArgumentException(property + " must be positive, not " + value);
      }
      log.warn("{}={}: a test-only timing is in force; never set it in production", property, duration);
      return Optional.of(duration);
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException(property + " is not an ISO duration such as PT3S: " + value, e);
    }
  }
}
