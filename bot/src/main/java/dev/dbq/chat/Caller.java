package dev.dbq.chat;

import java.util.Objects;

/**
 * Who did something, and where, as a platform knows it.
 *
 * @param channel where the command was typed or the button pressed
 * @param userId the platform's user id (the console uses the user's name)
 * @param platformAdmin whether the platform itself says this user administers the workspace
 *     (Slack: workspace admin or owner; Discord: Administrator or Manage Server). The core
 *     combines it with {@code admins:} from the config.
 */
public record Caller(ChannelKey channel, String userId, boolean platformAdmin) {

  public Caller {
    Objects.requireNonNull(channel, "channel");
    Objects.requireNonNull(userId, "userId");
  }
}
