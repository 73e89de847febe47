package dev.dbq.slack;

import com.slack.api.methods.SlackApiException;
import com.slack.api.methods.SlackApiTextResponse;
import dev.dbq.app.ApiTrouble;
import dev.dbq.app.PlatformException;
import dev.dbq.chat.PlatformCounters;
import dev.dbq.chat.RateLimitedException;
import java.io.IOException;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Web API calls that survive Slack's rate limits and hiccups. The client throws on HTTP 429
 * without retrying: this waits {@code Retry-After} and calls again, and retries a 5xx after a
 * growing pause. A call that fails in transit (no answer) is never retried. A 429 says the call
 * did not happen; a 5xx does not (Slack may have posted and then failed): a post that must not
 * land twice uses {@link #answerRetryingRateLimitsOnly} and lets its caller look before retrying.
 * A round's post, made by the core's fan-out of due channels, uses {@link #answerRaisingRateLimits}:
 * its 429 goes to the core, which posts the other channels meanwhile.
 */
final class WebApi {

  /** How a call waits; tests pass one that records instead of sleeping. */
  @FunctionalInterface
  interface Sleeper {
    void sleep(Duration duration) throws InterruptedException;

    Sleeper REAL = duration -> Thread.sleep(duration.toMillis());
  }

  /** One Web API call. */
  @FunctionalInterface
  interface Call<T extends SlackApiTextResponse> {
    T run() throws IOException, SlackApiException;
  }

  static final int MAX_ATTEMPTS = 5;
  static final Duration FIRST_BACKOFF = Duration.ofSeconds(1);
  /** When a 429 comes without a usable {@code Retry-After}. */
  static final Duration DEFAULT_RETRY_AFTER = Duration.ofSeconds(1);
  static final Duration LONGEST_WAIT = Duration.ofMinutes(2);

  private static final Logger log = LoggerFactory.getLogger(WebApi.class);

  private final Sleeper sleeper;
  private final ApiTrouble trouble = new ApiTrouble("Slack's Web API");
  private volatile PlatformCounters metrics = PlatformCounters.NONE;

  WebApi(Sleeper sleeper) {
    this.sleeper = sleeper;
  }

  /** Whether its last call says Slack is down (for {@code /readyz}). */
  ApiTrouble trouble() {
    return trouble;
  }

  /** Counts failures and retries in {@code /metrics} from now on. */
  void countIn(PlatformCounters counters) {
    this.metrics = counters;
  }

  private void count(String status, boolean retrying) {
    PlatformCounters counted = metrics;
    counted.platformApiError("slack", status);
    if (retrying) {
      counted.platformApiRetry("slack", status.equals("429") ? "rate_limited" : "server_error");
    }
  }

  /**
   * The call's answer once Slack says ok.
   *
   * @param what names the call in errors, e.g. {@code chat.postMessage to C123}
   * @throws PlatformException with Slack's error when it says no, or when retries run out
   */
  <T extends SlackApiTextResponse> T call(String what, Call<T> call) {
    T response = answer(what, call);
    if (!response.isOk()) {
      count("not_ok", false);
      throw new PlatformException(what + " failed: " + response.getError());
    }
    return response;
  }

  /**
   * Slack's answer, ok or not (check {@code isOk()}), after waiting out rate limits and 5xx.
   *
   * @throws PlatformException when no answer came, or retries ran out
   */
  <T extends SlackApiTextResponse> T answer(String what, Call<T> call) {
    return answer(what, call, true);
  }

  /**
   * As {@link #answer}, but a 5xx is not retried: for a call that may have taken effect before
   * Slack failed, whose repeat would do it twice.
   */
  <T extends SlackApiTextResponse> T answerRetryingRateLimitsOnly(String what, Call<T> call) {
    return answer(what, call, false);
  }

  /**
   * As {@link #answerRetryingRateLimitsOnly}, but a 429 is not waited out here either: it is
   * raised (Slack did nothing with the call), so that the posting thread is free for other
   * channels while this one waits.
   *
   * @throws RateLimitedException on HTTP 429, with Slack's {@code Retry-After}; Slack's posting
   *     limit is per channel
   */
  <T extends SlackApiTextResponse> T answerRaisingRateLimits(String what, Call<T> call) {
    return answer(what, call, false, true);
  }

  private <T extends SlackApiTextResponse> T answer(String what, Call<T> call, boolean retryServerErrors) {
    return answer(what, call, retryServerErrors, false);
  }

  private <T extends SlackApiTextResponse> T answer(
      String what, Call<T> call, boolean retryServerErrors, boolean raiseRateLimits) {
    Duration backoff = FIRST_BACKOFF;
    for (int attempt = 1; ; attempt++) {
      try {
        T response = call.run();
        trouble.answered();
        return response;
      } catch (SlackApiException e) {
        int status = e.getResponse().code();
        if (status >= 500) {
          trouble.failing(status);
        } else {
          trouble.answered();
        }
        if (status == 429 && raiseRateLimits) {
          count("429", true); // by the core, after the wait
          Duration wait = retryAfter(e.getResponse().header("Retry-After"));
          throw new RateLimitedException(what + ": HTTP 429, Retry-After " + wait.toSeconds() + " s", wait,
              RateLimitedException.Scope.CHANNEL);
        }
        boolean retrying = attempt < MAX_ATTEMPTS && (status == 429 || (retryServerErrors && status >= 500));
        count(Integer.toString(status), retrying);
        if (!retrying) {
          throw new PlatformException(what + " failed: HTTP " + status + errorOf(e));
        }
        Duration wait = status == 429 ? retryAfter(e.getResponse().header("Retry-After")) : backoff;
        log.warn("{}: HTTP {}, attempt {} of {}; retrying in {} s", what, status, attempt, MAX_ATTEMPTS, wait.toSeconds());
        pause(what, wait);
        if (status != 429) {
          backoff = backoff.multipliedBy(2);
        }
      } catch (IOException e) {
        trouble.unreachable(e);
        count("io", false);
        throw new PlatformException(what + " failed: " + e.getMessage(), e);
      }
    }
  }

  private void pause(String what, Duration wait) {
    try {
      sleeper.sleep(wait);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new PlatformException(what + " was interrupted while waiting to retry", e);
    }
  }

  static Duration retryAfter(String header) {
    if (header == null) {
      return DEFAULT_RETRY_AFTER;
    }
    try {
      long seconds = Long.parseLong(header.strip());
      Duration wait = Duration.ofSeconds(Math.max(0, seconds));
      return wait.compareTo(LONGEST_WAIT) > 0 ? LONGEST_WAIT : wait;
    } catch (NumberFormatException e) {
      return DEFAULT_RETRY_AFTER;
    }
  }

  private static String errorOf(SlackApiException e) {
    return e.getError() == null || e.getError().getError() == null ? "" : " (" + e.getError().getError() + ")";
  }

}
