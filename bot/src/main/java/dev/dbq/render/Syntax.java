package dev.dbq.render;

import dev.dbq.chat.UserText;
import java.util.List;
import java.util.regex.Pattern;

/**
 * How one output flavour writes each Markdown construct. {@link MarkdownRenderer} walks the
 * AST and handles structure (blocks, nesting, indentation, wrapping); a flavour only decides
 * the markup, so adding a platform means writing one of these.
 */
interface Syntax {

  /** Destinations a chat client can open; relative links make no sense in a message. */
  Pattern WEB_LINK = Pattern.compile("(?i)(https?|mailto):.*");

  /** Source text, escaped so the platform shows it literally. */
  String text(String literal);

  String strong(String content);

  String emphasis(String content);

  String inlineCode(String code);

  /** A link whose visible {@code content} is already rendered. */
  String link(String content, String destination);

  /** A heading's already-rendered content, made to stand out on its own line. */
  String heading(int level, String content);

  /** The marker of a bullet list item at nesting {@code depth} (0 = top), with its space. */
  String bullet(int depth);

  /** A code block as lines; never wrapped, so code stays copyable. */
  List<String> codeBlock(String language, String code);

  String thematicBreak(int width);

  /** What each line of a block quote starts with. */
  String quotePrefix();

  /** True when a reader could follow the link from a message. */
  static boolean isWebLink(String destination) {
    return destination != null && WEB_LINK.matcher(destination).matches();
  }

  /** A code block's lines, without the final line break the parser keeps. */
  static List<String> codeLines(String code) {
    String body = code.endsWith("\n") ? code.substring(0, code.length() - 1) : code;
    return List.of(body.split("\n", -1));
  }

  /**
   * A code line that cannot end the chat fence around it: a zero-width space splits any
   * triple backtick (chat fences close on the first one, wherever it stands).
   */
  static String defuseFence(String codeLine) {
    return codeLine.replace("```", "``" + UserText.ZERO_WIDTH_SPACE + "`");
  }

  /** The length of the longest run of backticks, which a code span's fence must exceed. */
}
