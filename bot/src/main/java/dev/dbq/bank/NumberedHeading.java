package dev.dbq.bank;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A heading that starts a numbered item: {@code Q5: Title} or {@code Scenario 2: Title}. */
record NumberedHeading(int number, String title) {

  // At most 9 digits so the number always fits an int, whatever a damaged file holds.
  private static final Pattern QUESTION = Pattern.compile("(?i)Q(\\d{1,9})(?:\\s*[:.]\\s*(.*)|\\s*)");
  private static final Pattern SCENARIO = Pattern.compile("(?i)Scenario\\s+(\\d{1,9})(?:\\s*[:.]\\s*(.*)|\\s*)");

  static Optional<NumberedHeading> question(String headingText) {
    return match(QUESTION, headingText);
  }

  static Optional<NumberedHeading> scenario(String headingText) {
    return match(SCENARIO, headingText);
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
