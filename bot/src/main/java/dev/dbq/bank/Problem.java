package dev.dbq.bank;

/** Something wrong in a bank file, always with the 1-based line it concerns. */
public record Problem(String file, int line, Severity severity, String message) {

  public enum Severity {
    ERROR,
    WARNING;

    public String label() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }

  public static Problem error(String file, int line, String message) {
    return new Problem(file, line, Severity.ERROR, message);
  }

  public static Problem warning(String file, int line, String message) {
    return new Problem(file, line, Severity.WARNING, message);
  }

  /** The lint line: {@code FILE:LINE: error|warning: MESSAGE}. */
  public String format() {
    return file + ":" + line + ": " + severity.label() + ": " + message;
  }
}
