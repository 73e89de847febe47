package dev.dbq.round;

import dev.dbq.chat.ChannelKey;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The storage the question of the day needs, as the round logic sees it. {@code dev.dbq.store}
 * implements it on SQLite and PostgreSQL; the database's unique keys make every "first"
 * ({@link Rounds#claim}, {@link Participations#record}, {@link ProcessedEvents#firstSeen}) true
 * for exactly one caller, across restarts and instances.
 */
public interface RoundStore {

  Channels channels();

  Rounds rounds();

  Participations participations();

  QuestionHistory history();

  ProcessedEvents events();

  /** Runs calls of these repositories as one transaction: all of them happen, or none. */
  <T> T atomically(String action, Supplier<T> work);

  /** Each channel's schedule and filters. */
  interface Channels {
    void save(ChannelSettings settings);

    Optional<ChannelSettings> find(ChannelKey channel);

    /** Every channel whose schedule is on. */
    List<ChannelSettings> enabled();

    /**
     * Plans the channel's next run of scheduled work at {@code at}, unless it changed since it was
     * read at {@code seenVersion} (then it stays due at the next tick).
     */
    void planNextRun(ChannelKey channel, long seenVersion, Instant at);

    /**
     * Makes the channel due at the next tick: something outside the scheduled work changed what
     * is due there. ({@link #save} does it too.)
     */
    void runSoon(ChannelKey channel);
  }

  /** Rounds, one per channel and date. */
  interface Rounds {
    /**
     * Claims the channel's round of a date, holding the right to post it until {@code leaseUntil};
     * empty when another claim won.
     */
    Optional<Round> claim(ChannelKey channel, LocalDate date, String questionId, Instant postedAt, Instant leaseUntil);

    /**
     * Takes the right to post a round that has no message yet, until {@code until}; false while
     * another instance holds it (its lease has not run out by {@code now}) or once it is posted.
     */
    boolean takePostLease(long id, Instant now, Instant until);

    /** Keeps the lease of a round whose post failed until {@code at}, when the next run retries it. */
    void retryPostAt(long id, Instant at);

    /**
     * Makes a round that has no message yet ask {@code questionId} instead (its question left the
     * banks); false once it is posted.
     */
    boolean replaceQuestion(long id, String questionId);

    /** Gives up the post of a round that has no message and whose lease ran out; false otherwise. */
    boolean markSkipped(long id, Instant at);

    /** Records the round's message and thread; it is no longer leased or skipped. */
    void markPosted(long id, String messageRef, String threadRef);

    /** Claims follow-up number {@code sentBefore}; false when another instance sent it. */
    boolean recordFollowUp(long id, int sentBefore, Instant at);

    /** Claims the reveal; false when it already happened. */
    boolean markRevealed(long id, Instant at);

    /** Hands back the reveal claimed at {@code at}, whose post failed, to the next run. */
    void undoReveal(long id, Instant at);

    /**
     * Hands back follow-up number {@code sentBefore + 1}, whose post failed, to the next run;
     * {@code previousAt} is when the one before it went out (null if none did).
     */
    void undoFollowUp(long id, int sentBefore, Instant previousAt);

    void touchReply(long id, Instant at);

    Optional<Round> find(long id);

    /** The channel's newest round. */
    Optional<Round> latest(ChannelKey channel);

    /**
     * Every channel whose schedule is on, with its newest round, ordered by channel key, in one
     * query (the console plans its clock by it).
     */
    List<ChannelSnapshot> scheduled();

    /**
     * As {@link #scheduled}, only the channels whose planned next run has come by {@code now}: what
     * a tick reads, in one query whose cost does not grow with the channels that have nothing due.
     */
    List<ChannelSnapshot> dueBy(Instant now);

    Optional<Round> forDate(ChannelKey channel, LocalDate date);

    Optional<Round> byThread(ChannelKey channel, String threadRef);

    /** The channel's rounds, oldest first. */
    List<Round> all(ChannelKey channel);
  }

  /** Who took part in which round; once per user and round. */
  interface Participations {
    /** Records it; false when the user was already counted in that round. */
    default boolean record(Participation participation) {
      return record(participation, null);
    }

    /**
     * Records it with the platform event it came from (null if none), in one write; false when
     * the user was already counted in that round.
     */
    boolean record(Participation participation, String eventId);

    /**
     * Records a user's reply in the thread {@code threadRef} of the channel's open round (posted
     * by {@code at}, not closed) as their participation, with its event (null if none), in one
     * statement.
     *
     * @return the round as it was before the reply; empty when nothing was recorded: no open
     *     round has that thread, or the user was already counted in it
     */
    Optional<Round> recordFirstReply(ChannelKey channel, String threadRef, String userId, Instant at, String eventId);

    /** Whether the user's participation in the round was recorded from this event. */
    boolean recordedFrom(long roundId, String userId, String eventId);

    List<Participation> forChannel(ChannelKey channel);

    /**
     * A version of the channel's rounds and participations, read cheaply: equal versions mean
     * an equal {@link #forChannel} and equal posted rounds, across instances and restarts (rounds
     * and participations are only ever added).
     */
    List<Long> historyVersion(ChannelKey channel);

    int count(long roundId);
  }

  /** Which questions a channel was asked in each cycle through its banks. */
  interface QuestionHistory {
    int currentCycle(ChannelKey channel);

    Set<String> askedIn(ChannelKey channel, int cycle);

    boolean recordAsked(ChannelKey channel, int cycle, String questionId, Instant at);
  }

  /** Platform deliveries already handled. */
  interface ProcessedEvents {
    /** Notes the event; false when it was seen before (a redelivery). */
    boolean firstSeen(String platform, String eventId, Instant at);

    int purgeBefore(Instant cutoff);
  }
}
