package dev.dbq.command;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The parts of a question a user can ask for with {@code /dbq answer ID PART} or a button. */
public enum AnswerPart {
  QUICK("quick", "Quick answer"),
  DETAILED("detailed", "Detailed answer"),
  CODE("code", "Code"),
  CONTEXT("context", "Real-world context"),
  MISTAKES("mistakes", "Common mistakes"),
  FOLLOWUPS("followups", "Follow-ups");

  private final String keyword;
  private final String label;

  AnswerPart(String keyword, String label) {
    this.keyword = keyword;
    this.label = label;
  }

  public String keyword() {
    return keyword;
  }

  public String label() {
    return label;
  }

  public static Optional<AnswerPart> fromKeyword(String word) {
    String wanted = word.toLowerCase(Locale.ROOT).replace("-", "");
    return Arrays.stream(values()).filter(p -> p.keyword.equals(wanted)).findFirst();
  }

  public static List<String> keywords() {
    return Arrays.stream(values()).map(AnswerPart::keyword).toList();
  }
}
