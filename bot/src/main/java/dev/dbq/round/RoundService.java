package dev.dbq.round;

import dev.dbq.bank.BankLibrary;
import dev.dbq.chat.ChannelGateway;
import dev.dbq.chat.ChannelKey;
import dev.dbq.chat.RateLimitedException;
import dev.dbq.chat.ThreadMessage;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.random.RandomGenerator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The question of the day across channels. Every entry point does what is due by the clock's
 * now and is idempotent, so schedulers (Quartz live, the console's simulated clock) only need to
 * call {@link #runDue()} at the right instants, and a restart or a second instance changes
 * nothing: the database decides who posts.
 */
public final class RoundService {

  private static final Logger log = LoggerFactory.getLogger(RoundService.class);

  /**
   * How long a platform event's id is remembered to recognise a redelivery: Slack retries for
   * under an hour and a Discord gateway resumes within minutes; a week is ample.
   */
  public static final Duration EVENTS_REMEMBERED = Duration.ofDays(7);
  static final Duration FORGET_EVERY = Duration.ofHours(1);

  private final Supplier<BankLibrary> banks;
  private final RoundStore store;
  private final Clock clock;
  private final RoundPolicy policy;
  private final RoundThreads threads;
  private final RoundPosting posting;
  private final Routines routines;

  private final ParticipationListener participations;
  private final ChannelGateway gateway;
  /** When this process last forgot old platform events (at most once per {@link #FORGET_EVERY}). */
  private volatile Instant forgotAt = Instant.MIN;

  /**
   * @param routines makes the kinds of scheduled work {@link #runDue()} runs, in order, from this
   *     service (the registry is {@code app.Features#routines}); called once, here
   */
  public RoundService(
      Supplier<BankLibrary> banks,
      RoundStore store,
      ChannelGateway gateway,
      Clock clock,
      RandomGenerator random,
      RoundPolicy policy,
      ParticipationListener participations,
      Function<RoundService, List<Routine>> routines) {
    this(banks, store, gateway, clock, random, policy, participations, routines, liveRetryTimer());
  }

  /** A timer thread of its own for the platforms' {@code Retry-After}s. */
  public static RetryTimer liveRetryTimer() {
    return FanOut.liveTimer();
  }

  /** @param retries waits out a platform's {@code Retry-After} before a channel's work runs again */
  public RoundService(
      Supplier<BankLibrary> banks,
      RoundStore store,
      ChannelGateway gateway,
      Clock clock,
      RandomGenerator random,
      RoundPolicy policy,
      ParticipationListener participations,
      Function<RoundService, List<Routine>> routines,
      RetryTimer retries) {
    this.participations = participations;
    this.gateway = gateway;
    this.banks = banks;
    this.store = store;
    this.clock = clock;
    this.policy = policy;
    this.threads = new RoundThreads(banks, store, gateway, new FollowUpRules(policy.followUpInterval()));
    this.posting = new RoundPosting(banks, store, gateway, new QuestionPicker(random), threads, policy.filters(), policy.postLease());
    // The routines take the collaborators above from this service; they call none of its methods.
    this.routines = new Routines(routines.apply(this), store, gateway, FanOut.live(clock, retries));
  }

  RoundPosting posting() {
    return posting;
  }

  RoundThreads threads() {
    return threads;
  }

  RoundStore store() {
    return store;
  }

  RoundPolicy policy() {
    return policy;
  }

  Supplier<BankLibrary> banks() {
    return banks;
  }

  /** The channel's settings; a channel nobody configured yet has the config's defaults. */
  public ChannelSettings settings(ChannelKey channel) {
    return store.channels().find(channel).orElseGet(() -> new ChannelSettings(channel, policy.defaults(), null));
  }

  public void saveSettings(ChannelSettings settings) {
    store.channels().save(settings);
  }

  /** Gives a channel the config's schedule and no filters of its own. */
  public void applyDefaults(ChannelKey channel) {
    store.channels().save(new ChannelSettings(channel, policy.defaults(), null));
  }

  /** Makes sure a channel has stored settings (the defaults unless it has its own). */
  public ChannelSettings enroll(ChannelKey channel) {
    Optional<ChannelSettings> stored = store.channels().find(channel);
    if (stored.isPresent()) {
      return stored.get();
    }
    ChannelSettings settings = settings(channel);
    store.channels().save(settings);
    return settings;
  }

  /** Every channel with a schedule that is on. */
  public List<ChannelSettings> scheduledChannels() {
    return store.channels().enabled();
  }

  /**
   * Does whatever scheduled work is due by now ({@link Routine}s: posts, reveals, follow-ups) in
   * every scheduled channel this process can post to (another instance serves the others). A
   * post missed by more than the grace period is skipped. One channel's failure is logged and
   * does not stop the others.
   */
  public void runDue() {
    Instant now = clock.instant();
    routines.runDue(now);
    forgetOldEvents(now);
  }

  /** Keeps the table of handled events from growing for ever; several instances may each do it. */
  private void forgetOldEvents(Instant now) {
    if (now.isBefore(forgotAt.plus(FORGET_EVERY))) {
      return;
    }
    forgotAt = now;
    try {
      int forgotten = store.events().purgeBefore(now.minus(EVENTS_REMEMBERED));
      log.debug("forgot {} platform events seen before {}", forgotten, now.minus(EVENTS_REMEMBERED));
    } catch (RuntimeException e) {
      log.warn("could not forget old platform events (tried again in {}): {}", FORGET_EVERY, e.getMessage());
    }
  }

  /** The next instant strictly after {@code after} at which {@link #runDue()} has work, if any. */
  public Optional<Instant> nextDueAfter(Instant after) {
    return routines.nextDueAfter(after);
  }

  /**
   * When the registered routines want {@link #runDue()} called in a channel with this schedule,
   * by routine name (Quartz's cron triggers; the tick covers the rest).
   */
  public Map<String, WakeUp> wakeUps(ChannelSchedule schedule) {
    return routines.wakeUps(schedule);
  }

  /**
   * Posts today's round of a channel now, whatever its schedule says; empty if it has one. A
   * round of today that was claimed but never posted (even one skipped) is posted now, unless
   * another instance is posting it this very moment.
   */
  public Optional<Round> postNow(ChannelKey channel) {
    ChannelSettings settings = enroll(channel);
    Instant now = clock.instant();
    LocalDate today = PostTimes.roundDate(settings.schedule(), now);
    Optional<Round> existing = store.rounds().forDate(channel, today);
    if (existing.isPresent() && existing.get().messageRef() != null) {
      return Optional.empty();
    }
    Optional<Round> posted;
    try {
      posted = existing.isPresent()
          ? posting.postClaimed(settings, existing.get(), now, policy.grace(), true)
          : posting.post(settings, new PostSlot(today, now), now);
    } catch (RateLimitedException limited) {
      posted = Optional.empty(); // claimed: the scheduled work posts it once the wait is over
    }
    // Its reveal and follow-ups (or the retry of its post) are the scheduled work's from now on.
    store.channels().runSoon(channel);
    return posted;
  }

  /** The channel's round of today (in its zone), posted or not. */
  public Optional<Round> todaysRound(ChannelKey channel) {
    return store.rounds().forDate(channel, PostTimes.roundDate(settings(channel).schedule(), clock.instant()));
  }

  public ParticipationOutcome reply(ChannelKey channel, String threadRef, ThreadMessage reply) {
    return told(channel, threads.reply(channel, threadRef, reply, clock.instant()));
  }

  public ParticipationOutcome answered(ChannelKey channel, long roundId, String userId) {
    return told(channel, threads.answered(channel, roundId, userId, clock.instant()));
  }

  private ParticipationOutcome told(ChannelKey channel, ParticipationOutcome outcome) {
    participations.participation(channel, outcome);
    return outcome;
  }

  /** The channel's newest round, which is open until the next one is posted. */
  public Optional<Round> currentRound(ChannelKey channel) {
    return store.rounds().latest(channel);
  }

  public Instant now() {
    return clock.instant();
  }
}
