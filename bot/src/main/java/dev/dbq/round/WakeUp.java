package dev.dbq.round;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * A local time of day, on some days of the week, at which a {@link Routine} wants the engine run
 * (Quartz turns it into a cron trigger). It only makes the engine punctual: what is due is
 * decided by the routine at each run.
 */
public record WakeUp(LocalTime at, Set<DayOfWeek> days, ZoneId zone) {

  public WakeUp {
    Objects.requireNonNull(at, "at");
    Objects.requireNonNull(zone, "zone");
    if (days.isEmpty()) {
      throw new IllegalArgumentException("a wake-up needs at least one day");
    }
    days = Set.copyOf(EnumSet.copyOf(days));
  }

  /** Every day of the week at {@code at}. */
  public static WakeUp daily(LocalTime at, ZoneId zone) {
    return new WakeUp(at, EnumSet.allOf(DayOfWeek.class), zone);
  }
}
