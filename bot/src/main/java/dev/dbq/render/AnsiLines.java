package dev.dbq.render;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Makes every line of styled terminal text stand alone: a span's end and a line's end reset all
 * attributes ({@code ESC[0m}, which every terminal knows, unlike {@code ESC[22m}, which some
 * ignore, leaving a title's bold running into the next lines), and a line continuing a span
 * opens its styles again. A pager, a split message or a line printed alone then shows the same.
 *
 * <p>Only dbq's own escapes are met here: text from banks and users has its control characters
 * dropped before it is styled ({@link TerminalSyntax}).
 */
final class AnsiLines {

  private static final String ESC = "\u001B[";
  static final String RESET = ESC + "0m";

  /** What each closing code ends: the opening codes it cancels. */
  private static final Map<String, String[]> CLOSES = Map.of(
      "22", new String[] {"1", "2"}, // normal intensity: not bold, not dim
      "23", new String[] {"3"},
      "39", new String[] {"36"},
      "0", new String[] {"1", "2", "3", "36"});

  private AnsiLines() {}

  static String closedPerLine(String styled) {
    StringBuilder out = new StringBuilder(styled.length() + 16);
    // Insertion order is the order the styles were opened, so they reopen the same way.
    Map<String, String> open = new LinkedHashMap<>();
    boolean shown = false; // whether the open styles are in force on the current output line
    int i = 0;
    while (i < styled.length()) {
      char c = styled.charAt(i);
      if (c == '\u001B' && styled.startsWith(ESC, i) && styled.indexOf('m', i) > 0) {
        int end = styled.indexOf('m', i);
        String code = styled.substring(i + ESC.length(), end);
        i = end + 1;
        String[] cancelled = CLOSES.get(code);
        if (cancelled == null) {
          open.put(code, ESC + code + "m");
          shown = false; // shown again, with the new one, before the next character
          continue;
        }
        for (String opening : cancelled) {
          open.remove(opening);
        }
        if (shown) {
          out.append(RESET);
          shown = false;
        }
      } else if (c == '\n') {
        if (shown) {
          out.append(RESET);
          shown = false;
        }
        out.append('\n');
        i++;
      } else {
        if (!shown && !open.isEmpty()) {
          open.values().forEach(out::append);
          shown = true;
        }
        out.append(c);
        i++;
      }
    }
    if (shown) {
      out.append(RESET);
    }
    return out.toString();
  }
}
