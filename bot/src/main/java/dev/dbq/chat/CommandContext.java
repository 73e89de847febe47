package dev.dbq.chat;

import java.util.function.BooleanSupplier;

/**
 * Who runs a command, and where.
 *
 * @param userId the platform's user id (the console uses the user's name)
 * @param adminCheck whether the user may change channel settings such as the schedule; asked
 *     only by the commands that need it, as the platform may have to ask its API
 */
public record CommandContext(ChannelKey channel, String userId, BooleanSupplier adminCheck) {

  public CommandContext(ChannelKey channel, String userId, boolean admin) {
    this(channel, userId, () -> admin);
  }

  public boolean admin() {
    return adminCheck.getAsBoolean();
  }
}
