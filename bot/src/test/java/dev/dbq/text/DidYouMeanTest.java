package dev.dbq.text;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DidYouMeanTest {

  private static final List<String> OPTIONS = List.of("Senior", "Staff", "random", "search", "scenario");

  @ParameterizedTest(name = "{0} → {1}")
  @CsvSource({
    "staf, Staff",
    "STAFF, Staff",
    "senoir, Senior",
    "randmo, random",
    "scen, scenario",
    "s, ''",
    "xyz, ''",
    "'', ''",
  })
  void suggestsTheClosestOptionOnlyWhenItIsClose(String typed, String expected) {
    assertEquals(expected.isEmpty() ? Optional.empty() : Optional.of(expected), DidYouMean.closest(typed, OPTIONS));
  }
}
