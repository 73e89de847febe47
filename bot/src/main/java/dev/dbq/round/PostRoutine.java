package dev.dbq.round;

import dev.dbq.chat.ChannelKey;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The round's post: at the schedule's post time, or late within the grace period ({@link
 * CatchUpRule}); and a claimed post whose lease ran out, retried (after asking the platform
 * whether it landed) while the grace period lasts, then skipped (see {@link RoundPosting}).
 */
public final class PostRoutine implements Routine {

  private final RoundPosting posting;
  private final RoundStore store;
  private final RoundPolicy policy;

  public PostRoutine(RoundService rounds) {
    this.posting = rounds.posting();
    this.store = rounds.store();
    this.policy = rounds.policy();
  }

  @Override
  public String name() {
    return "post";
  }

  @Override
  public Optional<WakeUp> wakeUp(ChannelSchedule schedule) {
    return wakeUpOf(schedule);
  }

  /** The wake-up of a channel with this schedule: none while it is off or has no days. */
  public static Optional<WakeUp> wakeUpOf(ChannelSchedule schedule) {
    return schedule.enabled() && !schedule.days().isEmpty()
        ? Optional.of(new WakeUp(schedule.postAt(), schedule.days(), schedule.zone()))
        : Optional.empty();
  }

  @Override
  public boolean isDue(ChannelSnapshot channel, Instant now) {
    return claimedPostDue(channel, now) || catchUp(channel, now) instanceof CatchUpDecision.PostNow;
  }

  @Override
  public void run(ChannelSnapshot channel, Instant now) {
    if (claimedPostDue(channel, now)) {
      posting.postClaimed(channel.settings(), channel.latest(), now, policy.grace(), false);
    }
    if (catchUp(channel, now) instanceof CatchUpDecision.PostNow postNow) {
      posting.post(channel.settings(), postNow.slot(), now);
    }
  }

  @Override
  public Optional<Instant> nextDueAfter(ChannelSnapshot channel, Instant after) {
    Optional<Instant> lease = channel.latestRound()
        .filter(Round::awaitsPost)
        .map(Round::postLeaseUntil);
    Optional<Instant> slot = PostTimes.nextAfter(channel.schedule(), after).map(PostSlot::at);
    return Stream.concat(lease.stream(), slot.stream()).min(Instant::compareTo);
  }

  /** The newest round was claimed but has no message, and nobody holds its lease now. */
  private static boolean claimedPostDue(ChannelSnapshot channel, Instant now) {
    return channel.latestRound()
        .filter(Round::awaitsPost)
        .filter(round -> round.postLeaseUntil() == null || !round.postLeaseUntil().isAfter(now))
        .isPresent();
  }

  private CatchUpDecision catchUp(ChannelSnapshot channel, Instant now) {
    return CatchUpRule.decide(channel.schedule(), now, policy.grace(), date -> hasRoundOn(channel, date));
  }

  /**
   * Answered from the newest round but for a date before it (a round posted by hand ahead of a
   * late slot), which asks the store.
   */
  private boolean hasRoundOn(ChannelSnapshot channel, LocalDate date) {
    Round latest = channel.latest();
    if (latest == null || latest.date().isBefore(date)) {
      return false;
    }
    ChannelKey key = channel.settings().channel();
    return latest.date().equals(date) || store.rounds().forDate(key, date).isPresent();
  }
}
