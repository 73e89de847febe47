package dev.dbq.round;

import java.time.DayOfWeek;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/** Reads and writes the days of a schedule: {@code weekdays}, {@code daily} or {@code mon,wed,fri}. */
public final class Days {

  public static final Set<DayOfWeek> WEEKDAYS = EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY);

  private Days() {}

  /**
   * @throws IllegalArgumentException with a message a user can act on
   */
  public static Set<DayOfWeek> parse(String text) {
    String lower = text.strip().toLowerCase(Locale.ROOT);
    switch (lower) {
      case "weekdays":
        return WEEKDAYS;
      case "daily":
      case "everyday":
      case "every day":
        return EnumSet.allOf(DayOfWeek.class);
      case "weekends":
        return EnumSet.of(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY);
      default:
        break;
    }
    Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
    for (String part : lower.split("[,\\s]+")) {
      days.add(day(part));
    }
    return days;
  }

  private static DayOfWeek day(String word) {
    for (DayOfWeek day : DayOfWeek.values()) {
      String name = day.name().toLowerCase(Locale.ROOT);
      if (word.length() >= 3 && name.startsWith(word)) {
        return day;
      }
    }
    throw new IllegalArgumentException(
        "'" + word + "' is not a day: use weekdays, daily, or days like mon,wed,fri");
  }

  /** The shortest text that {@link #parse} reads back as the same days. */
  public static String format(Set<DayOfWeek> days) {
    if (days.equals(WEEKDAYS)) {
      return "weekdays";
    }
    if (days.size() == 7) {
      return "daily";
    }
    return days.stream()
        .sorted()
        .map(d -> d.name().substring(0, 3).toLowerCase(Locale.ROOT))
        .collect(Collectors.joining(","));
  }
}
