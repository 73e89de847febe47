package dev.dbq.command;

import dev.dbq.bank.BankLibrary;
import dev.dbq.bank.FilterKey;
import dev.dbq.bank.QuestionFilter;
import dev.dbq.text.DidYouMean;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads {@code topic:WORDS difficulty:staff company:NAME tag:TAG bank:ID}. Unquoted words after a
 * filter continue its value ({@code topic:cap theorem}). Every value must match some question,
 * so a typo gets a did-you-mean instead of an empty result.
 */
public final class FilterParser {

  private final BankLibrary library;

  public FilterParser(BankLibrary library) {
    this.library = library;
  }

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
        throw new CommandException(
            "Filters look like `key:value`, not " + UserInput.echo(word) + ". Try `difficulty:senior`, `topic:\"CAP theorem\"` or `company:google`.");
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
              return new CommandException(
                  "Unknown filter " + UserInput.echo(keyword + ":") + "." + UserInput.didYouMean(keyword + ":", keys)
                      + " Filters: " + UserInput.list(keys) + ".");
            });
  }

  private void check(FilterKey key, String value) {
    if (value.isEmpty()) {
      throw new CommandException("`" + key.keyword() + ":` needs a value, e.g. " + example(key) + ".");
    }
    if (!library.isKnown(key, value)) {
      var known = library.vocabulary(key).keySet();
      throw new CommandException(
"No question has " + key.keyword() + " " + UserInput.echo(value) + "."
              + DidYouMean.closest(value, known).map(s -> " Did you mean `" + typed(key, s) + "`?").orElse("")
              + " Known: " + UserInput.list(known.stream().limit(15).toList())
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
}
