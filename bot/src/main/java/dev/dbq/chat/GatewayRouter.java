package dev.dbq.chat;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * Sends each message to the gateway of its channel's platform, so that every platform runs in
 * one process on one database and a round never leaves the platform of its channel.
 */
public final class GatewayRouter implements ChannelGateway {

  private final Map<String, ChannelGateway> byPlatform;

  /** @param byPlatform each platform's gateway, keyed by {@link ChannelKey#platform()} */
  public GatewayRouter(Map<String, ChannelGateway> byPlatform) {
    this.byPlatform = Map.copyOf(byPlatform);
  }

  @Override
  public boolean serves(ChannelKey channel) {
    ChannelGateway gateway = byPlatform.get(channel.platform());
    return gateway != null && gateway.serves(channel);
  }

  @Override
  public Lane lane(ChannelKey channel) {
    return gateway(channel).lane(channel);
  }

  @Override
  public PostedMessage post(ChannelKey channel, String postKey, Reply message) {
    return gateway(channel).post(channel, postKey, message);
  }

  @Override
  public Optional<PostedMessage> findPost(ChannelKey channel, String postKey, Instant since) {
    return gateway(channel).findPost(channel, postKey, since);
  }

  @Override
  public void postInThread(ChannelKey channel, String threadRef, Reply message) {
    gateway(channel).postInThread(channel, threadRef, message);
  }

  @Override
  public String postMessage(ChannelKey channel, Reply message) {
    return gateway(channel).postMessage(channel, message);
  }

  @Override
  public boolean tellPrivately(ChannelKey channel, String userId, Reply message) {
    return gateway(channel).tellPrivately(channel, userId, message);
  }

  private ChannelGateway gateway(ChannelKey channel) {
    ChannelGateway gateway = byPlatform.get(channel.platform());
    if (gateway == null) {
      throw new IllegalStateException(channel + ": the " + channel.platform() + " platform is not running in this process");
    }
    return gateway;
  }
}
