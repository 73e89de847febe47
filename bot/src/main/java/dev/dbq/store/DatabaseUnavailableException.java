package dev.dbq.store;

/**
 * The database cannot be opened as configured: unreachable, refused, not a database, read-only.
 * Its message is one line saying what is wrong and what to change; the operator can fix it, so
 * the command line shows that line alone, without a stack trace.
 */
public final class DatabaseUnavailableException extends StoreException {

  private static final long serialVersionUID = 1L;

  DatabaseUnavailableException(String message, Throwable cause) {
    super(message, cause);
  }
}
