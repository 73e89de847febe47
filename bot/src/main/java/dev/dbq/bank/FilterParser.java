package dev.dbq.bank;

import dev.dbq.chat.UserText;
import dev.dbq.text.CommandLine;
import dev.dbq.text.DidYouMean;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Reads {@code topic:WORDS difficulty:staff company:NAME tag:TAG bank:ID}. Unquoted words after a
 * filter continue its value ({@code topic:cap theorem}). Every value must match some question,
 * so a typo gets a did-you-mean instead of an empty result. {@code /dbq random}, the question of
 * the day's candidates and the startup check of {@code rounds.filters} all read filters here.
 */
public final class FilterParser {

  private final BankLibrary library;

  public FilterParser(BankLibrary library) {
    this.library = library;
  }

  /**
   * The questions a filter line as typed ({@code topic:"CAP theorem" difficulty:staff}) asks
   * for; all of them for a blank line. Throws {@link FilterException} for a line that names
   * nothing; an empty list means the filters are valid but no question has all of them.
   */
  public List<Question> questions(String line) {
    return library.filter(parse(CommandLine.words(line == null ? "" : line)));
  }

  /** The filter the words after a command ask for; throws {@link FilterException} as {@link #questions} does. */
  public QuestionFilter parse(List<String> words) {
    // Values grow in builders: appending each continuing word to a new string copied the whole
    // value so far, quadratic in the number of words.
    Map<FilterKey, List<StringBuilder>> building = new EnumMap<>(FilterKey.class);
    StringBuilder current = null;
    for (String word : words) {
      int colon = word.indexOf(':');
      if (colon > 0) {
        current = new StringBuilder(word.substring(colon + 1).strip());
        building.computeIfAbsent(key(word.substring(0, colon)), k -> new ArrayList<>()).add(current);
      } else if (current != null) {
        if (!current.isEmpty()) {
          current.append(' ');
        }
        current.append(word);
      } else {
        throw new FilterException(
            "Filters look like `key:value`, not " + echo(word) + ". Try `difficulty:senior`, `topic:\"CAP theorem\"` or `company:google`.");
      }
    }
    Map<FilterKey, List<String>> values = new EnumMap<>(FilterKey.class);
    building.forEach((key, list) -> values.put(key, list.stream().map(value -> value.toString().strip()).toList()));
    values.forEach((key, list) -> list.forEach(value -> check(key, value)));
    return new QuestionFilter(values);
  }

  private static FilterKey key(String keyword) {
    return FilterKey.fromKeyword(keyword)
        .orElseThrow(
            () -> {
              List<String> keys = Arrays.stream(FilterKey.values()).map(k -> k.keyword() + ":").toList();
              return new FilterException(
                  "Unknown filter " + echo(keyword + ":") + "." + DidYouMean.closest(keyword + ":", keys).map(s -> " Did you mean `" + s + "`?").orElse("")
                      + " Filters: " + list(keys) + ".");
            });
  }

  private void check(FilterKey key, String value) {
    if (value.isEmpty()) {
      throw new FilterException("`" + key.keyword() + ":` needs a value, e.g. " + example(key) + ".");
    }
    if (!library.isKnown(key, value)) {
      var known = library.vocabulary(key).keySet();
      throw new FilterException(
"No question has " + key.keyword() + " " + echo(value) + "."
              + DidYouMean.closest(value, known).map(s -> " Did you mean `" + typed(key, s) + "`?").orElse("")
              + " Known: " + list(known.stream().limit(15).toList())
              + (known.size() > 15 ? " and " + (known.size() - 15) + " more" : "") + ".");
    }
  }

  private String example(FilterKey key) {
    return library.vocabulary(key).keySet().stream()
        .findFirst()
        .map(v -> "`" + typed(key, v) + "`")
        .orElse("`" + key.keyword() + ":…`");
  }

  /** A filter as a user would type it: {@code difficulty:staff}, {@code topic:"CAP theorem"}. */
  static String typed(FilterKey key, String value) {
    String lower = value.toLowerCase(Locale.ROOT);
    return key.keyword() + ":" + (lower.contains(" ") ? "\"" + lower + "\"" : lower);
  }

  /** The user's words as inline code that can ping nobody, shortened when long (as commands echo them). */
  private static String echo(String typed) {
    return UserText.code(UserText.shortened(typed, 60));
  }

  private static String list(Collection<String> options) {
    return options.stream().map(o -> "`" + o + "`").collect(Collectors.joining(", "));
  }
}
