package dev.dbq.chat;


/**
 * How the question of the day reaches a platform: each platform (console, Slack, Discord)
 * implements this, the round service never knows which one it talks to.
 */
public interface ChannelGateway {

  /** Posts a message to the channel, visible to everyone, and opens a thread under it. */
  PostedMessage post(ChannelKey channel, Reply message);

  /** Posts a message in the thread of an earlier message. */
  void postInThread(ChannelKey channel, String threadRef, Reply message);

  /** Where a message landed: the platform's references to it and to its thread. */
  record PostedMessage(String messageRef, String threadRef) {}
}
