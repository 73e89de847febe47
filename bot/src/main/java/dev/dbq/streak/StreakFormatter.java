package dev.dbq.streak;

/**
 * Streak figures in words a person can read and a script can match (DESIGN.md §6), e.g.
 * {@code Current streak: 2 · Best streak: 3 · Team streak: 2 (best 3)}.
 *
 * <p>The wording is a contract: keep {@code Label: number} pairs and the {@code " · "}
 * separator stable.
 */
public final class StreakFormatter {

  private static final String SEPARATOR = " · ";

  private StreakFormatter() {}

  /**
   * The {@code /dbq streak} line: {@code Current streak: 2 · Best streak: 3 · Team streak: 2
   * (best 3)}.
   */
  public static String streakLine(PersonalStreak personal, TeamStreak team) {
    return "Current streak: "
        + personal.current()
        + SEPARATOR
        + "Best streak: "
        + personal.best()
        + SEPARATOR
        + "Team streak: "
        + team.current()
        + " (best "
        + team.best()
        + ")";
  }

  /**
   * One leaderboard line: {@code 1. alice · Current streak: 2 · Best streak: 3 · Rounds answered:
   * 5}.
   *
   * @param displayName how the platform names the user; the caller makes sure it cannot ping
   */
  public static String leaderboardLine(LeaderboardEntry entry, String displayName) {
    PersonalStreak streak = entry.streak();
    return entry.rank()
        + ". "
        + displayName
        + SEPARATOR
        + "Current streak: "
        + streak.current()
        + SEPARATOR
        + "Best streak: "
        + streak.best()
        + SEPARATOR
        + "Rounds answered: "
        + streak.roundsAnswered();
  }
}
