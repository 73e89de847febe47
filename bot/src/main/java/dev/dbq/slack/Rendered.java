package dev.dbq.slack;

import dev.dbq.chat.Reply;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A reply to a command or a press, ready to answer with: its Slack messages (a private question
 * card gains the share button) and whether everyone sees them.
 *
 * @param responseType {@code ephemeral} or {@code in_channel}
 */
record Rendered(String responseType, List<SlackBlocks.Message> messages) {

  static final String EPHEMERAL = "ephemeral";
  static final String IN_CHANNEL = "in_channel";

  /** Replies repeat (the same question card, help, topics); rendering Markdown is the costly part. */
  private static final int CACHED_REPLIES = 512;
  private static final Map<Reply, Rendered> CACHE = new ConcurrentHashMap<>();
  /** What a user sees when the bot failed them; the cause goes to the log. */
  static final Rendered SORRY = of(Reply.text("Sorry, that went wrong on our side. Please try again."));

  static Rendered of(Reply reply) {
    Rendered known = CACHE.get(reply);
    if (known != null) {
      return known;
    }
    String type = reply.visibility() == Reply.Visibility.CHANNEL ? IN_CHANNEL : EPHEMERAL;
    Rendered rendered = new Rendered(type, SlackBlocks.messages(ShareButton.addTo(reply)));
    if (CACHE.size() >= CACHED_REPLIES) {
      CACHE.clear(); // crude, and enough: a bank has a few hundred cards
    }
    CACHE.put(reply, rendered);
    return rendered;
  }
}
