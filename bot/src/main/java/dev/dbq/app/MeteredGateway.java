package dev.dbq.app;

import dev.dbq.chat.ChannelGateway;
import dev.dbq.chat.ChannelKey;
import dev.dbq.chat.Lane;
import dev.dbq.chat.Reply;
import java.time.Instant;
import java.util.Optional;

/**
 * Counts the rounds each platform posts, and the posts it refuses, around the real gateway.
 * Plain messages and private words pass through uncounted: the features that send them count
 * what matters to them (a recap sent, a reminder skipped).
 */
final class MeteredGateway implements ChannelGateway {

  private final ChannelGateway gateway;
  private final BotMetrics metrics;

  MeteredGateway(ChannelGateway gateway, BotMetrics metrics) {
    this.gateway = gateway;
    this.metrics = metrics;
  }

  @Override
  public boolean serves(ChannelKey channel) {
    return gateway.serves(channel);
  }

  @Override
  public Lane lane(ChannelKey channel) {
    return gateway.lane(channel);
  }

  @Override
  public PostedMessage post(ChannelKey channel, String postKey, Reply message) {
    try {
      PostedMessage posted = gateway.post(channel, postKey, message);
      metrics.roundPosted(channel.platform());
      return posted;
    } catch (RuntimeException e) {
      metrics.roundPostFailed(channel.platform());
      throw e;
    }
  }

  @Override
  public Optional<PostedMessage> findPost(ChannelKey channel, String postKey, Instant since) {
    return gateway.findPost(channel, postKey, since);
  }

  @Override
  public void postInThread(ChannelKey channel, String threadRef, Reply message) {
    gateway.postInThread(channel, threadRef, message);
  }

  @Override
  public String postMessage(ChannelKey channel, Reply message) {
    return gateway.postMessage(channel, message);
  }

  @Override
  public boolean tellPrivately(ChannelKey channel, String userId, Reply message) {
    return gateway.tellPrivately(channel, userId, message);
  }
}
