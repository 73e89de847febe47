package dev.dbq.discord;

import dev.dbq.chat.ChannelGateway;
import dev.dbq.chat.ChannelGoneException;
import dev.dbq.chat.ChannelKey;
import dev.dbq.chat.Lane;
import dev.dbq.chat.Reply;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import net.dv8tion.jda.api.JDA;
import net.dv8tion.jda.api.entities.Message;
import net.dv8tion.jda.api.entities.channel.ChannelType;
import net.dv8tion.jda.api.entities.channel.concrete.PrivateChannel;
import net.dv8tion.jda.api.entities.channel.concrete.ThreadChannel;
import net.dv8tion.jda.api.entities.channel.middleman.StandardGuildMessageChannel;
import net.dv8tion.jda.api.exceptions.ErrorResponseException;
import net.dv8tion.jda.api.requests.ErrorResponse;
import net.dv8tion.jda.api.sharding.ShardManager;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The core's messages into Discord: a round is a message in the channel with a public thread
 * opened on it ({@code POST channels/{c}/messages/{m}/threads}); follow-ups and the reveal go
 * into the thread; a plain message goes to the channel; a private word is a direct message
 * ({@code POST users/@me/channels}, then a message there). Pictures and charts are attached
 * as PNG files with their alt text as the attachment's description. Calls block until Discord answered: JDA waits out a 429 and sends the same request
 * again (Discord did nothing with it), and nothing here resends a request that may have
 * succeeded, so with the core's claim in the database a round is never posted twice.
 */
final class DiscordGateway implements ChannelGateway {

  private static final Logger log = LoggerFactory.getLogger(DiscordGateway.class);
  static final int THREAD_NAME_LIMIT = 100;
  static final String DEFAULT_THREAD_NAME = "Question of the day";
  /** Characters of a message nonce. */
  private static final int NONCE_LIMIT = 25;
  /** Discord's error code for "A thread has already been created for this message". */
  private static final int THREAD_ALREADY_CREATED = 160004;

  /**
   * The bot's posts in flight at once. JDA keeps each route's bucket from the answers' headers
   * (waiting out a 429 on that bucket only) and the bot's global limit (about 50 requests a
   * second); this many in flight keeps its queues short without idling the connection.
   */
  static final int BOT_WIDTH = 32;
  private static final Lane BOT_LANE = new Lane("discord:bot", BOT_WIDTH);

  private final int shardsTotal;
  private final Set<Integer> shardIds;
  private volatile ShardManager shards;

  /** @param shardIds the shards of {@code shardsTotal} that this process runs */
  DiscordGateway(int shardsTotal, Collection<Integer> shardIds) {
    this.shardsTotal = shardsTotal;
    this.shardIds = Set.copyOf(shardIds);
  }

  /** Usable from now on: the core may post once the platform started. */
  void bind(ShardManager shardManager) {
    this.shards = shardManager;
  }

  /** Discord's rule: a guild lives on shard {@code (guild id >> 22) % total}. */
  @Override
  public boolean serves(ChannelKey channel) {
    try {
      return shardIds.contains(shardOf(channel));
    } catch (NumberFormatException notASnowflake) {
      return false;
    }
  }

  private int shardOf(ChannelKey channel) {
    return (int) ((Long.parseUnsignedLong(channel.workspace()) >>> 22) % shardsTotal);
  }

  /** Every channel shares the bot's limits (one process is one bot). */
  @Override
  public Lane lane(ChannelKey channel) {
    return BOT_LANE;
  }

  /**
   * Each part carries a nonce made of the post's key, which JDA sends with {@code enforce_nonce}:
   * posted again within a few minutes (the bot restarted after posting, before recording it),
   * Discord returns the message it already has instead of a second one.
   */
  @Override
  public PostedMessage post(ChannelKey channel, String postKey, Reply reply) {
    StandardGuildMessageChannel target = channel(channel);
    List<DiscordMessages.Message> messages = DiscordMessages.render(reply.withVisibility(Reply.Visibility.CHANNEL));
    Message first = null;
    for (int part = 0; part < messages.size(); part++) {
      Message sent;
      try {
        sent = target.sendMessage(JdaMessages.create(messages.get(part))).setNonce(nonce(postKey, part)).complete();
      } catch (ErrorResponseException e) {
        if (e.getErrorResponse() == ErrorResponse.UNKNOWN_CHANNEL) {
          throw new ChannelGoneException(channel, "Discord says Unknown Channel");
        }
        throw e;
      }
      first = first == null ? sent : first;
    }
    return new PostedMessage(first.getId(), openThread(target, first, reply.title()));
  }

  /** At most 25 characters, as Discord takes them. */
  private static String nonce(String postKey, int part) {
    String nonce = part == 0 ? postKey : postKey + "." + part;
    return nonce.length() <= NONCE_LIMIT ? nonce : nonce.substring(nonce.length() - NONCE_LIMIT);
  }

  /**
   * The thread's id, which Discord makes the message's. A week before Discord archives it: a
   * round stays open until the next one, over weekends too. A repeated post finds its thread open.
   */
  private static String openThread(StandardGuildMessageChannel channel, Message post, String title) {
    String name = title.isBlank() ? DEFAULT_THREAD_NAME : DiscordMessages.shorten(title.strip(), THREAD_NAME_LIMIT);
    try {
      return channel.createThreadChannel(name, post.getIdLong())
          .setAutoArchiveDuration(ThreadChannel.AutoArchiveDuration.TIME_1_WEEK)
          .complete()
          .getId();
    } catch (ErrorResponseException e) {
      if (e.getErrorCode() == THREAD_ALREADY_CREATED) {
        return post.getId();
      }
      throw e;
    }
  }

  @Override
  public void postInThread(ChannelKey channel, String threadRef, Reply reply) {
    ThreadChannel thread = thread(channel, threadRef);
    for (DiscordMessages.Message message : DiscordMessages.render(reply.withVisibility(Reply.Visibility.CHANNEL))) {
      thread.sendMessage(JdaMessages.create(message)).complete();
    }
  }

  @Override
  public String postMessage(ChannelKey channel, Reply reply) {
    StandardGuildMessageChannel target = channel(channel);
    String first = null;
    for (DiscordMessages.Message message : DiscordMessages.render(reply.withVisibility(Reply.Visibility.CHANNEL))) {
      Message sent;
      try {
        sent = target.sendMessage(JdaMessages.create(message)).complete();
      } catch (ErrorResponseException e) {
        if (e.getErrorResponse() == ErrorResponse.UNKNOWN_CHANNEL) {
          throw new ChannelGoneException(channel, "Discord says Unknown Channel");
        }
        throw e;
      }
      first = first == null ? sent.getId() : first;
    }
    return first;
  }

  /**
   * A direct message: the bot opens (or gets back) its DM channel with the person, then posts
   * there. Someone who does not take direct messages from the server's members (Discord error
   * 50007) is skipped: their setting, not a failure.
   */
  @Override
  public boolean tellPrivately(ChannelKey channel, String userId, Reply reply) {
    JDA shard = connected().getShardById(shardOf(channel));
    if (shard == null) {
      throw new IllegalStateException(channel + ": its shard does not run in this process");
    }
    try {
      PrivateChannel dm = shard.openPrivateChannelById(userId).complete();
      for (DiscordMessages.Message message : DiscordMessages.render(reply.withVisibility(Reply.Visibility.CHANNEL))) {
        dm.sendMessage(JdaMessages.create(message)).complete();
      }
      return true;
    } catch (ErrorResponseException e) {
      if (e.getErrorResponse() == ErrorResponse.CANNOT_SEND_TO_USER) {
        log.debug("{}: {} takes no direct messages from the bot (50007); skipped", channel, userId);
        return false;
      }
      throw e;
    }
  }

  private StandardGuildMessageChannel channel(ChannelKey key) {
    StandardGuildMessageChannel channel = connected().getChannelById(StandardGuildMessageChannel.class, key.channel());
    if (channel == null) {
      JDA shard = connected().getShardById(shardOf(key));
      if (shard == null || shard.isUnavailable(Long.parseUnsignedLong(key.workspace()))) {
        // A Discord outage hides the server's channels for a while: tried again, not given up.
        throw new IllegalStateException(key + ": the server is unavailable on Discord for now");
      }
      // serves() sent only channels of this process's shards here: a text channel JDA does not
      // know was deleted (or the bot was removed from it).
      throw new ChannelGoneException(key, "Discord has no such text channel for the bot (deleted, or the bot was removed)");
    }
    return channel;
  }

  /**
   * The round's thread. JDA forgets a thread once it is archived (by a moderator, or after a
   * week without messages) and never learns of one archived while the bot was down; posting in
   * it unarchives it, so it is looked up among the channel's archived threads.
   */
  private ThreadChannel thread(ChannelKey key, String threadRef) {
    ThreadChannel thread = connected().getThreadChannelById(threadRef);
    if (thread == null) {
      log.info("{}: thread {} is not in JDA's cache; looking among the channel's archived threads", key, threadRef);
      thread = channel(key).retrieveArchivedPublicThreadChannels().complete().stream()
          .filter(archived -> archived.getId().equals(threadRef))
          .findFirst()
          .orElse(null);
    }
    if (thread == null || thread.getType() != ChannelType.GUILD_PUBLIC_THREAD) {
      throw new IllegalStateException(key + ": the round's thread " + threadRef + " is gone");
    }
    return thread;
  }

  private ShardManager connected() {
    ShardManager manager = shards;
    if (manager == null) {
      throw new IllegalStateException("Discord is not connected yet");
    }
    return manager;
  }
}
