package dev.dbq.round;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dbq.chat.ChannelKey;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DailyOrderTest {

  private static final LocalDate DAY = LocalDate.of(2026, 12, 1);
  private static final List<ChannelKey> FIVE = channels(5);

  private static List<ChannelKey> channels(int count) {
    return IntStream.range(0, count).mapToObj(i -> new ChannelKey("slack", "T1", "C" + i)).toList();
  }

  private static List<ChannelKey> order(LocalDate day, List<ChannelKey> channels) {
    return DailyOrder.of(day, channels, Function.identity());
  }

  private static String names(List<ChannelKey> channels) {
    return String.join(" ", channels.stream().map(ChannelKey::channel).toList());
  }

  /** The same on every instance and in every release: pinned, so that a change shows. */
  @ParameterizedTest(name = "{0}: {1}")
  @CsvSource({
      "2026-12-01, C3 C4 C1 C2 C0",
      "2026-12-02, C0 C2 C3 C1 C4",
      "2026-12-03, C2 C1 C3 C0 C4",
  })
  void eachDayHasItsOwnOrderTheSameWhereverItIsComputed(LocalDate day, String expected) {
    List<ChannelKey> shuffled = new ArrayList<>(FIVE);
    Collections.reverse(shuffled);

    assertEquals(expected, names(order(day, FIVE)));
    assertEquals(expected, names(order(day, shuffled)), "whatever order the channels were read in");
  }

  @Test
  void consecutiveDaysOrderTheChannelsDifferently() {
    List<ChannelKey> thousand = channels(1_000);
    for (int day = 0; day < 30; day++) {
      assertNotEquals(order(DAY.plusDays(day), thousand), order(DAY.plusDays(day + 1), thousand));
    }
  }

  @Test
  void noChannelComesLastDayAfterDay() {
    // GIVEN 20 channels due at once every day of a year
    List<ChannelKey> twenty = channels(20);
    Map<ChannelKey, Integer> lastDays = new HashMap<>();
    Set<ChannelKey> everLast = new HashSet<>();

    // WHEN each day's order is taken
    for (int day = 0; day < 365; day++) {
      List<ChannelKey> order = order(DAY.plusDays(day), twenty);
      ChannelKey last = order.get(order.size() - 1);
      lastDays.merge(last, 1, Integer::sum);
      everLast.add(last);
      assertEquals(Set.copyOf(twenty), Set.copyOf(order), "each channel once");
    }

    // THEN every channel is last some day, and none much more often than its share (365 / 20 ≈ 18)
    assertEquals(Set.copyOf(twenty), everLast);
    assertTrue(lastDays.values().stream().allMatch(days -> days <= 40), lastDays.toString());
  }
}
