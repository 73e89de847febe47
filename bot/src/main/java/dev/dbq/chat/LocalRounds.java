package dev.dbq.chat;

import java.time.Instant;
import java.util.Optional;

/**
 * What a platform that plays the channel and the clock itself (the console) needs of the
 * question of the day, beyond {@link Inbound}: an in-port the core implements, so that the
 * platform never sees how rounds are stored or scheduled.
 */
public interface LocalRounds {

  /** What {@link #postNow} did. */
  enum Posted {
    /** Today's question was posted now. */
    POSTED,
    /** It was posted before (one a day per channel). */
    ALREADY,
    /** It was claimed but its post has not landed (the platform refused); it is tried again. */
    PENDING,
    /** No question matches the channel's filters. */
    NO_QUESTION
  }

  /** Gives the channel the configuration's schedule and filters (the console's at every start). */
  void applyDefaults(ChannelKey channel);

  /** Posts today's question of the day in the channel now, unless it has one. */
  Posted postNow(ChannelKey channel);

  /** The thread of the channel's current question of the day, where replies count; empty before one is posted. */
  Optional<String> currentThread(ChannelKey channel);

  /** Runs every post, follow-up and reveal due by the core's clock. */
  void runDue();

  /** When the next post, follow-up or reveal falls due after {@code after}; empty when none is scheduled. */
  Optional<Instant> nextDueAfter(Instant after);

  /** From now on runs what is due by the wall clock, on its own (a console on the real time). */
  void runOnTheWallClock();
}
