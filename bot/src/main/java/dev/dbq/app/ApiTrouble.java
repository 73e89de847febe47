package dev.dbq.app;

import java.time.Duration;
import java.util.Optional;
import java.util.function.LongSupplier;

/**
 * What the calls a platform made anyway say about its API, for {@link Platform#trouble()}: the
 * last call that got no answer or a server error is the trouble until a later call is answered,
 * or for {@link #REMEMBERED} at most. The limit matters: a 503 from {@code /readyz} takes the
 * instance out of its load balancer, so no request would come to make the call that clears it.
 * Costs a volatile read per call and never calls anything itself.
 */
public final class ApiTrouble {

  public static final Duration REMEMBERED = Duration.ofMinutes(2);

  private record Seen(String reason, long atNanos) {}

  private final String api;
  private final LongSupplier nanoTime;
  private volatile Seen trouble;

  /** @param api names the API in the reason, e.g. {@code Slack's Web API} */
  public ApiTrouble(String api) {
    this(api, System::nanoTime);
  }

  ApiTrouble(String api, LongSupplier nanoTime) {
    this.api = api;
    this.nanoTime = nanoTime;
  }

  /** A call got an answer (ok or not, but not a server error): the API works. */
  public void answered() {
    if (trouble != null) {
      trouble = null;
    }
  }

  /** A call got no answer at all. */
  public void unreachable(Throwable cause) {
    trouble = new Seen(api + " is unreachable (" + cause.getClass().getSimpleName() + ")", nanoTime.getAsLong());
  }

  /** A call got a server error (HTTP 5xx). */
  public void failing(int status) {
    trouble = new Seen(api + " answers HTTP " + status, nanoTime.getAsLong());
  }

  /** The reason the API seems down, if a call in the last {@link #REMEMBERED} said so. */
  public Optional<String> now() {
    Seen seen = trouble;
    if (seen == null || nanoTime.getAsLong() - seen.atNanos() > REMEMBERED.toNanos()) {
      return Optional.empty();
    }
    return Optional.of(seen.reason());
  }
}
