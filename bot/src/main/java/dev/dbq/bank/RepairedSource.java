package dev.dbq.bank;

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

  /** The lines joined with {@code \n}, so CommonMark's line indexes are indexes into lines. */
  String text() {
    StringBuilder text = new StringBuilder(lines.size() * 64);
    for (String line : lines) {
      text.append(line).append('\n');
    }
    return text.toString();
  }
}
