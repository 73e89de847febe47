package dev.dbq.streak;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Rounds are in 2026: 03-02 is a Monday, 03-07/03-08 a weekend. See {@link Histories}. */
class StreaksTest {

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      nullValues = "none",
      textBlock =
          """
          # case                                    | rounds, oldest first (* = open)                                   | user  | current | best | answered
          every round answered                      | 03-02: alice; 03-03: alice; 03-04: alice                          | alice | 3 | 3 | 3
          a missed round breaks the streak          | 03-02: alice; 03-03: bob; 03-04: alice                            | alice | 1 | 1 | 2
          a round nobody answered breaks it too     | 03-02: alice; 03-03:; 03-04: alice                                | alice | 1 | 1 | 2
          the newest round missed                   | 03-02: alice; 03-03: alice; 03-04: bob                            | alice | 0 | 2 | 2
          a weekend without rounds does not break   | 03-05: alice; 03-06: alice; 03-09: alice                          | alice | 3 | 3 | 3
          skipped weekdays do not break             | 03-02: alice; 03-05: alice; 03-12: alice                          | alice | 3 | 3 | 3
          open round without the user is left out   | 03-02: alice; 03-03: alice; 03-04*: bob                           | alice | 2 | 2 | 2
          open round with the user counts           | 03-02: alice; 03-03: alice; 03-04*: alice                         | alice | 3 | 3 | 3
          open round does not hide an earlier miss  | 03-02: alice; 03-03: bob; 03-04*: bob                             | alice | 0 | 1 | 1
          open round answered after a miss          | 03-02: alice; 03-03: bob; 03-04*: alice                           | alice | 1 | 1 | 2
          best is an earlier, longer run            | 03-02: alice; 03-03: alice; 03-04: alice; 03-05: bob; 03-06: alice | alice | 1 | 3 | 4
          best includes the current run             | 03-02: alice; 03-03:; 03-04: alice; 03-05: alice; 03-06: alice    | alice | 3 | 3 | 4
          only an open round, not answered yet      | 03-02*: bob                                                       | alice | 0 | 0 | 0
          a user who never participated             | 03-02: alice; 03-03: alice bob                                    | carol | 0 | 0 | 0
          an empty channel                          | none                                                              | alice | 0 | 0 | 0
          """)
  void personalStreakCountsConsecutiveRoundsFromTheNewest(
      String description, String rounds, String user, int current, int best, int answered) {
    // given
    RoundHistory history = Histories.parse(rounds);

    // when
    PersonalStreak streak = Streaks.personal(history, user);

    // then
    assertEquals(new PersonalStreak(current, best, answered), streak);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      nullValues = "none",
      textBlock =
          """
          # case                                   | rounds, oldest first (* = open)                        | quorum | current | best
          quorum 1: every round had someone        | 03-02: a b c; 03-03: a b; 03-04: a; 03-05: a b          | 1 | 4 | 4
          quorum 2: a single answer breaks         | 03-02: a b c; 03-03: a b; 03-04: a; 03-05: a b          | 2 | 1 | 2
          quorum 3: only the first round reached   | 03-02: a b c; 03-03: a b; 03-04: a; 03-05: a b          | 3 | 0 | 1
          quorum 1: an empty round breaks          | 03-02: a; 03-03:; 03-04: a                              | 1 | 1 | 1
          a weekend without rounds does not break  | 03-05: a; 03-06: a; 03-09: a                            | 1 | 3 | 3
          open round below quorum is left out      | 03-02: a b; 03-03: a b; 03-04*: a                       | 2 | 2 | 2
          open round reaching quorum counts        | 03-02: a b; 03-03: a b; 03-04*: a b                     | 2 | 3 | 3
          open round with nobody yet, quorum 1     | 03-02: a; 03-03*:                                       | 1 | 1 | 1
          best is an earlier, longer run           | 03-02: a b; 03-03: a b; 03-04: a b; 03-05: a; 03-06: a b | 2 | 1 | 3
          an empty channel                         | none                                                    | 1 | 0 | 0
          """)
  void teamStreakCountsConsecutiveRoundsThatReachedTheQuorum(
      String description, String rounds, int quorum, int current, int best) {
    // given
    RoundHistory history = Histories.parse(rounds);

    // when
    TeamStreak streak = Streaks.team(history, quorum);

    // then
    assertEquals(new TeamStreak(current, best), streak);
  }

  @ParameterizedTest
  @ValueSource(ints = {0, -1})
  void rejectsAQuorumBelowOne(int quorum) {
    // given
    RoundHistory history = Histories.parse("03-02: a");

    // when / then
    assertThrows(IllegalArgumentException.class, () -> Streaks.team(history, quorum));
  }
}
