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
 * A next line is a continuation when it is not blank, not itself structure (heading, list item,
 * fence, quote, table, bold metadata such as {@code **Difficulty:**}) and either starts with a
 * lower-case letter or {@code :}, or follows a heading whose text is empty, ends with {@code :}
 * or is a bare {@code Qn} / {@code Scenario n}. Fenced code is copied untouched.
 */
final class HeadingRepair {

  private static final int MAX_LEVEL = 6;

  private HeadingRepair() {}

  /**
   * One repaired heading.
   *
   * @param line 1-based original line where the heading's {@code #} marks stand
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

  /**
   * The Markdown to parse and where its lines came from.
   *
   * @param lines the repaired lines
   * @param originalLines for each repaired line (0-based), the 1-based original line
   */
  record RepairedSource(List<String> lines, int[] originalLines, List<Fix> fixes) {

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

  /** Repairs {@code source} from line index {@code from} (the first line after front matter). */
  static RepairedSource repair(SourceLines source, int from) {
    Output out = new Output(source.count() - from);
    Fence fence = null;
    List<Fix> fixes = new ArrayList<>();
    for (int i = from; i < source.count(); i++) {
      String line = source.line(i);
      int originalLine = i + 1;
      if (fence != null) {
        out.add(line, originalLine);
        if (fence.isClosedBy(line)) {
          fence = null;
        }
        continue;
      }
      fence = Fence.openedBy(line);
      if (fence != null) {
        out.add(line, originalLine);
        continue;
      }
      int glued = gluedHeadingStart(line);
      String heading;
      if (glued > 0) {
        out.add(line.substring(0, glued), originalLine);
        heading = line.substring(glued);
      } else if (atxLevel(line) > 0) {
        heading = line;
      } else {
        out.add(line, originalLine);
        continue;
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
      boolean markRunFits = end - marks <= MAX_LEVEL && (end == line.length() || isBlank(line.charAt(end)));
      if (markRunFits
          && !isBlank(before)
          && before != '#'
          && before != '\\'
          && !insideCodeSpan(line, marks)) {
        return marks;
      }
      from = end;
    }
  }

  /** The ATX heading level of {@code line} (1-6), or 0 when it is not an ATX heading. */
  static int atxLevel(String line) {
    int i = 0;
    while (i < line.length() && i < 3 && line.charAt(i) == ' ') {
      i++;
    }
    int marks = i;
    while (i < line.length() && line.charAt(i) == '#') {
      i++;
    }
    int level = i - marks;
    if (level < 1 || level > MAX_LEVEL) {
      return 0;
    }
    return i == line.length() || isBlank(line.charAt(i)) ? level : 0;
  }

  /** The heading's text without its marks, trimmed. */
  static String headingText(String line) {
    int i = 0;
    while (i < line.length() && (line.charAt(i) == '#' || isBlank(line.charAt(i)))) {
      i++;
    }
    return line.substring(i).strip();
  }

  static boolean continuesHeading(String heading, String next) {
    if (next.isBlank() || isStructure(next)) {
      return false;
    }
    String text = headingText(heading);
    char first = next.strip().charAt(0);
    return first == ':'
        || Character.isLowerCase(first)
        || text.isEmpty()
        || text.endsWith(":")
        || isBareNumberedHeading(text);
  }

  private static boolean isBareNumberedHeading(String text) {
    String marker;
    if (text.length() > 1 && (text.charAt(0) == 'Q' || text.charAt(0) == 'q')) {
      marker = text.substring(1);
    } else if (text.regionMatches(true, 0, "scenario", 0, "scenario".length())) {
      marker = text.substring("scenario".length()).strip();
    } else {
      return false;
    }
    return !marker.isEmpty() && marker.chars().allMatch(Character::isDigit);
  }

  /** Lines that open a block of their own and so can never be the rest of a heading. */
  private static boolean isStructure(String line) {
    int indent = 0;
    while (indent < line.length() && line.charAt(indent) == ' ') {
      indent++;
    }
    if (indent >= 4 || line.charAt(0) == '\t') {
      return true;
    }
    String rest = line.substring(indent);
    char first = rest.charAt(0);
    return atxLevel(rest) > 0
        || rest.startsWith("```")
        || rest.startsWith("~~~")
        || rest.startsWith("**")
        || first == '>'
        || first == '|'
        || first == '<'
        || isBulletItem(rest)
        || isOrderedItem(rest)
        || isRuleOrUnderline(rest);
  }

  private static boolean isBulletItem(String rest) {
    char first = rest.charAt(0);
    return (first == '-' || first == '*' || first == '+')
        && (rest.length() == 1 || isBlank(rest.charAt(1)));
  }

  private static boolean isOrderedItem(String rest) {
    int digits = 0;
    while (digits < rest.length() && digits < 10 && Character.isDigit(rest.charAt(digits))) {
      digits++;
    }
    if (digits == 0 || digits == 10 || digits == rest.length()) {
      return false;
    }
    char delimiter = rest.charAt(digits);
    return (delimiter == '.' || delimiter == ')')
        && (digits + 1 == rest.length() || isBlank(rest.charAt(digits + 1)));
  }

  private static boolean isRuleOrUnderline(String rest) {
    String compact = rest.strip().replace(" ", "");
    return compact.length() >= 2 && compact.chars().allMatch(c -> c == '-' || c == '=' || c == '_' || c == '*');
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

  private static boolean isBlank(char c) {
    return c == ' ' || c == '\t';
  }

  /** An open fenced code block, as CommonMark sees it: the same character, at least as long. */
  private record Fence(char character, int length) {

    static Fence openedBy(String line) {
      String rest = line.stripLeading();
      int run = runLength(rest);
      if (run < 3) {
        return null;
      }
      char character = rest.charAt(0);
      if (character == '`' && rest.indexOf('`', run) >= 0) {
        return null; // an info string with a backtick makes it inline code, not a fence
      }
      return new Fence(character, run);
    }

    boolean isClosedBy(String line) {
      String rest = line.strip();
      return !rest.isEmpty() && rest.charAt(0) == character && runLength(rest) >= length && runLength(rest) == rest.length();
    }

    private static int runLength(String rest) {
      if (rest.isEmpty() || (rest.charAt(0) != '`' && rest.charAt(0) != '~')) {
        return 0;
      }
      char character = rest.charAt(0);
      int run = 0;
      while (run < rest.length() && rest.charAt(run) == character) {
        run++;
      }
      return run;
    }
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
