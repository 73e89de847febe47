package dev.dbq.bank;

import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Which questions a user asks for. Values of one key are alternatives (difficulty:senior
 * difficulty:staff), different keys must all hold. Matching is case-insensitive.
 */
public record QuestionFilter(Map<FilterKey, List<String>> values) {

  public static final QuestionFilter ALL = new QuestionFilter(Map.of());

  /** Compiled once: normalizing runs per value typed and per question value at load. */
  private static final Pattern NOT_WORD = Pattern.compile("[^\\p{L}\\p{N}&]+");

  public QuestionFilter {
    var copy = new EnumMap<FilterKey, List<String>>(FilterKey.class);
    values.forEach((key, list) -> copy.put(key, List.copyOf(list)));
    values = Collections.unmodifiableMap(copy);
  }

  public boolean isEmpty() {
    return values.isEmpty();
  }

  boolean matches(Bank bank, Question question) {
    return values.entrySet().stream()
        .allMatch(e -> e.getValue().stream().anyMatch(v -> matches(e.getKey(), v, bank, question)));
  }

  static boolean matches(FilterKey key, String value, Bank bank, Question question) {
    return matchesNormalized(key, normalize(value), bank, question);
  }

  /** Like {@link #matches(FilterKey, String, Bank, Question)}, for a value already {@link #normalize}d. */
  static boolean matchesNormalized(FilterKey key, String wanted, Bank bank, Question question) {
    return switch (key) {
      case TOPIC ->
          normalize(question.topic()).contains(wanted)
              || question.relatedTopics().stream().anyMatch(t -> normalize(t).contains(wanted));
      case DIFFICULTY -> normalize(question.difficulty()).equals(wanted);
      case COMPANY -> question.companies().stream().anyMatch(c -> normalize(c).equals(wanted));
      case TAG ->
          BankLibrary.tags(bank).stream().anyMatch(t -> normalize(t).equals(wanted))
              || question.relatedTopics().stream().anyMatch(t -> normalize(t).equals(wanted));
      case BANK -> normalize(bank.id()).equals(wanted);
    };
  }

  /** Lower case, with runs of punctuation and spaces as one space: "CAP-theorem" = "cap theorem". */
  static String normalize(String text) {
    return NOT_WORD.matcher(text.toLowerCase(Locale.ROOT)).replaceAll(" ").strip();
  }

  @Override
  public String toString() {
    var parts = new StringBuilder();
    values.forEach(
        (key, list) ->
            list.forEach(
                v -> {
                  if (!parts.isEmpty()) {
                    parts.append(' ');
                  }
                  parts.append(key.keyword()).append(':');
                  parts.append(v.contains(" ") ? '"' + v + '"' : v);
                }));
    return parts.toString();
  }
}
