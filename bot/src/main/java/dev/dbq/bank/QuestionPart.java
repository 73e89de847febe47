package dev.dbq.bank;

import java.util.Locale;
import java.util.Optional;

/**
 * The {@code ####} parts of a question. A heading names a part when its text, lower-cased,
 * without the parenthesised timing and with hyphens read as spaces, starts with the part's
 * prefix: "Quick Answer (30 seconds)", "Follow-up Questions", "Code Examples" all match.
 */
enum QuestionPart {
  QUICK_ANSWER("quick answer"),
  DETAILED_ANSWER("detailed answer"),
  CODE_EXAMPLE("code example"),
  REAL_WORLD_CONTEXT("real world context"),
  COMMON_MISTAKES("common mistake"),
  FOLLOW_UPS("follow up"),
  RELATED_TOPICS("related topic");

  private final String prefix;

  QuestionPart(String prefix) {
    this.prefix = prefix;
  }

  static Optional<QuestionPart> named(String heading) {
    String normalized = normalize(heading);
    for (QuestionPart part : values()) {
      if (normalized.startsWith(part.prefix)) {
        return Optional.of(part);
      }
    }
    return Optional.empty();
  }

  private static String normalize(String heading) {
    int parenthesis = heading.indexOf('(');
    String name = parenthesis >= 0 ? heading.substring(0, parenthesis) : heading;
    StringBuilder normalized = new StringBuilder(name.length());
    for (String word : name.toLowerCase(Locale.ROOT).replace('-', ' ').split(" ")) {
      if (!word.isBlank()) {
        normalized.append(normalized.length() == 0 ? "" : " ").append(word.strip());
      }
    }
    return normalized.toString();
  }
}
