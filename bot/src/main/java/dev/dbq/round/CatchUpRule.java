package dev.dbq.round;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;
import java.util.function.Predicate;

/**
 * The start-up catch-up (DESIGN.md §6): if the bot was down at post time it posts when it
 * comes back within the grace period, and otherwise skips that date.
 *
 * <p>Only the latest scheduled post is considered: older missed dates are always past their
 * grace period (posts are at least a day apart) and are not posted retroactively.
 */
public final class CatchUpRule {

  /** Default grace period for a late post. */
  public static final Duration DEFAULT_GRACE = Duration.ofHours(2);

  private CatchUpRule() {}

  /**
   * Decides about the latest post due at {@code now}.
   *
   * @param grace how late a post may still go out; a post exactly {@code grace} late still does
   * @param hasRoundOn whether the channel already has a round on a local date (asked only for
   *     the latest due slot's date)
   */
  public static CatchUpDecision decide(
      ChannelSchedule schedule, Instant now, Duration grace, Predicate<LocalDate> hasRoundOn) {
    Objects.requireNonNull(hasRoundOn, "hasRoundOn");
    if (grace.isNegative()) {
      throw new IllegalArgumentException("grace period must not be negative, was " + grace);
    }
    return PostTimes.latestAtOrBefore(schedule, now)
        .filter(slot -> !hasRoundOn.test(slot.date()))
        .<CatchUpDecision>map(slot -> decideLatePost(slot, now, grace))
        .orElseGet(CatchUpDecision.NothingDue::new);
  }

  private static CatchUpDecision decideLatePost(PostSlot slot, Instant now, Duration grace) {
    Duration late = Duration.between(slot.at(), now);
    return late.compareTo(grace) <= 0
        ? new CatchUpDecision.PostNow(slot, late)
        : new CatchUpDecision.SkipTooLate(slot, late);
  }
}
