package dev.dbq.text;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DidYouMeanTest {

  private static final List<String> OPTIONS = List.of("Senior", "Staff", "random", "search", "scenario", "help", "show");

  @ParameterizedTest(name = "{0} → {1}")
  @CsvSource({
    "staf, Staff",
    "STAFF, Staff",
    "senoir, Senior",
    "randmo, random",
    "scen, scenario",
    "hlep, help",
    "shwo, show",
    "radnom, random",
    "s, ''",
    "xyz, ''",
    "'', ''",
  })
  void suggestsTheClosestOptionOnlyWhenItIsCloseCountingASwapOfNeighboursAsOneSlip(String typed, String expected) {
    assertEquals(expected.isEmpty() ? Optional.empty() : Optional.of(expected), DidYouMean.closest(typed, OPTIONS));
  }

  @ParameterizedTest(name = "{0} ~ {1} = {2}")
  @CsvSource({"hlep, help, 1", "help, help, 0", "ab, ba, 1", "abc, ca, 3", "kitten, sitting, 3"})
  void aSwapOfNeighboursIsOneEdit(String a, String b, int distance) {
    assertEquals(distance, DidYouMean.distance(a, b));
  }
}
