package dev.dbq.logging;

/**
 * Text that stays on one log line: CR, LF, tab, the other control characters and Unicode's line
 * separators become visible escapes ({@code \n}, {@code \u001b}), so text from outside (a request
 * body, a user's command, an exception quoting either) can neither start a forged line nor
 * drive a terminal.
 */
final class LineSafe {

  private LineSafe() {}

  static String escape(String text) {
    if (text == null || isClean(text)) {
      return text; // the usual case: no copy
    }
    StringBuilder out = new StringBuilder(text.length() + 16);
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '\r' -> out.append("\\r");
        case '\n' -> out.append("\\n");
        case '\t' -> out.append("\\t");
        default -> {
          if (needsEscape(c)) {
            out.append(String.format("\\u%04x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    return out.toString();
  }

  private static boolean isClean(String text) {
    for (int i = 0; i < text.length(); i++) {
      if (needsEscape(text.charAt(i))) {
        return false;
      }
    }
    return true;
  }

  private static boolean needsEscape(char c) {
    return Character.isISOControl(c) || c == '\u2028' || c == '\u2029';
  }
}
