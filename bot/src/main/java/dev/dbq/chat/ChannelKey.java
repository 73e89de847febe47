package dev.dbq.chat;

import java.util.Objects;

/**
 * Where rounds happen: a channel of a workspace (Slack) or guild (Discord) or the console.
 * Every stored fact is scoped by it, so nothing leaks across platforms or teams.
 */
public record ChannelKey(String platform, String workspace, String channel) {

  public ChannelKey {
    Objects.requireNonNull(platform, "platform");
    Objects.requireNonNull(workspace, "workspace");
    Objects.requireNonNull(channel, "channel");
  }

  @Override
  public String toString() {
    return platform + ":" + workspace + ":" + channel;
  }
}
