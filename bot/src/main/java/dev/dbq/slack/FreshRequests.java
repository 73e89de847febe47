package dev.dbq.slack;

import com.slack.api.app_backend.SlackSignature;
import com.slack.api.bolt.middleware.Middleware;
import com.slack.api.bolt.middleware.MiddlewareChain;
import com.slack.api.bolt.request.Request;
import com.slack.api.bolt.response.Response;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Refuses HTTP requests stamped more than five minutes ahead. Bolt's signature check refuses
 * old timestamps only, so a request signed for later could otherwise be replayed until then.
 */
final class FreshRequests implements Middleware {

  static final Duration TOLERANCE = Duration.ofMinutes(5);

  private static final Logger log = LoggerFactory.getLogger(FreshRequests.class);

  private final Clock clock;

  FreshRequests(Clock clock) {
    this.clock = clock;
  }

  @Override
  public Response apply(Request req, Response resp, MiddlewareChain chain) throws Exception {
    if (req.isSocketMode()) {
      return chain.next(req);
    }
    String stamp = req.getHeaders().getFirstValue(SlackSignature.HeaderNames.X_SLACK_REQUEST_TIMESTAMP);
    if (stamp == null || isAhead(stamp)) {
      log.info("refused a request stamped {} (now {})", stamp, clock.instant().getEpochSecond());
      return Response.json(401, "{\"error\":\"invalid request\"}");
    }
    return chain.next(req);
  }

  private boolean isAhead(String stamp) {
    try {
      return Instant.ofEpochSecond(Long.parseLong(stamp.strip())).isAfter(clock.instant().plus(TOLERANCE));
    } catch (NumberFormatException | java.time.DateTimeException e) {
      return true;
    }
  }
}
