package dev.dbq.slack;

import dev.dbq.chat.Caller;
import dev.dbq.chat.ChannelKey;

/** Who did something in Slack, as the core knows them: channel key and Slack's own admin flag. */
final class Callers {

  private final SlackAdmins admins;

  Callers(SlackAdmins admins) {
    this.admins = admins;
  }

  static ChannelKey channel(String team, String channel) {
    return new ChannelKey(SlackPlatform.NAME, team, channel);
  }

  /**
   * The caller. Whether they administer the workspace is asked of Slack (or its recent answer)
   * only when a command needs it, so that {@code /dbq random} costs no Web API call.
   */
  Caller of(String team, String channel, String user) {
    return new Caller(channel(team, channel), user, () -> admins.isWorkspaceAdmin(team, user));
  }
}
