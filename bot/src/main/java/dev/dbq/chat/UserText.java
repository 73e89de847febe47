package dev.dbq.chat;

import java.util.regex.Pattern;

/**
 * Makes text a user typed safe to echo back: it can never ping anyone and never turns into
 * formatting. Use it whenever a user's words appear in a reply.
 */
public final class UserText {

  /** Invisible, so the echo reads the same, but it breaks every mention token it sits in. */
  public static final String ZERO_WIDTH_SPACE = "\u200B";

  /** {@code @everyone}, {@code @here} (both platforms) and Slack's {@code @channel}. */
  private static final Pattern BROADCAST =
      Pattern.compile("@(?=(?:everyone|here|channel))", Pattern.CASE_INSENSITIVE);

  /**
   * The start of a mention token: Slack {@code <@U1>}, {@code <#C1>}, {@code <!here>},
   * {@code <!subteam^ID>}; Discord {@code <@1>}, {@code <@!1>}, {@code <@&1>}, {@code <#1>}.
   */
  private static final Pattern MENTION_TOKEN = Pattern.compile("<(?=[@#!])");

  private static final Pattern BACKTICK_RUN = Pattern.compile("`+");

  private static final Pattern LINE_BREAK = Pattern.compile("\\R");

  private UserText() {}

  /** The text with every broadcast and mention token broken by a zero-width space. */
  public static String neutralize(String text) {
    String noBroadcast = BROADCAST.matcher(text).replaceAll("@" + ZERO_WIDTH_SPACE);
    return MENTION_TOKEN.matcher(noBroadcast).replaceAll("<" + ZERO_WIDTH_SPACE);
  }

  /**
   * The text as CommonMark source that renders literally on one line, for embedding in a
   * {@code Reply.Text}: neutralized, line breaks folded to spaces, and every ASCII punctuation
   * character backslash-escaped (CommonMark allows escaping any of them, so none can start
   * emphasis, a list, a link or a heading).
   */
  public static String literal(String text) {
    String oneLine = LINE_BREAK.matcher(neutralize(text)).replaceAll(" ");
    StringBuilder escaped = new StringBuilder(oneLine.length() + 16);
    oneLine.codePoints().forEach(cp -> {
      if (isAsciiPunctuation(cp)) {
        escaped.append('\\');
      }
      escaped.appendCodePoint(cp);
    });
    return escaped.toString();
  }

  /**
   * The text as a CommonMark inline code span, for echoing a command word the user typed
   * ("unknown subcommand {@code `foo`}"). The backtick fence is longer than any run inside, so
   * backticks in the text cannot end the span early.
   */
  public static String code(String text) {
    String oneLine = LINE_BREAK.matcher(neutralize(text)).replaceAll(" ");
    String fence = "`".repeat(longestBacktickRun(oneLine) + 1);
    // CommonMark strips one space from each side of a span; padding keeps edge characters.
    boolean needsPadding = oneLine.isEmpty() || oneLine.startsWith("`") || oneLine.endsWith("`")
        || oneLine.startsWith(" ") || oneLine.endsWith(" ");
    String padding = needsPadding ? " " : "";
    return fence + padding + oneLine + padding + fence;
  }


  private static boolean isAsciiPunctuation(int cp) {
    return (cp >= '!' && cp <= '/') || (cp >= ':' && cp <= '@') || (cp >= '[' && cp <= '`')
        || (cp >= '{' && cp <= '~');
  }

  /** The length of the longest run of backticks in the text (0 if none). */
  public static int longestBacktickRun(String text) {
    return BACKTICK_RUN.matcher(text).results().mapToInt(run -> run.end() - run.start()).max().orElse(0);
  }
}
