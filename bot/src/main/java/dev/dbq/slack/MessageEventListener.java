package dev.dbq.slack;

import com.slack.api.app_backend.events.payload.EventsApiPayload;
import com.slack.api.model.event.MessageEvent;
import com.slack.api.model.event.MessageThreadBroadcastEvent;
import dev.dbq.chat.Inbound;
import dev.dbq.chat.ThreadMessage;

/**
 * Replies in a round's thread: a plain {@code message} event with a {@code thread_ts} counts for
 * its user, and so does a reply also sent to the channel ({@code thread_broadcast}). Bolt
 * delivers edits, joins and bot messages under their own subtypes, which are acknowledged and
 * not counted; a message with a {@code bot_id} is a bot's. Slack's retries repeat the
 * {@code event_id}, which the core counts once, so a retry after a failure still counts. The
 * round is found in the database by its {@code ts}: no history is read from Slack.
 */
final class MessageEventListener {

  private final Inbound inbound;

  MessageEventListener(Inbound inbound) {
    this.inbound = inbound;
  }

  void handle(EventsApiPayload<MessageEvent> payload) {
    MessageEvent event = payload.getEvent();
    if (event.getSubtype() == null) {
      threadReply(payload, event.getChannel(), event.getUser(), event.getTs(), event.getThreadTs(), event.getBotId() != null);
    }
  }

  void handleBroadcast(EventsApiPayload<MessageThreadBroadcastEvent> payload) {
    MessageThreadBroadcastEvent event = payload.getEvent();
    threadReply(payload, event.getChannel(), event.getUser(), event.getTs(), event.getThreadTs(), false);
  }

  private void threadReply(EventsApiPayload<?> payload, String channel, String user, String ts, String thread, boolean fromBot) {
    if (thread == null || thread.equals(ts) || !Callers.present(user)) {
      return;
    }
    // Acknowledged either way: a broken event is not worth Slack's retries.
    Callers.channel(payload.getTeamId(), channel).ifPresent(key ->
        inbound.threadMessage(key, thread, new ThreadMessage(user, fromBot, false, payload.getEventId())));
  }
}
