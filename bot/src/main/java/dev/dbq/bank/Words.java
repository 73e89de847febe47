package dev.dbq.bank;

import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The words search reads: lower case, runs of letters and digits ({@code \p{L}\p{N}}), stop words
 * dropped, lightly stemmed. One hand-written pass, no regex: the index tokenizes every question
 * at load and each query with the same code, so they always agree.
 */
final class Words {

  private static final Set<String> STOP_WORDS =
      Set.of("a", "an", "and", "the", "of", "in", "on", "to", "for", "how", "what", "is", "do", "you");

  private static final String[] SUFFIXES = {"ing", "ed", "es", "s"};

  private Words() {}

  /** The distinct words of {@code text}, in the order they first appear. */
  static Set<String> of(String text) {
    Set<String> words = new LinkedHashSet<>();
    forEach(text, words::add);
    return words;
  }

  /** Each word of {@code text} in order, repeats included. */
  static void forEach(String text, Consumer<String> action) {
    String lower = text.toLowerCase(Locale.ROOT);
    int length = lower.length();
    int i = 0;
    while (i < length) {
      while (i < length && !isWordCodePoint(lower.codePointAt(i))) {
        i += Character.charCount(lower.codePointAt(i));
      }
      int start = i;
      while (i < length && isWordCodePoint(lower.codePointAt(i))) {
        i += Character.charCount(lower.codePointAt(i));
      }
      if (i > start) {
        String word = lower.substring(start, i);
        if (!STOP_WORDS.contains(word)) {
          action.accept(stem(word));
        }
      }
    }
  }

  /** A light stem, so that "sharding", "shards" and "sharded" all match "shard". */
  static String stem(String word) {
    for (String suffix : SUFFIXES) {
      if (word.endsWith(suffix) && word.length() - suffix.length() >= 4) {
        return word.substring(0, word.length() - suffix.length());
      }
    }
    return word;
  }

  /** {@code \p{L}} or {@code \p{N}}, as java.util.regex reads them. */
  private static boolean isWordCodePoint(int codePoint) {
    if (codePoint < 0x80) {
      return (codePoint >= 'a' && codePoint <= 'z') || (codePoint >= '0' && codePoint <= '9')
          || (codePoint >= 'A' && codePoint <= 'Z');
    }
    if (Character.isLetter(codePoint)) {
      return true;
    }
    int type = Character.getType(codePoint);
    return type == Character.DECIMAL_DIGIT_NUMBER || type == Character.LETTER_NUMBER || type == Character.OTHER_NUMBER;
  }
}
