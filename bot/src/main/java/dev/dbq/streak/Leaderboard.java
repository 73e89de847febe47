package dev.dbq.streak;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * A channel's ranking of everyone who ever participated in one of its rounds.
 *
 * <p>Order: current streak, best streak, rounds answered (all descending), then user id so the
 * list is the same on every call.
 */
public record Leaderboard(List<LeaderboardEntry> entries) {

  private static final Comparator<PersonalStreak> BY_FIGURES_DESCENDING =
      Comparator.comparingInt(PersonalStreak::current)
          .thenComparingInt(PersonalStreak::best)
          .thenComparingInt(PersonalStreak::roundsAnswered)
          .reversed();

  public Leaderboard {
    entries = List.copyOf(entries);
  }

  /** Ranks every participant of the channel's history. */
  public static Leaderboard of(RoundHistory history) {
    record Scored(String userId, PersonalStreak streak) {}
    List<Scored> scored = new ArrayList<>();
    for (String userId : history.everyParticipant()) {
      scored.add(new Scored(userId, Streaks.personal(history, userId)));
    }
    scored.sort(
        Comparator.comparing(Scored::streak, BY_FIGURES_DESCENDING)
            .thenComparing(Scored::userId));

    List<LeaderboardEntry> entries = new ArrayList<>(scored.size());
    for (int i = 0; i < scored.size(); i++) {
      Scored user = scored.get(i);
      boolean tiesPrevious =
          i > 0 && BY_FIGURES_DESCENDING.compare(scored.get(i - 1).streak(), user.streak()) == 0;
      int rank = tiesPrevious ? entries.get(i - 1).rank() : i + 1;
      entries.add(new LeaderboardEntry(rank, user.userId(), user.streak()));
    }
    return new Leaderboard(entries);
  }

  public boolean isEmpty() {
    return entries.isEmpty();
  }
}
