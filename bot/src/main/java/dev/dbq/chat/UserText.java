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

  /** A carriage return would send a terminal's cursor back over what is already printed. */
  private static final Pattern CARRIAGE_RETURN = Pattern.compile("\r\n?");

  /**
   * What can act instead of show: C0 controls but tab and line feed (ESC starts terminal
   * sequences, BEL rings, NUL truncates), DEL and C1 controls (U+009B is a one-character CSI),
   * and the bidi embeddings, overrides and isolates that reorder the text around them.
   */
  private static final Pattern UNSAFE_CHARACTER =
      Pattern.compile("[\\x00-\\x08\\x0B-\\x1F\\x7F-\\x9F\\u202A-\\u202E\\u2066-\\u2069]");

  /** Shows where an unsafe character was typed, without acting like one. */
  public static final String REPLACEMENT = "\uFFFD";

  private UserText() {}

  /**
   * The text with every broadcast and mention token broken by a zero-width space, carriage
   * returns made line feeds, and every control or bidi control character replaced by U+FFFD.
   * It does not shorten: echoes bound the length with {@link #shortened} first.
   */
  public static String neutralize(String text) {
    String oneKindOfBreak = CARRIAGE_RETURN.matcher(text).replaceAll("\n");
    String visible = UNSAFE_CHARACTER.matcher(oneKindOfBreak).replaceAll(REPLACEMENT);
    String noBroadcast = BROADCAST.matcher(visible).replaceAll("@" + ZERO_WIDTH_SPACE);
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


  /** True if the text holds a control or bidi control character that {@link #neutralize} replaces. */
  public static boolean hasUnsafeCharacters(String text) {
    return UNSAFE_CHARACTER.matcher(text).find() || text.indexOf('\r') >= 0;
  }

  /**
   * The text cut to at most {@code max} characters (plus an ellipsis when cut), never in the
   * middle of a surrogate pair: how much of a user's text any echo or log line carries.
   */
  public static String shortened(String text, int max) {
    if (text.length() <= max) {
      return text;
    }
    int end = Character.isHighSurrogate(text.charAt(max - 1)) ? max + 1 : max;
    return text.substring(0, end) + "…";
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
