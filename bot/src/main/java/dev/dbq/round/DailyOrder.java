package dev.dbq.round;

import dev.dbq.chat.ChannelKey;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;

/**
 * The order in which the channels due at once are served on a day: shuffled by the day, so that
 * the same channels do not come last (and wait longest) every day, and the same on every instance
 * and in every run of that day, so that a test or a replay can say which comes first.
 */
final class DailyOrder {

  private DailyOrder() {}

  /** The items, each with its channel, in that day's order. */
  static <T> List<T> of(LocalDate day, Collection<T> items, Function<T, ChannelKey> channel) {
    return items.stream()
        .sorted(Comparator.<T>comparingLong(item -> rank(day, channel.apply(item)))
            .thenComparing(item -> channel.apply(item).toString()))
        .toList();
  }

  /** Where the channel comes on the day: a hash of both, mixed so that one day's order says nothing of the next. */
  static long rank(LocalDate day, ChannelKey channel) {
    return mix(fnv1a(channel.toString()) ^ mix(day.toEpochDay()));
  }

  /** FNV-1a, 64 bits: a stable hash of the key (String#hashCode's 32 bits collide too often at 10,000). */
  private static long fnv1a(String text) {
    long hash = 0xcbf29ce484222325L;
    for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
      hash ^= b & 0xff;
      hash *= 0x100000001b3L;
    }
    return hash;
  }

  /** SplitMix64's finalizer: every bit of the input moves about half of the output's. */
  private static long mix(long value) {
    long z = value + 0x9e3779b97f4a7c15L;
    z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
    z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
    return z ^ (z >>> 31);
  }
}
