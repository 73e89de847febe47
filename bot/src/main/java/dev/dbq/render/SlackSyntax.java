package dev.dbq.render;

import dev.dbq.chat.Mention;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Slack mrkdwn. Slack has no backslash escapes: only {@code &}, {@code <} and {@code >} must be
 * escaped (as HTML entities), everywhere including code, because {@code <...>} is its syntax for
 * links and mentions.
 */
final class SlackSyntax implements Syntax {

  private static final String FENCE = "```";

  @Override
  public String text(String literal) {
    return literal.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
  }

  @Override
  public String strong(String content) {
    return content.isBlank() ? content : "*" + content + "*";
  }

  @Override
  public String emphasis(String content) {
    return content.isBlank() ? content : "_" + content + "_";
  }

  @Override
  public String inlineCode(String code) {
    return "`" + text(code) + "`";
  }

  @Override
  public String link(String content, String destination) {
    Optional<Mention> mention = Mention.of(destination);
    if (mention.isPresent()) {
      return mention.get().chatMarkup();
    }
    if (!Syntax.isWebLink(destination)) {
      return content;
    }
    // A "|" would end the URL early; percent-encoding keeps it the same address.
    String url = text(destination).replace("|", "%7C");
    return content.isBlank() || content.equals(text(destination))
        ? "<" + url + ">"
        : "<" + url + "|" + content + ">";
  }

  @Override
  public String heading(int level, String content) {
    return strong(content);
  }

  @Override
  public String bullet(int depth) {
    return switch (depth) {
      case 0 -> "• ";
      case 1 -> "◦ ";
      default -> "▪ ";
    };
  }

  /** Slack ignores a fence's language, so none is written. */
  @Override
  public List<String> codeBlock(String language, String code) {
    List<String> lines = new ArrayList<>();
    lines.add(FENCE);
    for (String line : Syntax.codeLines(code)) {
      lines.add(text(Syntax.defuseFence(line)));
    }
    lines.add(FENCE);
    return lines;
  }

  @Override
  public String thematicBreak(int width) {
    return "———";
  }

  @Override
  public String quotePrefix() {
    return "> ";
  }
}
