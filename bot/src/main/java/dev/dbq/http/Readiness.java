package dev.dbq.http;

import java.util.Optional;

/** Whether the process can do its work now; {@code /readyz} answers with it. */
@FunctionalInterface
public interface Readiness {

  /** Empty when ready, else a short reason a person can act on (no secrets). */
  Optional<String> notReadyBecause();

  /** Something an operator should know while ready (a bank edit that was not loaded), if any. */
  default Optional<String> note() {
    return Optional.empty();
  }
}
