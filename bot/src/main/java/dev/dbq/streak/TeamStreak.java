package dev.dbq.streak;

/**
 * A channel's team streak.
 *
 * @param current consecutive rounds that reached the quorum, counted back from the newest round
 *     (an open round below the quorum is left out, not counted as a miss)
 * @param best the longest such run ever, the current one included
 */
public record TeamStreak(int current, int best) {

  public static final TeamStreak NONE = new TeamStreak(0, 0);
}
