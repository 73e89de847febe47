package dev.dbq.round;

import dev.dbq.bank.Question;
import dev.dbq.chat.Reply.Button;
import dev.dbq.chat.Reply.Text;
import dev.dbq.chat.Reply;
import dev.dbq.command.AnswerPart;
import dev.dbq.command.QuestionCards;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/** What the question of the day says in the channel and in its thread. */
final class RoundMessages {

  private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEE d MMM", Locale.ENGLISH);

  private RoundMessages() {}

  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm", Locale.ENGLISH);

  /**
   * The post: the question without its answer, and buttons to peek privately or to check in.
   *
   * @param revealAt when the quick answer goes to the thread, in the channel's zone
   */
  static Reply question(Round round, Question q, ZonedDateTime revealAt) {
    return new Reply(
        "Question of the day · " + DAY.format(round.date()) + " · " + QuestionCards.heading(q),
        List.of(
            new Text(QuestionCards.facts(q)),
            new Text("Answer in the thread (or press **I answered**); the quick answer is revealed there " + when(round, revealAt) + ".")),
        List.of(
            new Button(AnswerPart.QUICK.label(), "/dbq answer " + q.id() + " quick"),
            new Button(AnswerPart.DETAILED.label(), "/dbq answer " + q.id() + " detailed"),
            new Button("I answered", "/dbq answered " + round.id())),
        Reply.Visibility.CHANNEL);
  }

  /** "at 17:00 (UTC)" on the round's date, else with the day: "on Tue 8 Dec at 09:00 (UTC)". */
  private static String when(Round round, ZonedDateTime revealAt) {
    String time = "at " + TIME.format(revealAt) + " (" + revealAt.getZone().getId() + ")";
    return revealAt.toLocalDate().equals(round.date()) ? time : "on " + DAY.format(revealAt) + " " + time;
  }

  static Reply followUp(Question q, int index) {
    return new Reply(
        "",
        List.of(new Text("**Follow-up " + (index + 1) + "/" + q.followUps().size() + ":** " + q.followUps().get(index))),
        List.of(),
        Reply.Visibility.CHANNEL);
  }

  static Reply reveal(Question q) {
    return new Reply(
        "",
        List.of(new Text("**Quick answer**\n" + q.quickAnswer())),
        List.of(QuestionCards.partButton(q, AnswerPart.DETAILED)),
        Reply.Visibility.CHANNEL);
  }

}
