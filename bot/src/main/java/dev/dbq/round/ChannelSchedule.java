package dev.dbq.round;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.Set;

/**
 * When a channel gets its question of the day.
 *
 * @param postAt local time of day of the post
 * @param zone IANA time zone the time and the round's date are read in
 * @param days days of the week that have a round
 * @param revealAt local time the quick answer is revealed in the thread
 * @param enabled false once an admin turned the schedule off
 */
public record ChannelSchedule(
    LocalTime postAt, ZoneId zone, Set<DayOfWeek> days, LocalTime revealAt, boolean enabled) {

  public ChannelSchedule {
    days = days.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(days));
  }
}
