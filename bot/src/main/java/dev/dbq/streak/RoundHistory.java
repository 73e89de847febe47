package dev.dbq.streak;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The rounds of one channel, oldest first: the input of every streak rule.
 *
 * <p>Only dates that had a round appear, so weekends and skipped days are simply absent and
 * cannot break a streak. The constructor rejects histories that the store could never produce
 * (dates out of order or repeated, an open round that is not the newest), because streaks
 * computed over them would be silently wrong.
 */
public record RoundHistory(List<RoundOutcome> rounds) {

  public RoundHistory {
    rounds = List.copyOf(rounds);
    for (int i = 1; i < rounds.size(); i++) {
      if (!rounds.get(i).date().isAfter(rounds.get(i - 1).date())) {
        throw new IllegalArgumentException(
            "rounds must be in date order, one per date: "
                + rounds.get(i - 1).date()
                + " is followed by "
                + rounds.get(i).date());
      }
    }
    for (int i = 0; i < rounds.size() - 1; i++) {
      if (rounds.get(i).open()) {
        throw new IllegalArgumentException(
            "only the newest round can be open, but " + rounds.get(i).date() + " is");
      }
    }
  }

  public static RoundHistory of(RoundOutcome... rounds) {
    return new RoundHistory(List.of(rounds));
  }

  public boolean isEmpty() {
    return rounds.isEmpty();
  }

  /** Everyone who ever participated in a round of the channel, sorted by id. */
  public Set<String> everyParticipant() {
    Set<String> users = new TreeSet<>();
    rounds.forEach(round -> users.addAll(round.participants()));
    return users;
  }
}
