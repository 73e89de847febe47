package dev.dbq.round;

import java.time.Duration;

/**
 * How rounds run everywhere (from the {@code rounds:} config).
 *
 * @param grace how late a missed post may still be made after start-up
 * @param followUpInterval at most one follow-up question per this interval
 * @param defaults the schedule a channel gets until an admin sets its own
 * @param filters the filter line every channel's questions must match ("" for all)
 */
public record RoundPolicy(Duration grace, Duration followUpInterval, ChannelSchedule defaults, String filters) {}
