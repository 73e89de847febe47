package dev.dbq.store;

import dev.dbq.text.Redaction;
import java.sql.SQLException;

/**
 * The one exception the store throws (or its {@link DatabaseUnavailableException}). Its message
 * says what was being done and never contains database credentials: it passes through
 * {@link Redaction}, since it often quotes a driver's message.
 */
public class StoreException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public StoreException(String message) {
    super(Redaction.redact(message));
  }

  public StoreException(String message, Throwable cause) {
    super(Redaction.redact(message), cause);
  }

  /** "Failed to &lt;action&gt;: &lt;reason&gt;". */
  static StoreException failedTo(String action, Throwable cause) {
    return new StoreException("Failed to " + action + ": " + reason(cause), cause);
  }

  /**
   * One line saying why: the database driver's own message (the innermost SQLException, e.g. under
   * a pool's wrapper) when there is one, else the failure's message.
   */
  static String reason(Throwable failure) {
    Throwable source = failure;
    for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
      if (cause instanceof SQLException) {
        source = cause;
      }
      if (cause.getCause() == cause) {
        break;
      }
    }
    String message = source.getMessage() != null ? source.getMessage() : source.toString();
    int lineEnd = message.indexOf('\n');
    return (lineEnd < 0 ? message : message.substring(0, lineEnd)).strip();
  }
}
