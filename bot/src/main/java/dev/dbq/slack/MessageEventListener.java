package dev.dbq.slack;

import com.slack.api.app_backend.events.payload.EventsApiPayload;
import com.slack.api.model.event.MessageEvent;
import dev.dbq.chat.Inbound;
import dev.dbq.chat.ThreadMessage;

/**
 * Replies in a round's thread: a plain {@code message} event with a {@code thread_ts} counts for
 * its user. Bolt delivers edits, joins and bot messages under their own subtypes, which are
 * acknowledged and not counted; a message with a {@code bot_id} is a bot's. Slack's retries
 * repeat the {@code event_id}, which the core counts once, so a retry after a failure still counts.
 * The round is found in the database by its {@code ts}: no history is read from Slack.
 */
final class MessageEventListener {

  private final Inbound inbound;

  MessageEventListener(Inbound inbound) {
    this.inbound = inbound;
  }

  void handle(EventsApiPayload<MessageEvent> payload) {
    MessageEvent event = payload.getEvent();
    String thread = event.getThreadTs();
    if (thread == null || thread.equals(event.getTs()) || event.getUser() == null || event.getSubtype() != null) {
      return;
    }
    boolean fromBot = event.getBotId() != null;
    inbound.threadMessage(
        Callers.channel(payload.getTeamId(), event.getChannel()),
        thread,
        new ThreadMessage(event.getUser(), fromBot, false, payload.getEventId()));
  }
}
