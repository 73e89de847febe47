package dev.dbq.render;

import dev.dbq.chat.Reply;
import java.util.ArrayList;
import java.util.List;

/**
 * Renders replies for the console: the title as a heading, the blocks wrapped to the width
 * (code never wrapped), and the buttons as {@code [Detailed answer] [Code]} on the last lines.
 */
public final class TerminalRenderer {

  private static final int MIN_WIDTH = 12;

  private final int width;
  private final boolean ansi;
  private final MarkdownRenderer markdown;

  /**
   * @param width columns to wrap at (at least 12)
   * @param ansi whether to style with ANSI escapes; off gives plain text
   */
  public TerminalRenderer(int width, boolean ansi) {
    this.width = width;
    this.ansi = ansi;
    this.markdown = new MarkdownRenderer(new TerminalSyntax(ansi), width);
  }

  /** A renderer for text indented by {@code columns}: together they stay within this width. */
  public TerminalRenderer narrower(int columns) {
    return new TerminalRenderer(Math.max(MIN_WIDTH, width - columns), ansi);
  }

  /** The whole reply; sections are a blank line apart and there is no final line break. */
  public String render(Reply reply) {
    List<String> sections = new ArrayList<>();
    if (!reply.title().isBlank()) {
      sections.add(title(reply.title()));
    }
    for (Reply.Block block : reply.blocks()) {
      sections.add(markdown.render(block));
    }
    if (!reply.buttons().isEmpty()) {
      sections.add(buttons(reply.buttons()));
    }
    return styledPerLine(String.join("\n\n", sections));
  }

  /** With ANSI, every line closes what it styles (see {@link AnsiLines}). */
  private String styledPerLine(String text) {
    return ansi ? AnsiLines.closedPerLine(text) : text;
  }

  /**
   * The title in bold, or without ANSI underlined: titles are whole sentences, so upper case
   * (how plain headings inside answers stand out) would shout.
   */
  private String title(String title) {
    if (ansi) {
      return markdown.renderHeading(title);
    }
    List<String> lines = TextWrapper.wrap(markdown.plainText(title), width);
    int longest = lines.stream().mapToInt(TextWrapper::displayWidth).max().orElse(0);
    return String.join("\n", lines) + "\n" + "─".repeat(longest);
  }

  /** Bank Markdown as terminal text. */
  public String render(String markdownText) {
    return styledPerLine(markdown.render(markdownText));
  }

  /** Button labels in brackets, wrapped between buttons rather than inside a label. */
  private String buttons(List<Reply.Button> buttons) {
    List<String> lines = new ArrayList<>();
    StringBuilder line = new StringBuilder();
    for (Reply.Button button : buttons) {
      String label = "[" + markdown.plainText(button.label()) + "]";
      boolean fits = TextWrapper.displayWidth(line + " " + label) <= width;
      if (!line.isEmpty() && !fits) {
        lines.addAll(TextWrapper.wrap(line.toString(), width));
        line.setLength(0);
      }
      line.append(line.isEmpty() ? "" : " ").append(label);
    }
    lines.addAll(TextWrapper.wrap(line.toString(), width));
    return String.join("\n", lines);
  }
}
