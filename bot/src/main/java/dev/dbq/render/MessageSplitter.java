package dev.dbq.render;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Splits rendered chat text into parts that each fit a platform's limit. It cuts at the last
 * paragraph break that keeps a part at least half full, else a line break, else a space, else
 * anywhere (never inside a character, an entity or an escape). A code fence is never left
 * open: a part that ends inside one closes it, and the next part reopens it with the same
 * language, so every part renders on its own.
 */
public final class MessageSplitter {

  /** Where to cut, best first. */
  private static final List<String> BREAKS = List.of("\n\n", "\n", " ");
  private static final String FENCE = "```";
  /** A fence on its own line, possibly inside list indentation or a quote ({@code > ```sql}). */
  private static final Pattern FENCE_LINE = Pattern.compile("^([ >]*)```(?!.*```).*$", Pattern.MULTILINE);
  /** Slack's entities; cutting one in half would show its pieces. */
  private static final Pattern ENTITY = Pattern.compile("&(?:amp|lt|gt);");
  private static final int LONGEST_ENTITY = "&amp;".length();

  private MessageSplitter() {}

  /**
   * The text (trailing whitespace dropped) in parts of at most {@code limit} characters; no
   * parts for blank text.
   *
   * @throws IllegalArgumentException if {@code limit} cannot hold a fence opener and closer
   *     with some text between them
   */
  public static List<String> split(String text, int limit) {
    return parts(text, limit).stream().map(Part::text).toList();
  }

  static List<Part> parts(String text, int limit) {
    String content = text.stripTrailing();
    List<FenceLine> fences = fenceLines(content);
    List<Part> parts = new ArrayList<>();
    int start = 0;
    String reopening = "";
    while (start < content.length()) {
      if (reopening.length() + content.length() - start <= limit) {
        parts.add(new Part(reopening, content.substring(start), ""));
        break;
      }
      Part part = nextPart(content, fences, start, reopening, limit);
      parts.add(part);
      start += part.body().length();
      FenceLine open = openFence(fences, start);
      reopening = open == null ? "" : open.line() + "\n";
    }
    return parts;
  }

  /**
   * A part of the text from {@code start}. The fence closer it may need is only known once the
   * cut is chosen, so the window shrinks until part and closer fit together.
   */
  private static Part nextPart(String content, List<FenceLine> fences, int start, String reopening,
      int limit) {
    int windowEnd = start + limit - reopening.length();
    while (windowEnd > start) {
      int cut = cut(content, fences, start, windowEnd);
      FenceLine open = openFence(fences, cut);
      String closing = open == null ? "" : "\n" + open.prefix() + FENCE;
      Part part = new Part(reopening, content.substring(start, cut), closing);
      int excess = part.text().length() - limit;
      if (excess <= 0) {
        return part;
      }
      windowEnd = Math.min(cut, windowEnd) - excess;
    }
    throw new IllegalArgumentException(
        "a limit of " + limit + " leaves no room for text beside the code fences");
  }

  /** Where the part starting at {@code start} ends; a position in (start, windowEnd]. */
  private static int cut(String content, List<FenceLine> fences, int start, int windowEnd) {
    int halfFull = start + (windowEnd - start) / 2;
    for (String separator : BREAKS) {
      int cut = lastBreak(content, fences, separator, halfFull, windowEnd);
      if (cut > 0) {
        return cut;
      }
    }
    // A small part still beats cutting a word in half.
    for (String separator : BREAKS) {
      int cut = lastBreak(content, fences, separator, start, windowEnd);
      if (cut > 0) {
        return cut;
      }
    }
    return hardCut(content, fences, start, windowEnd);
  }

  /** The position after the last usable {@code separator} ending in (from, to], or -1. */
  private static int lastBreak(String content, List<FenceLine> fences, String separator, int from,
      int to) {
    int at = content.lastIndexOf(separator, to - separator.length());
    while (at >= 0 && at + separator.length() > from) {
      int cut = at + separator.length();
      if (isUsableCut(fences, cut)) {
        return cut;
      }
      at = content.lastIndexOf(separator, at - 1);
    }
    return -1;
  }

  /**
   * Not inside a fence line, and not where a part would hold an empty code block: just after
   * the line that opens a fence, or just before the line that closes it.
   */
  private static boolean isUsableCut(List<FenceLine> fences, int cut) {
    FenceLine open = openFence(fences, cut);
    for (FenceLine fence : fences) {
      boolean inside = fence.start() < cut && cut < fence.end();
      boolean justOpened = fence == open && fence.end() == cut;
      boolean aboutToClose = open != null && fence.start() == cut;
      if (inside || justOpened || aboutToClose) {
        return false;
      }
    }
    return true;
  }

  /** A cut inside a word, stepped back so it splits no character, entity or escape. */
  private static int hardCut(String content, List<FenceLine> fences, int start, int windowEnd) {
    int cut = windowEnd;
    if (Character.isLowSurrogate(content.charAt(cut)) && cut - 1 > start) {
      cut--;
    }
    int ampersand = content.lastIndexOf('&', cut - 1);
    if (ampersand > start && cut - ampersand < LONGEST_ENTITY) {
      Matcher entity = ENTITY.matcher(content).region(ampersand, content.length());
      if (entity.lookingAt() && entity.end() > cut) {
        cut = ampersand;
      }
    }
    if (content.charAt(cut - 1) == '\\' && cut - 1 > start) {
      cut--;
    }
    for (FenceLine fence : fences) {
      if (fence.start() < cut && cut < fence.end()) {
        // A fence line is indivisible: end before it, or after it if it opens the part.
        return fence.start() > start ? fence.start() : fence.end();
      }
    }
    return cut;
  }

  /** The fence open at {@code position}, or null: fences toggle open and closed in order. */
  private static FenceLine openFence(List<FenceLine> fences, int position) {
    FenceLine open = null;
    for (FenceLine fence : fences) {
      if (fence.start() >= position) {
        break;
      }
      open = open == null ? fence : null;
    }
    return open;
  }

  private static List<FenceLine> fenceLines(String content) {
    List<FenceLine> fences = new ArrayList<>();
    Matcher line = FENCE_LINE.matcher(content);
    while (line.find()) {
      int end = Math.min(line.end() + 1, content.length()); // past its line break
      fences.add(new FenceLine(line.start(), end, line.group(1), line.group()));
    }
    return fences;
  }

  /** A line holding a code fence, from its first character to past its line break. */
  private record FenceLine(int start, int end, String prefix, String line) {}

  /**
   * One part: the original text in {@code body}, between the fence reopened from the previous
   * part and the closer this part needs. Bodies concatenate back to the original text.
   */
  record Part(String reopening, String body, String closing) {

    /** What is sent: the body without trailing whitespace, wrapped in the fence fix-ups. */
    String text() {
      return reopening + body.stripTrailing() + closing;
    }
  }
}
