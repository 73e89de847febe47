package dev.dbq.testsupport;

/** A test database server cannot be reached; tests skip or fail depending on {@code CI}. */
public final class BackendUnavailableException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public BackendUnavailableException(String message, Throwable cause) {
    super(message, cause);
  }
}
