package dev.dbq.slack;

import dev.dbq.chat.Caller;
import dev.dbq.chat.ChannelKey;
import java.util.Optional;

/**
 * Who did something in Slack, as the core knows them: channel key and Slack's own admin flag.
 * Slack always names the team, channel and user; a payload without one is broken or forged, and
 * is turned away here rather than deep in the core.
 */
final class Callers {

  private final SlackAdmins admins;

  Callers(SlackAdmins admins) {
    this.admins = admins;
  }

  /** The channel, or empty when the team or channel id is missing. */
  static Optional<ChannelKey> channel(String team, String channel) {
    return present(team) && present(channel)
        ? Optional.of(new ChannelKey(SlackPlatform.NAME, team, channel))
        : Optional.empty();
  }

  /**
   * The caller, or empty when the team, channel or user id is missing. Whether they administer
   * the workspace is asked of Slack (or its recent answer) only when a command needs it, so that
   * {@code /dbq random} costs no Web API call.
   */
  Optional<Caller> of(String team, String channel, String user) {
    if (!present(user)) {
      return Optional.empty();
    }
    return channel(team, channel).map(key -> new Caller(key, user, () -> admins.isWorkspaceAdmin(team, user)));
  }

  static boolean present(String id) {
    return id != null && !id.isBlank();
  }
}
