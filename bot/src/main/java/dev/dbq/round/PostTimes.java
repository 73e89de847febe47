package dev.dbq.round;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Optional;

/**
 * When a channel's rounds are posted, computed in the schedule's own time zone so a post stays
 * at its local time of day across daylight-saving changes.
 *
 * <p>Local times are resolved the way {@link ZonedDateTime#of} does: a time inside a DST gap
 * moves forward by the length of the gap (02:30 on a spring-forward night becomes 03:30), and
 * a time inside an overlap takes the earlier offset (the first 02:30 of a fall-back night). A
 * date the zone skipped entirely (Pacific/Apia, 2011-12-30) has no post.
 *
 * <p>A disabled schedule, or one with no days, has no posts at all.
 */
public final class PostTimes {

  /** Far enough to reach any weekday from any date, plus a spare day for a skipped date. */
  private static final int SEARCH_DAYS = 8;

  private PostTimes() {}

  /** The first post strictly after {@code instant}. */
  public static Optional<PostSlot> nextAfter(ChannelSchedule schedule, Instant instant) {
    if (!hasPosts(schedule)) {
      return Optional.empty();
    }
    LocalDate start = instant.atZone(schedule.zone()).toLocalDate();
    for (int day = 0; day <= SEARCH_DAYS; day++) {
      Optional<PostSlot> slot = slotOn(schedule, start.plusDays(day));
      if (slot.isPresent() && slot.get().at().isAfter(instant)) {
        return slot;
      }
    }
    return Optional.empty();
  }

  /** The latest post at or before {@code instant}: the one that is due at that moment. */
  public static Optional<PostSlot> latestAtOrBefore(ChannelSchedule schedule, Instant instant) {
    if (!hasPosts(schedule)) {
      return Optional.empty();
    }
    LocalDate start = instant.atZone(schedule.zone()).toLocalDate();
    for (int day = 0; day <= SEARCH_DAYS; day++) {
      Optional<PostSlot> slot = slotOn(schedule, start.minusDays(day));
      if (slot.isPresent() && !slot.get().at().isAfter(instant)) {
        return slot;
      }
    }
    return Optional.empty();
  }

  /**
   * The local date in the schedule's zone of an instant, e.g. the date of a round posted then.
   * A catch-up post should use its {@link PostSlot#date()} instead, which is the scheduled date.
   */
  public static LocalDate roundDate(ChannelSchedule schedule, Instant postedAt) {
    return postedAt.atZone(schedule.zone()).toLocalDate();
  }

  /** The post on {@code date}, if the schedule has one that day. */
  static Optional<PostSlot> slotOn(ChannelSchedule schedule, LocalDate date) {
    if (!schedule.days().contains(date.getDayOfWeek())) {
      return Optional.empty();
    }
    return atLocalTime(date, schedule.postAt(), schedule.zone())
        .map(zoned -> new PostSlot(date, zoned.toInstant()));
  }

  /** {@code date} at {@code time} in {@code zone}; empty if the zone skipped that whole date. */
  static Optional<ZonedDateTime> atLocalTime(LocalDate date, LocalTime time, ZoneId zone) {
    ZonedDateTime zoned = ZonedDateTime.of(date, time, zone);
    return zoned.toLocalDate().equals(date) ? Optional.of(zoned) : Optional.empty();
  }

  private static boolean hasPosts(ChannelSchedule schedule) {
    return schedule.enabled() && !schedule.days().isEmpty();
  }
}
