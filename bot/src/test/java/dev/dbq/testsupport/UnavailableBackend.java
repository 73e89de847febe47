package dev.dbq.testsupport;

import java.io.PrintStream;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * What a test does when its database server cannot be reached: with {@code CI=true} it fails
 * (in CI every test must run); elsewhere it is skipped, and the build's output says why, once per
 * run (surefire counts aborted tests as skipped but keeps their reason in its report files only).
 */
public final class UnavailableBackend {

  private static final AtomicBoolean ANNOUNCED_THIS_RUN = new AtomicBoolean();

  private final Map<String, String> environment;
  private final PrintStream output;
  private final AtomicBoolean announced;

  UnavailableBackend(Map<String, String> environment, PrintStream output, AtomicBoolean announced) {
    this.environment = environment;
    this.output = output;
    this.announced = announced;
  }

  /** For this test run: its environment, standard output (the build log), one announcement. */
  public static UnavailableBackend ofThisRun() {
    return new UnavailableBackend(System.getenv(), System.out, ANNOUNCED_THIS_RUN);
  }

  /** Never returns: fails the test in CI, else aborts it (a skip) with the reason. */
  public <T> T handle(BackendUnavailableException unavailable) {
    if ("true".equalsIgnoreCase(environment.get("CI"))) {
      return Assertions.fail(unavailable.getMessage() + "; CI=true requires it", unavailable);
    }
    String reason = unavailable.getMessage() + "; skipped outside CI";
    if (announced.compareAndSet(false, true)) {
      output.println("[dbq] SKIPPED every PostgreSQL test: " + reason
          + " (start PostgreSQL or set " + TestDatabase.POSTGRES_URL_ENV + "; with CI=true this fails)");
    }
    Assumptions.abort(reason);
    throw unavailable; // not reached: abort throws
  }
}
