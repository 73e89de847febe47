package dev.dbq.app;

import java.util.Optional;

/**
 * What the calls a platform made anyway say about its API, for {@link Platform#trouble()}: the
 * last call that got no answer or a server error is the trouble until a later call is answered.
 * Costs a volatile write per call and never calls anything itself.
 */
public final class ApiTrouble {

  private final String api;
  private volatile String trouble;

  /** @param api names the API in the reason, e.g. {@code Slack's Web API} */
  public ApiTrouble(String api) {
    this.api = api;
  }

  /** A call got an answer (ok or not, but not a server error): the API works. */
  public void answered() {
    if (trouble != null) {
      trouble = null;
    }
  }

  /** A call got no answer at all. */
  public void unreachable(Throwable cause) {
    trouble = api + " is unreachable (" + cause.getClass().getSimpleName() + ")";
  }

  /** A call got a server error (HTTP 5xx). */
  public void failing(int status) {
    trouble = api + " answers HTTP " + status;
  }

  /** The reason the API seems down, if the last call says so. */
  public Optional<String> now() {
    return Optional.ofNullable(trouble);
  }
}
