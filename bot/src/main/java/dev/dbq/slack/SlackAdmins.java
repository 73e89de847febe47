package dev.dbq.slack;

import com.slack.api.methods.MethodsClient;
import com.slack.api.model.User;
import dev.dbq.app.PlatformException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Whether Slack says a user administers the workspace ({@code users.info}: {@code is_admin},
 * {@code is_owner} or {@code is_primary_owner}), remembered for a few minutes per user so that
 * a busy channel does not spend its rate limit on it.
 */
final class SlackAdmins {

  static final Duration REMEMBERED_FOR = Duration.ofMinutes(5);

  private static final Logger log = LoggerFactory.getLogger(SlackAdmins.class);

  private final MethodsClient methods;
  private final WebApi webApi;
  private final Clock clock;
  private final Map<String, Answer> answers = new ConcurrentHashMap<>();

  private record Answer(boolean admin, Instant until) {}

  SlackAdmins(MethodsClient methods, WebApi webApi, Clock clock) {
    this.methods = methods;
    this.webApi = webApi;
    this.clock = clock;
  }

  /** Slack's word on the user; false (not remembered) when Slack cannot be asked. */
  boolean isWorkspaceAdmin(String team, String userId) {
    String key = team + ":" + userId;
    Instant now = clock.instant();
    Answer known = answers.get(key);
    if (known != null && now.isBefore(known.until())) {
      return known.admin();
    }
    try {
      User user = webApi.call("users.info " + userId, () -> methods.usersInfo(r -> r.user(userId))).getUser();
      boolean admin = user != null && (user.isAdmin() || user.isOwner() || user.isPrimaryOwner());
      answers.put(key, new Answer(admin, now.plus(REMEMBERED_FOR)));
      return admin;
    } catch (PlatformException e) {
      log.warn("cannot tell whether {} is a workspace admin: {}", userId, e.getMessage());
      return false;
    }
  }
}
