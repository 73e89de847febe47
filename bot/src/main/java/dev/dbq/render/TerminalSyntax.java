package dev.dbq.render;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Plain terminal text, styled with ANSI escapes when {@code ansi} is on. Without ANSI the
 * words of bold and italic text stay, unmarked; inline code keeps its backticks and headings
 * are upper-cased so they still stand out. Control characters from the source are dropped so
 * content can never drive the terminal.
 */
record TerminalSyntax(boolean ansi) implements Syntax {

  private static final String BOLD = "\u001B[1m";
  private static final String NOT_BOLD = "\u001B[22m";
  private static final String ITALIC = "\u001B[3m";
  private static final String NOT_ITALIC = "\u001B[23m";
  private static final String CYAN = "\u001B[36m";
  private static final String DEFAULT_COLOUR = "\u001B[39m";
  private static final String DIM = "\u001B[2m";
  private static final String NOT_DIM = "\u001B[22m";
  private static final String FENCE = "```";
  private static final int RULE_WIDTH = 40;

  @Override
  public String text(String literal) {
    return withoutControls(literal, false);
  }

  @Override
  public String strong(String content) {
    return ansi ? BOLD + content + NOT_BOLD : content;
  }

  @Override
  public String emphasis(String content) {
    return ansi ? ITALIC + content + NOT_ITALIC : content;
  }

  @Override
  public String inlineCode(String code) {
    String clean = withoutControls(code, false);
    return ansi ? CYAN + clean + DEFAULT_COLOUR : "`" + clean + "`";
  }

  @Override
  public String link(String content, String destination) {
    if (!Syntax.isWebLink(destination) || content.equals(destination)) {
      return content.isBlank() ? text(destination) : content;
    }
    return content + " (" + text(destination) + ")";
  }

  @Override
  public String heading(int level, String content) {
    return ansi ? BOLD + content + NOT_BOLD : content.toUpperCase(Locale.ROOT);
  }

  @Override
  public String bullet(int depth) {
    return "- ";
  }

  /** Fenced like Markdown and not indented, so a copied block pastes as it was written. */
  @Override
  public List<String> codeBlock(String language, String code) {
    List<String> lines = new ArrayList<>();
    lines.add(dim(FENCE + withoutControls(language, false)));
    for (String line : Syntax.codeLines(code)) {
      lines.add(withoutControls(line, true));
    }
    lines.add(dim(FENCE));
    return lines;
  }

  @Override
  public String thematicBreak(int width) {
    return "-".repeat(Math.min(width, RULE_WIDTH));
  }

  @Override
  public String quotePrefix() {
    return "| ";
  }

  private String dim(String text) {
    return ansi ? DIM + text + NOT_DIM : text;
  }

  /** Drops control characters (ESC above all); a tab becomes a space unless kept for code. */
  private static String withoutControls(String text, boolean keepTabs) {
    StringBuilder clean = new StringBuilder(text.length());
    text.codePoints().forEach(cp -> {
      if (cp == '\t') {
        clean.append(keepTabs ? '\t' : ' ');
      } else if (cp == '\n') {
        clean.append(' ');
      } else if (!Character.isISOControl(cp)) {
        clean.appendCodePoint(cp);
      }
    });
    return clean.toString();
  }
}
