package dev.dbq.discord;

import dev.dbq.chat.ChannelKey;
import dev.dbq.chat.Inbound;
import dev.dbq.chat.ThreadMessage;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import net.dv8tion.jda.api.entities.Guild;
import net.dv8tion.jda.api.entities.MessageType;
import net.dv8tion.jda.api.entities.channel.concrete.ThreadChannel;
import net.dv8tion.jda.api.events.RawGatewayEvent;
import net.dv8tion.jda.api.events.message.MessageReceivedEvent;
import net.dv8tion.jda.api.hooks.ListenerAdapter;
import net.dv8tion.jda.api.utils.data.DataObject;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Messages in threads, handed to the core as possible participation in a round. Only the
 * author and the channel matter, never the content (so no MESSAGE_CONTENT intent). Nothing is
 * answered in the thread: a "counted" note under every reply would drown the discussion.
 *
 * <p>JDA holds back a MESSAGE_CREATE of a thread it has not cached and replays it once the
 * thread becomes known. Threads active at connect time come with GUILD_CREATE; for any other
 * (a round's thread archived and revived by a reply, say), the raw event triggers one fetch of
 * the guild's active threads, which caches the thread and releases the held-back message.
 */
final class ThreadReplies extends ListenerAdapter {

  private static final Logger log = LoggerFactory.getLogger(ThreadReplies.class);

  private final Inbound inbound;
  private final ExecutorService work;
  /** Channels already looked up, so a stream of messages in an unknown channel costs one request. */
  private final Set<String> fetchedFor = ConcurrentHashMap.newKeySet();

  ThreadReplies(Inbound inbound, ExecutorService work) {
    this.inbound = inbound;
    this.work = work;
  }

  @Override
  public void onMessageReceived(MessageReceivedEvent event) {
    if (!event.isFromGuild() || !event.getChannelType().isThread()
        || event.getAuthor().getIdLong() == event.getJDA().getSelfUser().getIdLong()) {
      return; // our own follow-ups and reveals need no database lookup
    }
    MessageType type = event.getMessage().getType();
    if (type != MessageType.DEFAULT && type != MessageType.INLINE_REPLY) {
      return; // thread starters, joins, renames: not somebody answering
    }
    ThreadChannel thread = event.getChannel().asThreadChannel();
    ChannelKey channel = new ChannelKey(DiscordPlatform.NAME, event.getGuild().getId(), thread.getParentChannel().getId());
    boolean fromBot = event.getAuthor().isBot() || event.getAuthor().isSystem() || event.isWebhookMessage();
    ThreadMessage message = new ThreadMessage(event.getAuthor().getId(), fromBot, false, event.getMessageId());
    String threadId = thread.getId();
    work.execute(() -> {
      try {
        inbound.threadMessage(channel, threadId, message);
      } catch (RuntimeException e) {
        log.error("{}: thread message {} in {} could not be recorded", channel, message.eventId(), threadId, e);
      }
    });
  }

  @Override
  public void onRawGateway(RawGatewayEvent event) {
    if (!"MESSAGE_CREATE".equals(event.getType())) {
      return;
    }
    DataObject message = event.getPayload();
    if (message.isNull("guild_id")) {
      return;
    }
    Guild guild = event.getJDA().getGuildById(message.getUnsignedLong("guild_id"));
    String channelId = message.getString("channel_id");
    if (guild == null || guild.getGuildChannelById(channelId) != null || !fetchedFor.add(channelId)) {
      return;
    }
    log.info("Message in channel {} that JDA has not cached: fetching the active threads of guild {}", channelId, guild.getId());
    guild.retrieveActiveThreads().queue(
        threads -> log.debug("{} active threads known in guild {}", threads.size(), guild.getId()),
        e -> log.warn("Could not fetch the active threads of guild {}: {}", guild.getId(), e.getMessage()));
  }
}
