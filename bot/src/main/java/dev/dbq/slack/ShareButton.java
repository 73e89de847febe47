package dev.dbq.slack;

import dev.dbq.chat.Reply;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Slack's "Share to channel": a private reply that shows a question gets a button that posts
 * the question for everyone. The button's value names the question, because Slack sends a
 * press on an ephemeral message back without the message itself.
 */
final class ShareButton {

  static final String LABEL = "Share to channel";
  /** Marks a value as Slack's own action rather than a core action. */
  static final String PREFIX = "share:";

  /** The core's buttons on a question card: {@code /dbq answer ID PART}. */
  private static final Pattern ANSWER_ACTION = Pattern.compile("^/dbq answer (\\S+) \\S+$");

  private ShareButton() {}

  /** The reply with a share button added when it is private and shows a question. */
  static Reply addTo(Reply reply) {
    if (reply.visibility() != Reply.Visibility.CALLER) {
      return reply;
    }
    return questionId(reply)
        .map(id -> {
          List<Reply.Button> buttons = new ArrayList<>(reply.buttons());
          buttons.add(new Reply.Button(LABEL, PREFIX + "/dbq show " + id));
          return new Reply(reply.title(), reply.blocks(), buttons, reply.visibility(), reply.attachments(), reply.form());
        })
        .orElse(reply);
  }

  /** The command a share button's value runs, when it is one. */
  static Optional<String> sharedCommand(String value) {
    return value.startsWith(PREFIX) ? Optional.of(value.substring(PREFIX.length())) : Optional.empty();
  }

  private static Optional<String> questionId(Reply reply) {
    for (Reply.Button button : reply.buttons()) {
      Matcher action = ANSWER_ACTION.matcher(button.action());
      if (action.matches()) {
        return Optional.of(action.group(1));
      }
    }
    return Optional.empty();
  }
}
