package dev.dbq.bank;

/**
 * What a single Markdown line looks like, judged as CommonMark starts blocks but without
 * context. The heading repair needs this before the document can be parsed.
 */
final class MarkdownLine {

  static final int MAX_HEADING_LEVEL = 6;

  private MarkdownLine() {}

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
    if (level < 1 || level > MAX_HEADING_LEVEL) {
      return 0;
    }
    return i == line.length() || isBlank(line.charAt(i)) ? level : 0;
  }

  /** A heading's text as written: without indent, opening marks and closing sequence, trimmed. */
  static String headingText(String line) {
    int start = 0;
    while (start < line.length() && line.charAt(start) == ' ') {
      start++;
    }
    while (start < line.length() && line.charAt(start) == '#') {
      start++;
    }
    String text = line.substring(start).strip();
    // An optional closing sequence ("## Title ##") is not part of the text.
    int end = text.length();
    while (end > 0 && text.charAt(end - 1) == '#') {
      end--;
    }
    if (end < text.length() && (end == 0 || isBlank(text.charAt(end - 1)))) {
      return text.substring(0, end).strip();
    }
    return text;
  }

  /**
   * Whether a non-blank line starts a block of its own (heading, fence, list item, quote, table,
   * HTML, rule, indented code) or is bold metadata such as {@code **Difficulty:**}: such a line
   * is never the rest of a heading cut by a line break.
   */
  static boolean opensBlock(String line) {
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
        || CodeFence.openedBy(rest) != null
        || rest.startsWith("**")
        || first == '>'
        || first == '|'
        || first == '<'
        || isBulletItem(rest)
        || isOrderedItem(rest)
        || isRuleOrUnderline(rest);
  }

  static boolean isBlank(char c) {
    return c == ' ' || c == '\t';
  }

  private static boolean isBulletItem(String rest) {
    char first = rest.charAt(0);
    return (first == '-' || first == '*' || first == '+') && (rest.length() == 1 || isBlank(rest.charAt(1)));
  }

  private static boolean isOrderedItem(String rest) {
    int maxDigits = 9;
    int digits = 0;
    while (digits < rest.length() && digits <= maxDigits && Character.isDigit(rest.charAt(digits))) {
      digits++;
    }
    if (digits == 0 || digits > maxDigits || digits == rest.length()) {
      return false;
    }
    char delimiter = rest.charAt(digits);
    return (delimiter == '.' || delimiter == ')') && (digits + 1 == rest.length() || isBlank(rest.charAt(digits + 1)));
  }

  private static boolean isRuleOrUnderline(String rest) {
    String compact = rest.strip().replace(" ", "");
    return compact.length() >= 2 && compact.chars().allMatch(c -> c == '-' || c == '=' || c == '_' || c == '*');
  }
}
