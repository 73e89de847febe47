package dev.dbq.testsupport.discord;

import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Discord-shaped ids: milliseconds since the Discord epoch shifted left by 22 bits, then a
 * counter. JDA derives creation times from ids and shards guilds by {@code (id >> 22) % total}, so
 * the ids must have this shape rather than be small numbers.
 *
 * <p>The time in an id is read by JDA against the real clock ({@code System.currentTimeMillis}):
 * an interaction whose id says it is more than 15 minutes old is expired, and JDA silently
 * refuses to edit its reply. So ids are minted from the real clock only — never from a test's
 * simulated one — or a test passes on the day its fixed instant was written and fails a week
 * later.
 */
final class Snowflakes {

  static final long DISCORD_EPOCH_MILLIS = 1_420_070_400_000L;

  private final Clock clock = Clock.systemUTC();
  private final AtomicLong counter = new AtomicLong();

  long next() {
    return at(clock.millis(), counter.incrementAndGet());
  }

  String nextId() {
    return Long.toUnsignedString(next());
  }

  /** An id that says it was created at {@code createdAt} (e.g. an interaction sent long ago). */
  String idCreatedAt(Instant createdAt) {
    return Long.toUnsignedString(at(createdAt.toEpochMilli(), counter.incrementAndGet()));
  }

  /** When the id says it was created. */
  static Instant createdAt(String id) {
    return Instant.ofEpochMilli((Long.parseUnsignedLong(id) >>> 22) + DISCORD_EPOCH_MILLIS);
  }

  /** The real clock, the one JDA judges ids and timestamps by. */
  Clock clock() {
    return clock;
  }

  /** A fixed id for configuration, created at the given moment (milliseconds since 1970). */
  static long at(long epochMillis, long sequence) {
    return ((epochMillis - DISCORD_EPOCH_MILLIS) << 22) | (sequence & 0x3F_FFFFL);
  }
}
