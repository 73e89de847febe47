package dev.dbq.render;

import dev.dbq.chat.Mention;
import dev.dbq.chat.UserText;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Discord markdown. Discord shows a backslash-escaped punctuation character literally, so text
 * escapes the characters that start inline formatting or a mention ({@code <@123>}).
 */
final class DiscordSyntax implements Syntax {

  private static final String FENCE = "```";
  private static final Pattern SPECIAL = Pattern.compile("[\\\\*_~`|<]");
  /** Bare URLs stay as typed: Discord links them itself and a backslash would join the link. */
  private static final Pattern BARE_URL = Pattern.compile("(?i)https?://\\S+");
  /** The languages Discord recognises after a fence; anything else would show as code. */
  private static final Pattern LANGUAGE = Pattern.compile("[A-Za-z0-9_+.#-]+");

  @Override
  public String text(String literal) {
    StringBuilder out = new StringBuilder(literal.length() + 8);
    Matcher url = BARE_URL.matcher(literal);
    int plainStart = 0;
    while (url.find()) {
      out.append(escape(literal.substring(plainStart, url.start()))).append(url.group());
      plainStart = url.end();
    }
    return out.append(escape(literal.substring(plainStart))).toString();
  }

  @Override
  public String strong(String content) {
    return content.isBlank() ? content : "**" + content + "**";
  }

  @Override
  public String emphasis(String content) {
    return content.isBlank() ? content : "*" + content + "*";
  }

  /** The fence is longer than any backtick run inside, as in CommonMark. */
  @Override
  public String inlineCode(String code) {
    String fence = "`".repeat(UserText.longestBacktickRun(code) + 1);
    String padding = code.startsWith("`") || code.endsWith("`") ? " " : "";
    return fence + padding + code + padding + fence;
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
    String url = destination.replace("(", "%28").replace(")", "%29").replace(" ", "%20");
    return content.isBlank() || content.equals(text(destination))
        ? url
        : "[" + content + "](" + url + ")";
  }

  @Override
  public String heading(int level, String content) {
    return strong(content);
  }

  @Override
  public String bullet(int depth) {
    return "- ";
  }

  @Override
  public List<String> codeBlock(String language, String code) {
    List<String> lines = new ArrayList<>();
    lines.add(FENCE + (LANGUAGE.matcher(language).matches() ? language : ""));
    for (String line : Syntax.codeLines(code)) {
      lines.add(Syntax.defuseFence(line));
    }
    lines.add(FENCE);
    return lines;
  }

  @Override
  public String thematicBreak(int width) {
    return "──────────";
  }

  @Override
  public String quotePrefix() {
    return "> ";
  }

  private static String escape(String plain) {
    return SPECIAL.matcher(plain).replaceAll("\\\\$0");
  }
}
