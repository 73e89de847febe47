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

  /**
   * When the round's answer is actually revealed: at {@link #revealAt}, or earlier when the
   * channel's next round is posted before that (a round posted after {@code revealAt} would
   * otherwise wait for tomorrow's {@code revealAt}, by which time the next round has replaced
   * it and its answer was never shown). Once the next round is up nobody can take part in this
   * one any more, so revealing then costs no one a chance to answer.
   */
  public static Instant revealOf(ChannelSchedule schedule, LocalDate roundDate, Instant postedAt) {
    Instant reveal = revealAt(schedule, roundDate, postedAt);
    Optional<PostSlot> next = PostTimes.nextAfter(schedule, postedAt);
    // A slot on the round's own date (a round posted by hand before its time) is not a new round.
    while (next.isPresent() && !next.get().date().isAfter(roundDate) && next.get().at().isBefore(reveal)) {
      next = PostTimes.nextAfter(schedule, next.get().at());
    }
    return next.map(PostSlot::at).filter(at -> at.isBefore(reveal)).orElse(reveal);
  }

  private static LocalDate laterOf(LocalDate a, LocalDate b) {
    return a.isAfter(b) ? a : b;
  }
}
