package dev.dbq.bank;

import java.io.Reader;
import java.util.List;

/**
 * A bank's Markdown after {@link HeadingRepair}, and where each of its lines came from.
 *
 * @param lines the repaired lines (the front matter is not among them)
 * @param originalLines for each repaired line (0-based index), its 1-based line in the file
 * @param fixes the headings that were repaired, in file order
 */
record RepairedSource(List<String> lines, int[] originalLines, List<HeadingRepair.Fix> fixes) {

  RepairedSource {
    lines = List.copyOf(lines);
    originalLines = originalLines.clone();
    fixes = List.copyOf(fixes);
  }

  int originalLine(int repairedIndex) {
    return originalLines[repairedIndex];
  }

  /**
   * The lines, each ended by {@code \n}, as a stream of characters: the parser reads them without
   * a copy of the whole file (issue 16). CommonMark's line indexes are indexes into lines.
   */
  Reader reader() {
    return new Reader() {
      private int line;
      private int column;

      @Override
      public int read(char[] buffer, int offset, int length) {
        if (line >= lines.size()) {
          return -1;
        }
        int written = 0;
        while (written < length && line < lines.size()) {
          String current = lines.get(line);
          if (column < current.length()) {
            int count = Math.min(length - written, current.length() - column);
            current.getChars(column, column + count, buffer, offset + written);
            column += count;
            written += count;
          } else {
            buffer[offset + written++] = '\n';
            line++;
            column = 0;
          }
        }
        return written;
      }

      @Override
      public void close() {}
    };
  }

  /** The lines joined with {@code \n}, as {@link #reader} gives them. */
  String text() {
    StringBuilder text = new StringBuilder(lines.size() * 64);
    for (String line : lines) {
      text.append(line).append('\n');
    }
    return text.toString();
  }
}
