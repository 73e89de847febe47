package dev.dbq.round;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * The follow-up ladder of a round's thread (DESIGN.md §6).
 *
 * <ul>
 *   <li>The first follow-up is due the moment the round is posted ({@link Round#postedAt()}).
 *   <li>A later one is due only once someone replied after the last follow-up ({@link
 *       Round#lastReplyAt()} at or after {@link Round#lastFollowUpAt()}: a reply is never older
 *       than the question it answers, and the console's clock may not move between the two), and no sooner than one
 *       interval after the last follow-up: at {@code max(lastFollowUpAt + interval,
 *       lastReplyAt)}. {@code lastReplyAt} stands in for "the first reply after the last
 *       follow-up", which it equals when the rule is re-evaluated on every reply; it also keeps
 *       the due time from lying before the reply that caused it, so a simulated clock runs jobs
 *       in order.
 *   <li>None once every follow-up question was sent, and none once the round is closed (the
 *       next round of the channel was posted).
 * </ul>
 *
 * <p>A due instant may lie in the past: the caller sends the follow-up at once then.
 */
public final class FollowUpRules {

  /** Default {@code followup_interval}. */
  public static final Duration DEFAULT_INTERVAL = Duration.ofHours(1);

  private final Duration interval;

  public FollowUpRules(Duration interval) {
    Objects.requireNonNull(interval, "interval");
    if (interval.isNegative()) {
      throw new IllegalArgumentException("follow-up interval must not be negative: " + interval);
    }
    this.interval = interval;
  }

  /**
   * When the round's next follow-up is due, if one is.
   *
   * @param followUpCount how many follow-up questions the round's question has
   * @param nextRoundPostedAt when the channel's next round was posted, or null while this round
   *     is the newest (still open)
   */
  public Optional<Instant> nextDue(Round round, int followUpCount, Instant nextRoundPostedAt) {
    boolean posted = round.postedAt() != null;
    boolean closed = nextRoundPostedAt != null;
    if (!posted || closed || round.followUpsSent() >= followUpCount) {
      return Optional.empty();
    }
    if (round.followUpsSent() == 0) {
      return Optional.of(round.postedAt());
    }
    Instant lastFollowUpAt = round.lastFollowUpAt();
    if (lastFollowUpAt == null) {
      throw new IllegalArgumentException(
          "round " + round.id() + " sent " + round.followUpsSent() + " follow-ups but has no time");
    }
    Instant lastReplyAt = round.lastReplyAt();
    if (lastReplyAt == null || lastReplyAt.isBefore(lastFollowUpAt)) {
      return Optional.empty();
    }
    Instant intervalOver = lastFollowUpAt.plus(interval);
    return Optional.of(intervalOver.isAfter(lastReplyAt) ? intervalOver : lastReplyAt);
  }

  /**
   * The earliest instant the round's next follow-up may be due, whatever replies come: when it
   * is due if it is; while it waits for a reply, the end of its interval (a reply after that makes
   * it due at once, and the reply itself sends it).
   */
  public Optional<Instant> earliestDue(Round round, int followUpCount, Instant nextRoundPostedAt) {
    Optional<Instant> due = nextDue(round, followUpCount, nextRoundPostedAt);
    if (due.isPresent() || nextRoundPostedAt != null || round.followUpsSent() == 0
        || round.followUpsSent() >= followUpCount) {
      return due;
    }
    return Optional.of(round.lastFollowUpAt().plus(interval));
  }
}
