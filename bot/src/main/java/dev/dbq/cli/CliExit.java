package dev.dbq.cli;

import dev.dbq.config.ConfigException;
import dev.dbq.store.DatabaseUnavailableException;
import dev.dbq.text.Redaction;
import org.slf4j.LoggerFactory;

/** Exit codes, and the one-line message a failure is shown as. */
final class CliExit {

  static final int OK = 0;
  static final int FAILURE = 1;
  static final int USAGE = 2;

  private CliExit() {}

  /** A failure the user can fix, with its exit code; shown as its message alone. */
  static final class Failure extends RuntimeException {
    private final int exitCode;

    Failure(String message, int exitCode) {
      super(message, null, false, false);
      this.exitCode = exitCode;
    }

    int exitCode() {
      return exitCode;
    }
  }

  static String describe(Exception e) {
    if (e instanceof Failure || e instanceof ConfigException || e instanceof DatabaseUnavailableException) {
      // The operator can fix these, and the message says how.
      return Redaction.redact(e.getMessage());
    }
    // Unexpected: the trace goes to the log for us, one line to the user.
    LoggerFactory.getLogger(CliExit.class).error("unexpected failure", e);
    return "unexpected " + e.getClass().getSimpleName() + ": " + Redaction.redact(e.getMessage());
  }
}
