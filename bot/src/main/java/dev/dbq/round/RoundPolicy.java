package dev.dbq.round;

import java.time.Duration;

/**
 * How rounds run everywhere (from the {@code rounds:} config).
 *
 * @param grace how late a missed post may still be made after start-up
 * @param followUpInterval at most one follow-up question per this interval
 * @param defaults the schedule a channel gets until an admin sets its own
 * @param filters the filter line every channel's questions must match ("" for all)
 * @param postLease how long an instance may take to post a round it claimed (see {@link
 *     RoundPosting#LEASE}); only tests that kill processes shorten it
 */
public record RoundPolicy(
    Duration grace, Duration followUpInterval, ChannelSchedule defaults, String filters, Duration postLease) {

  public RoundPolicy(Duration grace, Duration followUpInterval, ChannelSchedule defaults, String filters) {
    this(grace, followUpInterval, defaults, filters, RoundPosting.LEASE);
  }
}
