package dev.dbq.slack;

import com.slack.api.app_backend.slash_commands.response.SlashCommandResponse;
import com.slack.api.bolt.util.JsonOps;
import dev.dbq.chat.Form;
import dev.dbq.chat.Reply;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A reply to a command or a press, ready to answer with: its Slack messages (a private question
 * card gains the share button), whether everyone sees them, and, when it is one message, the
 * acknowledgement that carries it, already serialized.
 *
 * @param responseType {@code ephemeral} or {@code in_channel}
 * @param ackJson the whole reply as a slash command's acknowledgement body; empty when it takes
 *     several messages (those go through the response_url, in order)
 * @param form the form to open instead of answering with a message ({@link SlackForms})
 */
record Rendered(String responseType, List<SlackBlocks.Message> messages, Optional<String> ackJson, Optional<Form> form) {

  static final String EPHEMERAL = "ephemeral";
  static final String IN_CHANNEL = "in_channel";

  /**
   * Replies repeat (the same question card, help, topics): rendering Markdown and serializing
   * Block Kit are the costly part of answering, so both are done once per distinct reply.
   */
  private static final int CACHED_REPLIES = 512;
  private static final Map<Reply, Rendered> CACHE = new ConcurrentHashMap<>();
  /** What a user sees when the bot failed them; the cause goes to the log. */
  static final Rendered SORRY = of(Reply.text("Sorry, that went wrong on our side. Please try again."));

  static Rendered of(Reply reply) {
    Rendered known = CACHE.get(reply);
    if (known != null) {
      return known;
    }
    if (reply.isForm()) {
      return new Rendered(EPHEMERAL, List.of(), Optional.empty(), Optional.of(reply.form()));
    }
    String type = reply.visibility() == Reply.Visibility.CHANNEL ? IN_CHANNEL : EPHEMERAL;
    List<SlackBlocks.Message> messages = SlackBlocks.messages(ShareButton.addTo(SlackBlocks.describingPictures(reply)));
    Optional<String> ack = messages.size() == 1
        ? Optional.of(JsonOps.toJsonString(response(type, messages.get(0))))
        : Optional.empty();
    Rendered rendered = new Rendered(type, messages, ack, Optional.empty());
    if (CACHE.size() >= CACHED_REPLIES) {
      CACHE.clear(); // crude, and enough: a bank has a few hundred cards
    }
    CACHE.put(reply, rendered);
    return rendered;
  }

  /** One of the messages as a slash command or response_url answer. */
  SlashCommandResponse response(SlackBlocks.Message message) {
    return response(responseType, message);
  }

  private static SlashCommandResponse response(String responseType, SlackBlocks.Message message) {
    return SlashCommandResponse.builder()
        .responseType(responseType)
        .text(message.text())
        .blocks(message.blocks())
        .build();
  }
}
