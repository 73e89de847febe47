package dev.dbq.bank;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Repairs headings damaged by stray line breaks before the Markdown is parsed, keeping a map
 * from each repaired line to the original line so every reported line is the file's own.
 *
 * <p>Two kinds of damage are repaired, alone or together:
 *
 * <ul>
 *   <li><b>glued</b>: a heading stuck to the end of the previous line ({@code ...systems?### Q4})
 *       is moved onto its own line;
 *   <li><b>cut</b>: a heading whose text continues on the next line ({@code ### Q2: C} /
 *       {@code ompare ...}) is joined with that line by plain concatenation.
 * </ul>
 *
 * A next line is a continuation when it is not blank, does not open a block of its own (see
 * {@link MarkdownLine#opensBlock}) and either starts with a lower-case letter or {@code :}, or
 * follows a heading whose text is empty or a numbered heading without its title ({@code Q4},
 * {@code Q8:}, {@code Scenario 2:}). A heading followed by an ordinary capitalised paragraph is
 * left alone. Fenced code is copied untouched.
 */
final class HeadingRepair {

  private HeadingRepair() {}

  /**
   * One repaired heading.
   *
   * @param line 1-based original line where the heading's {@code #} marks stand
   * @param heading the repaired heading line
   */
  record Fix(int line, boolean split, boolean joined, String heading) {

    private static final int SHOWN_HEADING_LENGTH = 60;

    String message() {
      String what;
      if (split && joined) {
        what = "heading glued to the previous line was split off and its text cut by a line break joined";
      } else if (split) {
        what = "heading glued to the previous line was split onto its own line";
      } else {
        what = "heading cut by a line break was joined";
      }
      return what + ": \"" + shortened(heading) + "\"";
    }

    private static String shortened(String heading) {
      if (heading.length() <= SHOWN_HEADING_LENGTH) {
        return heading;
      }
      int cut = heading.lastIndexOf(' ', SHOWN_HEADING_LENGTH);
      return heading.substring(0, cut > 0 ? cut : SHOWN_HEADING_LENGTH) + "...";
    }
  }

  /** Repairs {@code source} from line index {@code from} (the first line after front matter). */
  static RepairedSource repair(SourceLines source, int from) {
    Output out = new Output(source.count() - from);
    List<Fix> fixes = new ArrayList<>();
    CodeFence fence = null;
    for (int i = from; i < source.count(); i++) {
      String line = source.line(i);
      int originalLine = i + 1;
      if (fence != null) {
        out.add(line, originalLine);
        fence = fence.isClosedBy(line) ? null : fence;
        continue;
      }
      fence = CodeFence.openedBy(line);
      int glued = fence == null ? gluedHeadingStart(line) : -1;
      if (fence != null || (glued < 0 && MarkdownLine.atxLevel(line) == 0)) {
        out.add(line, originalLine);
        continue;
      }
      String heading = line;
      if (glued > 0) {
        out.add(line.substring(0, glued), originalLine);
        heading = line.substring(glued);
      }
      boolean joined = i + 1 < source.count() && continuesHeading(heading, source.line(i + 1));
      if (joined) {
        heading = heading + source.line(i + 1);
        i++;
      }
      out.add(heading, originalLine);
      if (glued > 0 || joined) {
        fixes.add(new Fix(originalLine, glued > 0, joined, heading.strip()));
      }
    }
    return new RepairedSource(out.lines, out.originalLines(), fixes);
  }

  /**
   * The index where a heading glued after text starts ({@code text?### Q4}), or -1. The marks
   * must follow a visible character that is not an escape and not inside a code span, and be
   * followed by a space or the end of the line; a single {@code #} is never taken ("C# is").
   */
  static int gluedHeadingStart(String line) {
    if (line.startsWith("    ") || line.startsWith("\t")) {
      return -1; // indented code: copied as written
    }
    int from = 1;
    while (true) {
      int marks = line.indexOf("##", from);
      if (marks < 0) {
        return -1;
      }
      int end = marks;
      while (end < line.length() && line.charAt(end) == '#') {
        end++;
      }
      char before = line.charAt(marks - 1);
      boolean isMarkRun = end - marks <= MarkdownLine.MAX_HEADING_LEVEL
          && (end == line.length() || MarkdownLine.isBlank(line.charAt(end)));
      if (isMarkRun
          && !MarkdownLine.isBlank(before)
          && before != '#'
          && before != '\\'
          && !insideCodeSpan(line, marks)) {
        return marks;
      }
      from = end;
    }
  }

  static boolean continuesHeading(String heading, String next) {
    if (next.isBlank() || MarkdownLine.opensBlock(next)) {
      return false;
    }
    String text = MarkdownLine.headingText(heading);
    char first = next.strip().charAt(0);
    return first == ':' || Character.isLowerCase(first) || text.isEmpty() || isUntitledNumberedHeading(text);
  }

  /** {@code Q4}, {@code Q8:} or {@code Scenario 2:}: a numbered heading that lost its title. */
  private static boolean isUntitledNumberedHeading(String text) {
    return NumberedHeading.question(text)
        .or(() -> NumberedHeading.scenario(text))
        .map(heading -> heading.title().isEmpty())
        .orElse(false);
  }

  private static boolean insideCodeSpan(String line, int index) {
    int backticks = 0;
    for (int i = 0; i < index; i++) {
      if (line.charAt(i) == '`') {
        backticks++;
      }
    }
    return backticks % 2 == 1;
  }

  /** The repaired lines and their original line numbers, grown together. */
  private static final class Output {
    private final List<String> lines;
    private int[] originals;

    Output(int expectedLines) {
      lines = new ArrayList<>(expectedLines + 8);
      originals = new int[expectedLines + 8];
    }

    void add(String line, int originalLine) {
      if (lines.size() == originals.length) {
        originals = Arrays.copyOf(originals, originals.length * 2);
      }
      originals[lines.size()] = originalLine;
      lines.add(line);
    }

    int[] originalLines() {
      return Arrays.copyOf(originals, lines.size());
    }
  }
}
