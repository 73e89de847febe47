package dev.dbq.bank;

/**
 * A filter line that names no question: an unknown key, an empty value, a value no question has.
 * Its message is one or two sentences a user can act on (with a did-you-mean), so a command can
 * answer with it and the configuration check can report it as is.
 */
public final class FilterException extends RuntimeException {

  public FilterException(String userMessage) {
    super(userMessage, null, false, false);
  }
}
