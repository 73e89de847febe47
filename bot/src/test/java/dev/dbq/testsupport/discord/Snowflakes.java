package dev.dbq.testsupport.discord;

import java.time.Clock;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Discord-shaped ids: milliseconds since the Discord epoch shifted left by 22 bits, then a
 * counter. JDA derives creation times from ids and shards guilds by {@code (id >> 22) % total}, so
 * the ids must have this shape rather than be small numbers.
 */
final class Snowflakes {

  static final long DISCORD_EPOCH_MILLIS = 1_420_070_400_000L;

  private final Clock clock;
  private final AtomicLong counter = new AtomicLong();

  Snowflakes(Clock clock) {
    this.clock = clock;
  }

  long next() {
    long sinceEpoch = clock.millis() - DISCORD_EPOCH_MILLIS;
    return (sinceEpoch << 22) | (counter.incrementAndGet() & 0x3F_FFFFL);
  }

  String nextId() {
    return Long.toUnsignedString(next());
  }

  /** A fixed id for configuration, created at the given moment (milliseconds since 1970). */
  static long at(long epochMillis, int sequence) {
    return ((epochMillis - DISCORD_EPOCH_MILLIS) << 22) | sequence;
  }
}
