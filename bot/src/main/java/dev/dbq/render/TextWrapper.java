package dev.dbq.render;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Greedy word wrapping by terminal columns: wide characters (CJK, most emoji) count two,
 * combining marks none, and ANSI escape sequences none, so styled and non-ASCII text wraps
 * where it really ends on screen.
 */
final class TextWrapper {

  /** A width that never wraps (chat platforms wrap on their own). */
  static final int UNLIMITED = Integer.MAX_VALUE;

  private static final Pattern ANSI_ESCAPE = Pattern.compile("\u001B\\[[0-9;]*[A-Za-z]");
  private static final Pattern SPACED_WORD = Pattern.compile("( *)([^ ]+)");

  private TextWrapper() {}

  /**
   * Splits one line (no line breaks) into lines of at most {@code width} columns, breaking at
   * spaces; a word wider than {@code width} is cut. Spaces at a break are dropped.
   */
  static List<String> wrap(String line, int width) {
    if (width == UNLIMITED || displayWidth(line) <= width) {
      return List.of(line);
    }
    List<String> lines = new ArrayList<>();
    StringBuilder current = new StringBuilder();
    int currentWidth = 0;
    Matcher word = SPACED_WORD.matcher(line);
    while (word.find()) {
      String gap = word.group(1);
      String text = word.group(2);
      int needed = displayWidth(gap) + displayWidth(text);
      if (currentWidth + needed <= width) {
        current.append(gap).append(text);
        currentWidth += needed;
        continue;
      }
      if (!current.isEmpty()) {
        lines.add(current.toString());
        current.setLength(0);
      }
      List<String> pieces = cut(text, width);
      lines.addAll(pieces.subList(0, pieces.size() - 1));
      String last = pieces.get(pieces.size() - 1);
      current.append(last);
      currentWidth = displayWidth(last);
    }
    if (!current.isEmpty()) {
      lines.add(current.toString());
    }
    return lines;
  }

  /** Columns the text takes on a terminal. */
  static int displayWidth(String text) {
    String visible = ANSI_ESCAPE.matcher(text).replaceAll("");
    return visible.codePoints().map(TextWrapper::columns).sum();
  }

  /** Cuts a word into pieces of at most {@code width} columns, never inside an escape. */
  private static List<String> cut(String word, int width) {
    List<String> pieces = new ArrayList<>();
    StringBuilder piece = new StringBuilder();
    int pieceWidth = 0;
    Matcher escape = ANSI_ESCAPE.matcher(word);
    int i = 0;
    while (i < word.length()) {
      if (word.charAt(i) == '\u001B' && escape.region(i, word.length()).lookingAt()) {
        piece.append(escape.group());
        i = escape.end();
        continue;
      }
      int cp = word.codePointAt(i);
      int cpWidth = columns(cp);
      // An empty piece always takes the character, so a width-2 character in 1 column ends.
      if (pieceWidth + cpWidth > width && pieceWidth > 0) {
        pieces.add(piece.toString());
        piece.setLength(0);
        pieceWidth = 0;
      }
      piece.appendCodePoint(cp);
      pieceWidth += cpWidth;
      i += Character.charCount(cp);
    }
    pieces.add(piece.toString());
    return pieces;
  }

  private static int columns(int codePoint) {
    return DisplayWidth.columns(codePoint);
  }
}
