package dev.dbq.streak;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class StreakFormatterTest {

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          2 | 3 | 5 | 2 | 3 | Current streak: 2 · Best streak: 3 · Team streak: 2 (best 3)
          0 | 0 | 0 | 0 | 0 | Current streak: 0 · Best streak: 0 · Team streak: 0 (best 0)
          12 | 40 | 77 | 9 | 101 | Current streak: 12 · Best streak: 40 · Team streak: 9 (best 101)
          """)
  void namesEveryStreakFigureInWords(
      int current, int best, int answered, int teamCurrent, int teamBest, String expected) {
    // given
    PersonalStreak personal = new PersonalStreak(current, best, answered);
    TeamStreak team = new TeamStreak(teamCurrent, teamBest);

    // when
    String line = StreakFormatter.streakLine(personal, team);

    // then
    assertEquals(expected, line);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          1 | alice | 2 | 3 | 5 | 1. alice · Current streak: 2 · Best streak: 3 · Rounds answered: 5
          4 | Bob B. | 0 | 1 | 1 | 4. Bob B. · Current streak: 0 · Best streak: 1 · Rounds answered: 1
          """)
  void writesALeaderboardLineWithRankNameAndFigures(
      int rank, String name, int current, int best, int answered, String expected) {
    // given
    LeaderboardEntry entry =
        new LeaderboardEntry(rank, "U1", new PersonalStreak(current, best, answered));

    // when
    String line = StreakFormatter.leaderboardLine(entry, name);

    // then
    assertEquals(expected, line);
  }
}
