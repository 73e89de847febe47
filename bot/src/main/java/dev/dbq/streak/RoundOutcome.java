package dev.dbq.streak;

import java.time.LocalDate;
import java.util.Objects;
import java.util.Set;

/**
 * What one round of a channel amounts to for streaks: its date and who took part.
 *
 * @param date the round's local date in the channel's time zone
 * @param participants ids of the users who participated (each once)
 * @param open true while the round is still open, i.e. until the next round of the channel is
 *     posted; only a channel's newest round can be open
 */
public record RoundOutcome(LocalDate date, Set<String> participants, boolean open) {

  public RoundOutcome {
    Objects.requireNonNull(date, "date");
    participants = Set.copyOf(participants);
  }

  /** A round that the next round of its channel has closed. */
  public static RoundOutcome closed(LocalDate date, Set<String> participants) {
    return new RoundOutcome(date, participants, false);
  }

  /** The channel's newest round, still taking participation. */
  public static RoundOutcome open(LocalDate date, Set<String> participants) {
    return new RoundOutcome(date, participants, true);
  }

  public boolean hasParticipant(String userId) {
    return participants.contains(userId);
  }
}
