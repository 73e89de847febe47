package dev.dbq.app;

/**
 * A platform could not start or lost its connection for good. The message is one line a person
 * can act on and never carries a token or secret.
 */
public final class PlatformException extends RuntimeException {

  public PlatformException(String message) {
    super(message);
  }

  public PlatformException(String message, Throwable cause) {
    super(message, cause);
  }
}
