package dev.dbq.round;

import dev.dbq.chat.Reply;
import dev.dbq.chat.UserText;

/** What a person is told about a thread reply or an "I answered" press: said once, for every platform. */
public final class ParticipationWords {

  private ParticipationWords() {}

  /** The note under a reply in a round's thread. */
  public static Reply threadReply(String userId, ParticipationOutcome outcome) {
    String who = UserText.neutralize(userId);
    return Reply.text(
        switch (outcome) {
          // "name: counted" reads right for every name, "you" included ("you is counted" did not).
          case COUNTED -> "(" + who + ": counted for today's question)";
          case ALREADY_COUNTED -> "(" + who + ": already counted for today's question)";
          case ROUND_CLOSED -> "(too late to count: that round is closed)";
          case NOT_COUNTED_BOT_OR_EDIT, DUPLICATE_DELIVERY, NOT_A_ROUND -> "(not counted)";
        });
  }

  /** The answer to pressing "I answered". */
  public static Reply answered(ParticipationOutcome outcome) {
    return Reply.text(
        switch (outcome) {
          case COUNTED -> "Counted: you took part in this question of the day. `/dbq streak` shows your streak.";
          case ALREADY_COUNTED -> "You are already counted for this question of the day.";
          case ROUND_CLOSED -> "That question of the day is closed: answer today's to keep your streak.";
          case NOT_A_ROUND, NOT_COUNTED_BOT_OR_EDIT, DUPLICATE_DELIVERY -> "That is not a question of the day of this channel.";
        });
  }
}
