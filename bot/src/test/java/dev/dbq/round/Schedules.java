package dev.dbq.round;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;

/** Test shorthand for schedules and instants written as local time with their offset. */
public final class Schedules {

  public static final LocalTime FIVE_PM = LocalTime.of(17, 0);

  private Schedules() {}

  /** {@code days}: {@code weekdays}, {@code daily} or a list like {@code MON,WED}. */
  public static ChannelSchedule schedule(String postAt, String zone, String days) {
    return schedule(postAt, zone, days, FIVE_PM);
  }

  public static ChannelSchedule schedule(String postAt, String zone, String days, LocalTime revealAt) {
    return new ChannelSchedule(
        LocalTime.parse(postAt), ZoneId.of(zone), days(days), revealAt, true);
  }

  public static Set<DayOfWeek> days(String days) {
    switch (days) {
      case "weekdays":
        return Days.WEEKDAYS;
      case "daily":
        return EnumSet.allOf(DayOfWeek.class);
      default:
        return Arrays.stream(days.split(","))
            .map(String::trim)
            .map(Schedules::dayOfWeek)
            .collect(Collectors.toCollection(() -> EnumSet.noneOf(DayOfWeek.class)));
    }
  }

  /** {@code 2026-03-30T09:00+02:00} or {@code 2026-03-01T20:00Z}. */
  public static Instant instant(String offsetDateTime) {
    return OffsetDateTime.parse(offsetDateTime).toInstant();
  }

  private static DayOfWeek dayOfWeek(String abbreviation) {
    return Arrays.stream(DayOfWeek.values())
        .filter(day -> day.name().startsWith(abbreviation.toUpperCase()))
        .findFirst()
        .orElseThrow(() -> new IllegalArgumentException("not a day: " + abbreviation));
  }
}
