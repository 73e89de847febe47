package dev.dbq.discord;

import dev.dbq.chat.PlatformCounters;
import net.dv8tion.jda.api.exceptions.ErrorResponseException;
import net.dv8tion.jda.api.exceptions.InteractionExpiredException;
import net.dv8tion.jda.api.requests.ErrorResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Answers to interactions that Discord no longer takes: past its 15 minutes JDA refuses to send
 * them, and Discord answers a late callback with 10062 Unknown interaction. Each is one WARN
 * line (no trace: nothing to debug, the window had closed) and {@code dbq_answers_lost_total}.
 */
final class LostAnswers {

  private static final Logger log = LoggerFactory.getLogger(LostAnswers.class);

  private final PlatformCounters metrics;

  LostAnswers(PlatformCounters metrics) {
    this.metrics = metrics;
  }

  void lost(String interactionId, Throwable why) {
    String reason = reason(why);
    metrics.answerLost(DiscordPlatform.NAME, reason);
    log.warn("The answer to Discord interaction {} was not delivered ({}): {}", interactionId, reason, describe(why));
  }

  /** The answer was ready after Discord's follow-up window had closed: it was not even tried. */
  void expired(String interactionId) {
    metrics.answerLost(DiscordPlatform.NAME, "expired");
    log.warn("The answer to Discord interaction {} was not delivered (expired): it was ready after Discord's window had closed",
        interactionId);
  }

  static String reason(Throwable why) {
    if (why instanceof InteractionExpiredException) {
      return "expired";
    }
    if (why instanceof ErrorResponseException error) {
      ErrorResponse response = error.getErrorResponse();
      if (response == ErrorResponse.UNKNOWN_INTERACTION || response == ErrorResponse.UNKNOWN_WEBHOOK
          || response == ErrorResponse.INVALID_WEBHOOK_TOKEN) {
        return "expired";
      }
      if (response == ErrorResponse.INTERACTION_ALREADY_ACKNOWLEDGED) {
        return "already_answered";
      }
      return "refused";
    }
    return "failed";
  }

  private static String describe(Throwable why) {
    if (why instanceof ErrorResponseException error) {
      // JDA's own text for some codes runs over several lines of advice.
      return "Discord answered " + error.getErrorCode() + " " + error.getErrorResponse();
    }
    return why.getClass().getSimpleName() + (why.getMessage() == null ? "" : ": " + why.getMessage().lines().findFirst().orElse(""));
  }
}
