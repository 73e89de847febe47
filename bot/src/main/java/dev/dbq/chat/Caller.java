package dev.dbq.chat;

import java.util.Objects;
import java.util.function.BooleanSupplier;

/**
 * Who did something, and where, as a platform knows it.
 *
 * @param channel where the command was typed or the button pressed
 * @param userId the platform's user id (the console uses the user's name)
 * @param platformAdminCheck whether the platform itself says this user administers the
 *     workspace (Slack: workspace admin or owner; Discord: Administrator or Manage Server),
 *     asked only when a command needs to know: on Slack the answer may cost a Web API call.
 *     The core combines it with {@code admins:} from the config.
 */
public record Caller(ChannelKey channel, String userId, BooleanSupplier platformAdminCheck) {

  public Caller {
    Objects.requireNonNull(channel, "channel");
    Objects.requireNonNull(userId, "userId");
    Objects.requireNonNull(platformAdminCheck, "platformAdminCheck");
  }

  /** A caller whose platform already knows whether they are an admin. */
  public Caller(ChannelKey channel, String userId, boolean platformAdmin) {
    this(channel, userId, () -> platformAdmin);
  }

  public boolean platformAdmin() {
    return platformAdminCheck.getAsBoolean();
  }
}
