package dev.dbq.round;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.Optional;

/**
 * When a round's quick answer is revealed in its thread.
 *
 * <p>Normally at {@code revealAt} local time on the round's date. A reveal is never at or
 * before the post, though: if that moment is not after {@code postedAt} (a {@code revealAt}
 * earlier than {@code postAt}, a late catch-up post, or a round posted by hand in the evening)
 * the answer is revealed at the first {@code revealAt} after the post, normally the next day's,
 * so people always get time to answer. It does not depend on whether that next day has a round.
 * DST gaps and overlaps resolve as in {@link PostTimes}.
 */
public final class RevealTimes {

  private RevealTimes() {}

  /** The reveal instant of a round of {@code roundDate} that was posted at {@code postedAt}. */
  public static Instant revealAt(ChannelSchedule schedule, LocalDate roundDate, Instant postedAt) {
    LocalDate date = laterOf(roundDate, PostTimes.roundDate(schedule, postedAt));
    // Two days cover "today" and "tomorrow"; the third covers a date the zone skipped.
    for (int day = 0; day <= 2; day++) {
      Optional<Instant> reveal =
          PostTimes.atLocalTime(date.plusDays(day), schedule.revealAt(), schedule.zone())
              .map(ZonedDateTime::toInstant)
              .filter(instant -> instant.isAfter(postedAt));
      if (reveal.isPresent()) {
        return reveal.get();
      }
    }
    throw new IllegalStateException(
        "no reveal time within three days after " + postedAt + " in " + schedule.zone());
  }

  private static LocalDate laterOf(LocalDate a, LocalDate b) {
    return a.isAfter(b) ? a : b;
  }
}
