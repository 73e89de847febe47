package dev.dbq.testsupport;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Finds what must never reach a user's screen or a chat: control characters and live mentions. */
public final class UserTextProbe {

  /** Mentions and broadcasts as the platforms parse them, not broken by a zero-width space. */
  private static final Pattern LIVE_MENTION =
      Pattern.compile("<[@#!]|@(?:everyone|here|channel)\\b", Pattern.CASE_INSENSITIVE);

  private UserTextProbe() {}

  /**
   * Each C0 or C1 control character (tab and newline are layout, so allowed) and each bidi
   * embedding, override or isolate, as {@code U+001B at 12}.
   */
  public static List<String> unsafeCharacters(String text) {
    List<String> found = new ArrayList<>();
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      boolean control = (c < 0x20 && c != '\n' && c != '\t') || (c >= 0x7F && c <= 0x9F);
      boolean bidi = (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069);
      if (control || bidi) {
        found.add(String.format("U+%04X at %d", (int) c, i));
      }
    }
    return found;
  }

  /** Every live mention or broadcast in the text, with its position. */
  public static List<String> liveMentions(String text) {
    List<String> found = new ArrayList<>();
    Matcher matcher = LIVE_MENTION.matcher(text);
    while (matcher.find()) {
      found.add(matcher.group() + " at " + matcher.start());
    }
    return found;
  }
}
