package dev.dbq.round;

import java.time.DateTimeException;
import java.time.LocalTime;

/** Reads a time of day as people write it: {@code 09:30}, {@code 9:30}, {@code 17:00:15}. */
public final class TimesOfDay {

  private TimesOfDay() {}

  /**
   * @throws IllegalArgumentException with a message a user can act on
   */
  public static LocalTime parse(String text) {
    String trimmed = text.strip();
    try {
      return LocalTime.parse(trimmed.length() == 4 ? "0" + trimmed : trimmed);
    } catch (DateTimeException e) {
      throw new IllegalArgumentException("expected a time of day like 09:00, got '" + text + "'");
    }
  }
}
