package dev.dbq.chat;

import java.time.Instant;
import java.util.Optional;

/**
 * How the core's messages reach a platform: each platform (console, Slack, Discord) implements
 * this, the core never knows which one it talks to. It posts a round (a message that opens a
 * thread) and into its thread, a plain message (a weekly recap), and a private word to one
 * person (a reminder); any of them may carry pictures and charts ({@link Attachment}). Forms are
 * not sent from here: one answers a person's interaction, so it is a kind of {@link Reply}
 * ({@link Reply#form}) that the platform's inbound side opens.
 */
public interface ChannelGateway {

  /**
   * Whether this process can post to the channel. A process runs only some of a platform's
   * shards (Discord), or not the platform at all: the core claims a channel's round only where
   * it can post it, so another instance posts it instead.
   */
  default boolean serves(ChannelKey channel) {
    return true;
  }

  /**
   * Which of the platform's limits the channel's posts share, and how many may be in flight at
   * once: the core's scheduled work runs that many channels of the lane at a time. One at a time
   * by default. A wrapper must forward it.
   */
  default Lane lane(ChannelKey channel) {
    return Lane.ONE_AT_A_TIME;
  }

  /**
   * Posts a message to the channel, visible to everyone, and opens a thread under it.
   *
   * @param postKey the same for every attempt at this post (a round's id), so that a platform
   *     able to recognise a repeat posts it once: Discord returns the message already created
   *     with the same nonce in the last few minutes (a restart after a crash between posting and
   *     recording the post). Slack has no such key, so its gateway marks the post with it and
   *     {@link #findPost} looks for it.
   * @throws RateLimitedException when the platform refused the post for its rate limit and posted
   *     nothing (a platform may raise it instead of waiting; the core posts again after the wait)
   */
  PostedMessage post(ChannelKey channel, String postKey, Reply message);

  /**
   * An earlier attempt at the post with this key that did reach the channel, at or after {@code
   * since}: the core asks before it retries a post whose outcome it never recorded (a crash, a
   * lost answer, a 5xx after which the platform had posted after all), and adopts what it finds
   * instead of posting twice.
   *
   * <p>Empty by default: a platform whose {@link #post} is already idempotent for a key (Discord's
   * nonce) or that cannot have posted without answering (the console). A wrapper must forward it.
   *
   * @param since when the post was first claimed; the platform may look a little earlier (clock skew)
   * @throws RuntimeException when the platform cannot say (then the core retries later rather than
   *     risk a second post)
   */
  default Optional<PostedMessage> findPost(ChannelKey channel, String postKey, Instant since) {
    return Optional.empty();
  }

  /** Posts a message in the thread of an earlier message. */
  void postInThread(ChannelKey channel, String threadRef, Reply message);

  /**
   * Posts a message to the channel, visible to everyone, that opens no thread (a weekly recap),
   * with its attachments. Posting it once is the core's business (it claims the message in the
   * database first): a platform error throws, as {@link #post} does.
   *
   * @return the platform's reference to the message (the first, when it took several)
   */
  String postMessage(ChannelKey channel, Reply message);

  /**
   * Tells one person something only they see, in the context of a channel (a reminder): Slack
   * shows it in the channel to them alone ({@code chat.postEphemeral}), Discord sends a direct
   * message, the console prints it marked {@code (to NAME only)}. A person the platform does
   * not let the bot reach privately (Discord: direct messages closed, error 50007) is skipped
   * with a DEBUG line: that is their choice, not a failure. Other platform errors throw.
   *
   * @return whether it reached them
   */
  boolean tellPrivately(ChannelKey channel, String userId, Reply message);

  /** Where a message landed: the platform's references to it and to its thread. */
  record PostedMessage(String messageRef, String threadRef) {}
}
