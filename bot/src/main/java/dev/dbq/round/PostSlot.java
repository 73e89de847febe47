package dev.dbq.round;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;

/**
 * One scheduled post of a channel: the round's local date and the instant it is posted.
 *
 * <p>The date is the one the schedule meant, which a late catch-up post keeps even if it goes
 * out after local midnight.
 */
public record PostSlot(LocalDate date, Instant at) {

  public PostSlot {
    Objects.requireNonNull(date, "date");
    Objects.requireNonNull(at, "at");
  }
}
