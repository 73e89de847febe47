package dev.dbq.bank;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The filters as they were before the index (issue 16): every question tested on every command,
 * each value normalized by a regex compiled per call. The reference the index must agree with,
 * and the anchor of BankIndexBenchmark.
 */
final class ScanFilter {

  private ScanFilter() {}

  static List<Question> filter(BankLibrary library, QuestionFilter filter) {
    if (filter.isEmpty()) {
      return library.questions();
    }
    return library.questions().stream()
        .filter(q -> filter.values().entrySet().stream()
            .allMatch(e -> e.getValue().stream().anyMatch(v -> matches(e.getKey(), normalize(v), library.bankOf(q), q))))
        .toList();
  }

  /** What FilterParser checked for each value typed: that some question has it. */
  static boolean isKnown(BankLibrary library, FilterKey key, String value) {
    String wanted = normalize(value);
    return library.questions().stream().anyMatch(q -> matches(key, wanted, library.bankOf(q), q));
  }

  /** The filter of a typed line, each value checked as FilterParser did. */
  static List<Question> filterChecked(BankLibrary library, QuestionFilter filter) {
    for (Map.Entry<FilterKey, List<String>> entry : filter.values().entrySet()) {
      for (String value : entry.getValue()) {
        if (!isKnown(library, entry.getKey(), value)) {
          return List.of();
        }
      }
    }
    return filter(library, filter);
  }

  private static boolean matches(FilterKey key, String wanted, Bank bank, Question question) {
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

  private static String normalize(String text) {
    return text.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}&]+", " ").strip();
  }
}
