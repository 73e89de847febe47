package dev.dbq.testsupport;

import dev.dbq.chat.ChannelGateway;
import dev.dbq.chat.ChannelGoneException;
import dev.dbq.chat.ChannelKey;
import dev.dbq.chat.Reply;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** A platform that remembers what the bot posted, in order. */
public final class RecordingGateway implements ChannelGateway {

  /** One message: {@code threadRef} is null for a post to the channel itself. */
  public record Message(ChannelKey channel, String threadRef, Reply reply) {
    public boolean isPost() {
      return threadRef == null;
    }

    public String text() {
      return reply.title() + "\n" + reply.blocks().stream()
          .map(b -> b instanceof Reply.Text t ? t.markdown() : ((Reply.Code) b).code())
          .reduce("", (a, b) -> a + b + "\n");
    }
  }

  /** A private word to one person, in a channel's context. */
  public record Private(ChannelKey channel, String userId, Reply reply) {}

  private final List<Message> messages = new ArrayList<>();
  private final List<Message> plainMessages = new ArrayList<>();
  private final List<Private> privately = new ArrayList<>();
  private final List<String> postKeys = new ArrayList<>();
  private int failingPosts;
  private boolean channelGone;
  private int failingThreadPosts;

  /** The next {@code count} messages to threads fail the same way. */
  public synchronized void failNextThreadPosts(int count) {
    failingThreadPosts = count;
  }

  /** From now on every post and thread post says the channel was deleted, as a platform would. */
  public synchronized void deleteChannel() {
    channelGone = true;
  }

  /** The next {@code count} posts fail as a platform error or a 429 would: they throw, nothing is posted. */
  public synchronized void failNextPosts(int count) {
    failingPosts = count;
  }

  @Override
  public synchronized PostedMessage post(ChannelKey channel, String postKey, Reply message) {
    postKeys.add(postKey);
    if (channelGone) {
      throw new ChannelGoneException(channel, "the platform says channel_not_found");
    }
    if (failingPosts > 0) {
      failingPosts--;
      throw new IllegalStateException("the platform answered 429 Too Many Requests");
    }
    messages.add(new Message(channel, null, message));
    // Unique across instances, as a platform's are: several test bots may share one database.
    String ref = channel.channel() + "-" + UUID.randomUUID();
    return new PostedMessage(ref, ref);
  }

  @Override
  public synchronized void postInThread(ChannelKey channel, String threadRef, Reply message) {
    if (channelGone) {
      throw new ChannelGoneException(channel, "the platform says channel_not_found");
    }
    if (failingThreadPosts > 0) {
      failingThreadPosts--;
      throw new IllegalStateException("the platform answered 500 Internal Server Error");
    }
    messages.add(new Message(channel, threadRef, message));
  }

  @Override
  public synchronized String postMessage(ChannelKey channel, Reply message) {
    if (channelGone) {
      throw new ChannelGoneException(channel, "the platform says channel_not_found");
    }
    plainMessages.add(new Message(channel, null, message));
    return channel.channel() + "-" + UUID.randomUUID();
  }

  @Override
  public synchronized boolean tellPrivately(ChannelKey channel, String userId, Reply message) {
    privately.add(new Private(channel, userId, message));
    return true;
  }

  /** The messages posted without a thread ({@link #postMessage}), in order. */
  public synchronized List<Message> plainMessages() {
    return List.copyOf(plainMessages);
  }

  /** The private words, in order. */
  public synchronized List<Private> privately() {
    return List.copyOf(privately);
  }

  public synchronized List<Message> messages() {
    return List.copyOf(messages);
  }

  /** The key of every attempted post, refused ones too, in order. */
  public synchronized List<String> postKeys() {
    return List.copyOf(postKeys);
  }

  public synchronized List<Message> posts() {
    return messages.stream().filter(Message::isPost).toList();
  }
}
