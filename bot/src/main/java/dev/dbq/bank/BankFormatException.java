package dev.dbq.bank;

/**
 * A problem that makes a whole bank file unusable (bad encoding, bad front matter). It carries
 * the 1-based line of the original file so the loader can report it and skip the file.
 */
final class BankFormatException extends Exception {

  private static final long serialVersionUID = 1L;

  private final int line;

  BankFormatException(int line, String message) {
    super(message);
    this.line = line;
  }

  BankFormatException(int line, String message, Throwable cause) {
    super(message, cause);
    this.line = line;
  }

  int line() {
    return line;
  }
}
