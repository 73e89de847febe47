package dev.dbq.chat;


/**
 * How the question of the day reaches a platform: each platform (console, Slack, Discord)
 * implements this, the round service never knows which one it talks to.
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
   * Posts a message to the channel, visible to everyone, and opens a thread under it.
   *
   * @param postKey the same for every attempt at this post (a round's id), so that a platform
   *     able to recognise a repeat posts it once: Discord returns the message already created
   *     with the same nonce in the last few minutes (a restart after a crash between posting and
   *     recording the post). Slack has no such key.
   */
  PostedMessage post(ChannelKey channel, String postKey, Reply message);

  /** Posts a message in the thread of an earlier message. */
  void postInThread(ChannelKey channel, String threadRef, Reply message);

  /** Where a message landed: the platform's references to it and to its thread. */
  record PostedMessage(String messageRef, String threadRef) {}
}
