package dev.dbq.streak;

/**
 * A user's streak in one channel.
 *
 * @param current consecutive rounds with the user's participation, counted back from the
 *     newest round (an open round they have not answered yet is left out, not counted as a miss)
 * @param best the longest such run ever, the current one included
 * @param roundsAnswered how many rounds of the channel the user took part in
 */
public record PersonalStreak(int current, int best, int roundsAnswered) {

  public static final PersonalStreak NONE = new PersonalStreak(0, 0, 0);
}
