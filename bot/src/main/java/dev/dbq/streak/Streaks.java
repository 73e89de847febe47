package dev.dbq.streak;

import java.util.Objects;
import java.util.function.Predicate;

/**
 * Streak rules (DESIGN.md §6): streaks run over a channel's rounds, not over calendar days.
 *
 * <p>A closed round either extends a run (it counted) or breaks it (it did not). The open round
 * extends a run once it counts, and otherwise is skipped, so nobody sees their streak broken
 * before the round they can still answer has closed.
 */
public final class Streaks {

  /** Default {@code team_quorum}: one participant keeps the team streak alive. */
  public static final int DEFAULT_TEAM_QUORUM = 1;

  private Streaks() {}

  /** The streak of {@code userId}: {@link PersonalStreak#NONE} if they never took part. */
  public static PersonalStreak personal(RoundHistory history, String userId) {
    Objects.requireNonNull(userId, "userId");
    Runs runs = Runs.over(history, round -> round.hasParticipant(userId));
    return new PersonalStreak(runs.current(), runs.best(), runs.counted());
  }

  /** The channel's team streak: rounds with at least {@code quorum} participants count. */
  public static TeamStreak team(RoundHistory history, int quorum) {
    if (quorum < 1) {
      throw new IllegalArgumentException("team quorum must be at least 1, was " + quorum);
    }
    Runs runs = Runs.over(history, round -> round.participants().size() >= quorum);
    return new TeamStreak(runs.current(), runs.best());
  }

  /** Current and best runs of rounds that satisfy a condition, and how many rounds did. */
  private record Runs(int current, int best, int counted) {

    static Runs over(RoundHistory history, Predicate<RoundOutcome> counts) {
      int current = 0;
      int best = 0;
      int counted = 0;
      for (RoundOutcome round : history.rounds()) {
        if (counts.test(round)) {
          current++;
          counted++;
          best = Math.max(best, current);
        } else if (!round.open()) {
          current = 0;
        }
      }
      return new Runs(current, best, counted);
    }
  }
}
