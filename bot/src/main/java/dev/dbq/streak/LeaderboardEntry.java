package dev.dbq.streak;

import java.util.Objects;

/**
 * One line of a channel's leaderboard.
 *
 * @param rank 1-based; users with equal current, best and answered figures share a rank
 *     (competition ranking: 1, 1, 3)
 */
public record LeaderboardEntry(int rank, String userId, PersonalStreak streak) {

  public LeaderboardEntry {
    Objects.requireNonNull(userId, "userId");
    Objects.requireNonNull(streak, "streak");
  }
}
