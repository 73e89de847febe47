package dev.dbq.round;

import java.time.Instant;
import java.util.Optional;

/** The quick answer, revealed in the newest round's thread at its reveal time ({@link RevealTimes}). */
public final class RevealRoutine implements Routine {

  private final RoundThreads threads;

  public RevealRoutine(RoundService rounds) {
    this.threads = rounds.threads();
  }

  @Override
  public String name() {
    return "reveal";
  }

  /**
   * Every day, not only on the schedule's days: a round posted late (a catch-up or by hand in the
   * evening) is revealed at the next day's reveal time, and that day may have no round of its own.
   */
  @Override
  public Optional<WakeUp> wakeUp(ChannelSchedule schedule) {
    return wakeUpOf(schedule);
  }

  /** The wake-up of a channel with this schedule: none while it is off or has no days. */
  public static Optional<WakeUp> wakeUpOf(ChannelSchedule schedule) {
    return schedule.enabled() && !schedule.days().isEmpty()
        ? Optional.of(WakeUp.daily(schedule.revealAt(), schedule.zone()))
        : Optional.empty();
  }

  @Override
  public boolean isDue(ChannelSnapshot channel, Instant now) {
    return nextReveal(channel).filter(at -> !at.isAfter(now)).isPresent();
  }

  @Override
  public void run(ChannelSnapshot channel, Instant now) {
    threads.revealIfDue(channel.latest(), channel.schedule(), now);
  }

  @Override
  public Optional<Instant> nextDueAfter(ChannelSnapshot channel, Instant after) {
    return nextReveal(channel);
  }

  private Optional<Instant> nextReveal(ChannelSnapshot channel) {
    return channel.latestRound().flatMap(round -> threads.nextReveal(round, channel.schedule()));
  }
}
