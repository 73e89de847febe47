package dev.dbq.bank;

import java.util.List;

/** The filter as it was before the index (issue 16): every question tested per command. Reference and anchor. */
final class ScanFilter {

  private ScanFilter() {}

  static List<Question> filter(BankLibrary library, QuestionFilter filter) {
    if (filter.isEmpty()) {
      return library.questions();
    }
    return library.questions().stream().filter(q -> filter.matches(library.bankOf(q), q)).toList();
  }
}
