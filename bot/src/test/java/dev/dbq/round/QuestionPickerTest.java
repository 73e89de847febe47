package dev.dbq.round;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class QuestionPickerTest {

  private static final List<String> BANK =
      IntStream.rangeClosed(1, 12).mapToObj(n -> "q" + n).toList();

  @ParameterizedTest(name = "seed {0}")
  @ValueSource(longs = {1, 2, 3, 42, 2026})
  void asksEveryCandidateOnceBeforeAnyRepeats(long seed) {
    // given
    QuestionPicker picker = new QuestionPicker(new SplittableRandom(seed));

    // when
    List<QuestionPicker.Pick> cycle = pickSequence(picker, BANK, BANK.size());

    // then
    Set<String> asked = new HashSet<>();
    cycle.forEach(pick -> asked.add(pick.questionId()));
    assertEquals(Set.copyOf(BANK), asked);
    assertTrue(cycle.stream().noneMatch(QuestionPicker.Pick::startsNewCycle));
  }

  @ParameterizedTest(name = "seed {0}")
  @ValueSource(longs = {1, 2, 3, 42, 2026})
  void startsANewCycleInANewOrderOnceAllWereAsked(long seed) {
    // given
    QuestionPicker picker = new QuestionPicker(new SplittableRandom(seed));

    // when
    List<QuestionPicker.Pick> twoCycles = pickSequence(picker, BANK, 2 * BANK.size());

    // then
    List<String> first = ids(twoCycles.subList(0, BANK.size()));
    List<String> second = ids(twoCycles.subList(BANK.size(), 2 * BANK.size()));
    assertTrue(twoCycles.get(BANK.size()).startsNewCycle());
    assertEquals(Set.copyOf(BANK), Set.copyOf(second));
    assertNotEquals(first, second, "a new cycle is shuffled anew");
    assertNotEquals(first.get(first.size() - 1), second.get(0), "no question twice in a row");
  }

  @Test
  void picksTheSameSequenceForTheSameSeed() {
    // given
    QuestionPicker one = new QuestionPicker(new SplittableRandom(7));
    QuestionPicker other = new QuestionPicker(new SplittableRandom(7));

    // when
    List<String> first = ids(pickSequence(one, BANK, 30));
    List<String> second = ids(pickSequence(other, BANK, 30));

    // then
    assertEquals(first, second);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      nullValues = "none",
      textBlock =
          """
          # case                                          | candidates          | asked in cycle   | previous | possible picks | new cycle
          nothing asked yet                               | q1 q2 q3            | none             | none     | q1 q2 q3       | false
          only the ones not asked                         | q1 q2 q3 q4         | q1 q3            | q3       | q2 q4          | false
          the last one left                               | q1 q2 q3            | q1 q2            | q2       | q3             | false
          filter narrowed: asked outside it don't count   | q2 q4 q6            | q1 q2 q3         | q3       | q4 q6          | false
          filter narrowed to asked ones: new cycle        | q1 q2               | q1 q2 q5         | q5       | q1 q2          | true
          all asked: new cycle without the previous one   | q1 q2 q3            | q1 q2 q3         | q2       | q1 q3          | true
          a single candidate may repeat                   | q1                  | q1               | q1       | q1             | true
          duplicate candidates count once                 | q1 q1 q2            | q2               | q2       | q1             | false
          """)
  void picksOnlyAmongTheCandidatesNotAskedInTheCycle(
      String description,
      String candidates,
      String askedInCycle,
      String previous,
      String possiblePicks,
      boolean startsNewCycle) {
    for (long seed = 0; seed < 20; seed++) {
      // given
      QuestionPicker picker = new QuestionPicker(new SplittableRandom(seed));

      // when
      Optional<QuestionPicker.Pick> pick =
          picker.pick(words(candidates), Set.copyOf(words(askedInCycle)), previous);

      // then
      assertTrue(pick.isPresent());
      assertTrue(
          words(possiblePicks).contains(pick.get().questionId()),
          "seed " + seed + " picked " + pick.get().questionId());
      assertEquals(startsNewCycle, pick.get().startsNewCycle());
    }
  }

  @Test
  void noCandidatesMeansNoPick() {
    // given
    QuestionPicker picker = new QuestionPicker(new SplittableRandom(1));

    // when
    Optional<QuestionPicker.Pick> pick = picker.pick(List.of(), Set.of("q1"));

    // then
    assertFalse(pick.isPresent());
  }

  /** Picks {@code count} times, keeping the cycle the way the round service stores it. */
  private static List<QuestionPicker.Pick> pickSequence(
      QuestionPicker picker, List<String> candidates, int count) {
    List<QuestionPicker.Pick> picks = new ArrayList<>();
    Set<String> askedInCycle = new HashSet<>();
    String previous = null;
    for (int i = 0; i < count; i++) {
      QuestionPicker.Pick pick = picker.pick(candidates, askedInCycle, previous).orElseThrow();
      if (pick.startsNewCycle()) {
        askedInCycle.clear();
      }
      askedInCycle.add(pick.questionId());
      previous = pick.questionId();
      picks.add(pick);
    }
    return picks;
  }

  private static List<String> ids(List<QuestionPicker.Pick> picks) {
    return picks.stream().map(QuestionPicker.Pick::questionId).toList();
  }

  private static List<String> words(String spaceSeparated) {
    return spaceSeparated == null ? List.of() : List.of(spaceSeparated.trim().split("\\s+"));
  }
}
