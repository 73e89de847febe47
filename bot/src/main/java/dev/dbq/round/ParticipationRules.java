package dev.dbq.round;

import java.time.Instant;
import java.util.Objects;

/**
 * Whether a reply in a round's thread or an "I answered" press counts as participation
 * (DESIGN.md §6).
 *
 * <p>A round is open from its post (inclusive) until the next round of its channel is posted
 * (exclusive); an event at exactly the next round's post instant belongs to the next round.
 * Once per user per round is the store's unique key, not a rule here.
 */
public final class ParticipationRules {

  private ParticipationRules() {}

  /**
   * A thread reply or button press, as the platform reported it.
   *
   * @param fromBot the author is a bot (including dbq itself)
   * @param edit the event is an edit of an earlier message, not a new one
   * @param at when the platform says it happened
   */
  public record Event(String userId, boolean fromBot, boolean edit, Instant at) {
    public Event {
      Objects.requireNonNull(userId, "userId");
      Objects.requireNonNull(at, "at");
    }
  }

  /** Why an event counts or not; the reasons let a button press get a helpful reply. */
  public enum Verdict {
    COUNTS,
    BOT,
    EDIT,
    BEFORE_ROUND,
    ROUND_CLOSED;

    public boolean counts() {
      return this == COUNTS;
    }
  }

  /**
   * Judges an event against the round's open window.
   *
   * @param roundPostedAt when the round was posted
   * @param nextRoundPostedAt when the channel's next round was posted, or null while this round
   *     is the newest (still open)
   */
  public static Verdict judge(Event event, Instant roundPostedAt, Instant nextRoundPostedAt) {
    Objects.requireNonNull(roundPostedAt, "roundPostedAt");
    if (event.fromBot()) {
      return Verdict.BOT;
    }
    if (event.edit()) {
      return Verdict.EDIT;
    }
    if (event.at().isBefore(roundPostedAt)) {
      return Verdict.BEFORE_ROUND;
    }
    if (nextRoundPostedAt != null && !event.at().isBefore(nextRoundPostedAt)) {
      return Verdict.ROUND_CLOSED;
    }
    return Verdict.COUNTS;
  }
}
