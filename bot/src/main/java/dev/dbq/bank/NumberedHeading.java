package dev.dbq.bank;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A heading that starts a numbered item: {@code Q5: Title} or {@code Scenario 2: Title}. */
record NumberedHeading(int number, String title) {

  // At most 9 digits so the number always fits an int, whatever a damaged file holds.
  private static final Pattern QUESTION = Pattern.compile("(?i)Q(\\d{1,9})(?:\\s*[:.]\\s*(.*)|\\s*)");
  private static final Pattern SCENARIO = Pattern.compile("(?i)Scenario\\s+(\\d{1,9})(?:\\s*[:.]\\s*(.*)|\\s*)");
  // What an author meant as a numbered heading, whatever the number: a sign, or too many digits.
  private static final Pattern SIGNED_QUESTION = Pattern.compile("(?i)Q([-+]?\\d+)(?:\\s*[:.].*|\\s*)");
  private static final Pattern SIGNED_SCENARIO = Pattern.compile("(?i)Scenario\\s+([-+]?\\d+)(?:\\s*[:.].*|\\s*)");
  private static final String NUMBER_RANGE = "a whole number from 0 to 999999999";

  static Optional<NumberedHeading> question(String headingText) {
    return match(QUESTION, headingText);
  }

  static Optional<NumberedHeading> scenario(String headingText) {
    return match(SCENARIO, headingText);
  }

  /**
   * Why a heading that is neither a question nor a scenario was meant as one but cannot be read
   * ({@code Q-1:}, a 20-digit number), or empty when it is an ordinary heading.
   */
  static Optional<String> unusableNumber(String headingText) {
    for (Pattern pattern : new Pattern[] {SIGNED_QUESTION, SIGNED_SCENARIO}) {
      Matcher matcher = pattern.matcher(headingText);
      if (matcher.matches()) {
        String kind = pattern == SIGNED_QUESTION ? "question" : "scenario";
        return Optional.of(kind + " number '" + matcher.group(1) + "' is not " + NUMBER_RANGE);
      }
    }
    return Optional.empty();
  }

  private static Optional<NumberedHeading> match(Pattern pattern, String headingText) {
    Matcher matcher = pattern.matcher(headingText);
    if (!matcher.matches()) {
      return Optional.empty();
    }
    String title = matcher.group(2) == null ? "" : matcher.group(2).strip();
    return Optional.of(new NumberedHeading(Integer.parseInt(matcher.group(1)), title));
  }
}
