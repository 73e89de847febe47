package dev.dbq.slack;

import dev.dbq.chat.Reply;
import java.util.List;

/**
 * A reply to a command or a press, ready to answer with: its Slack messages (a private question
 * card gains the share button) and whether everyone sees them.
 *
 * @param responseType {@code ephemeral} or {@code in_channel}
 */
record Rendered(String responseType, List<SlackBlocks.Message> messages) {

  static final String EPHEMERAL = "ephemeral";
  static final String IN_CHANNEL = "in_channel";

  static Rendered of(Reply reply) {
    String type = reply.visibility() == Reply.Visibility.CHANNEL ? IN_CHANNEL : EPHEMERAL;
    return new Rendered(type, SlackBlocks.messages(ShareButton.addTo(reply)));
  }
}
