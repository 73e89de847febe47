package dev.dbq.http;

import java.util.Optional;

/** Whether the process can do its work now; {@code /readyz} answers with it. */
@FunctionalInterface
public interface Readiness {

  /** Empty when ready, else a short reason a person can act on (no secrets). */
  Optional<String> notReadyBecause();
}
