package dev.dbq.round;

import java.time.Instant;
import java.util.Optional;

/**
 * One kind of scheduled work in a channel (a round's post, its reveal, its follow-ups; later a
 * weekly recap or a reminder): when it is due and what it does, in one class. {@link Routines}
 * runs every registered kind, live on Quartz's triggers and in the console's {@code :time}, from
 * these definitions alone.
 *
 * <p>{@link #isDue} and {@link #nextDueAfter} read only the {@link ChannelSnapshot} (bar rare
 * cases), so that a tick in which nothing is due costs no query per channel. {@link #run} may be
 * called again for work it already did (another instance, a late trigger): it claims its work in
 * the database, so it happens once.
 */
public interface Routine {

  /** A short name, unique in the registry: Quartz's trigger for it is named so, and logs say it. */
  String name();

  /**
   * The local time Quartz should wake the engine at in a channel with this schedule, to be on the
   * minute; empty when the engine's regular tick is punctual enough.
   */
  default Optional<WakeUp> wakeUp(ChannelSchedule schedule) {
    return Optional.empty();
  }

  /** Whether it has work in the channel at {@code now}. */
  boolean isDue(ChannelSnapshot channel, Instant now);

  /** Does the work due at {@code now}; only called when {@link #isDue} said so. */
  void run(ChannelSnapshot channel, Instant now);

  /**
   * The earliest instant strictly after {@code after} at which it will have work in the channel
   * if nothing else changes it, for the console's simulated clock.
   */
  Optional<Instant> nextDueAfter(ChannelSnapshot channel, Instant after);

  /**
   * The earliest instant strictly after {@code after} at which it may have work in the channel
   * unless something outside the engine changes it (which then makes the channel due at once,
   * {@link RoundStore.Channels#runSoon}): the live engine reads the channel again then, and not
   * before. Never later than {@link #nextDueAfter}; the same unless the work waits for people.
   */
  default Optional<Instant> mayBeDueAfter(ChannelSnapshot channel, Instant after) {
    return nextDueAfter(channel, after);
  }
}
