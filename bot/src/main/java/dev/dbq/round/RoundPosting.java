package dev.dbq.round;

import dev.dbq.bank.BankLibrary;
import dev.dbq.bank.FilterException;
import dev.dbq.bank.FilterParser;
import dev.dbq.bank.Question;
import dev.dbq.chat.ChannelGateway;
import dev.dbq.chat.ChannelGoneException;
import dev.dbq.chat.ChannelKey;
import dev.dbq.chat.RateLimitedException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Posts a channel's question of the day: picks a question not yet asked in this cycle, claims
 * the date in the database (so several instances post once), posts it and opens its thread.
 *
 * <p>The claim and the post cannot be one transaction, so the claim comes with a lease: only its
 * holder posts. A post that fails (the platform refused it, a 429 outlasted the client's retries)
 * keeps the lease for {@link #RETRY_AFTER}; a post cut off by a crash keeps it for {@link #LEASE}.
 * Then the next run takes the lease and posts, while the grace period lasts; after it the round
 * is skipped.
 *
 * <p>A post whose outcome was never recorded may have landed all the same (a crash after the
 * platform took it, a lost answer, a 5xx after which it posted): before posting a claimed round
 * again, the next run asks the platform for an earlier post with the round's key ({@link
 * ChannelGateway#findPost}) and adopts it, so a round is posted once and replies in its thread
 * count.
 */
final class RoundPosting {

  private static final Logger log = LoggerFactory.getLogger(RoundPosting.class);

  /**
   * How long an instance may take to post: longer than any post with the platform clients' own
   * 429 waits, so two instances never post one round, and short enough that a crashed post is
   * retried within minutes.
   */
  static final Duration LEASE = Duration.ofMinutes(2);

  /** How soon a post the platform refused is tried again. */
  static final Duration RETRY_AFTER = Duration.ofMinutes(1);

  private final Supplier<BankLibrary> banks;
  private final RoundStore store;
  private final ChannelGateway gateway;
  private final QuestionPicker picker;
  private final RoundThreads threads;
  private final String globalFilters;
  private final Duration lease;
  /**
   * Rounds whose last post here was refused for a rate limit, so certainly not posted: posted
   * again without asking the platform first (another instance does not know, and asks).
   */
  private final Set<Long> refusedForRateLimit = ConcurrentHashMap.newKeySet();

  RoundPosting(
      Supplier<BankLibrary> banks,
      RoundStore store,
      ChannelGateway gateway,
      QuestionPicker picker,
      RoundThreads threads,
      String globalFilters,
      Duration lease) {
    this.banks = banks;
    this.store = store;
    this.gateway = gateway;
    this.picker = picker;
    this.threads = threads;
    this.globalFilters = globalFilters;
    this.lease = lease;
  }

  /** Posts the round of a slot and returns it; empty when the channel already has one for that date. */
  Optional<Round> post(ChannelSettings settings, PostSlot slot, Instant now) {
    BankLibrary library = banks.get();
    ChannelKey channel = settings.channel();
    List<String> candidates = candidates(settings);
    int cycle = store.history().currentCycle(channel);
    String previous = store.rounds().latest(channel).map(Round::questionId).orElse(null);
    Optional<QuestionPicker.Pick> pick = picker.pick(candidates, store.history().askedIn(channel, cycle), previous);
    if (pick.isEmpty()) {
      log.warn("{}: no question matches the channel's filters; no round on {}", channel, slot.date());
      return Optional.empty();
    }
    Optional<Round> claimed = store.rounds().claim(channel, slot.date(), pick.get().questionId(), now, now.plus(lease));
    if (claimed.isEmpty()) {
      return Optional.empty();
    }
    Round round = claimed.get();
    store.history().recordAsked(channel, pick.get().startsNewCycle() ? cycle + 1 : cycle, round.questionId(), now);
    return deliver(settings, round, now);
  }

  /**
   * Posts a claimed round that has no message yet, if this run can take its lease: while the
   * grace period (counted from the claim) lasts, or whenever {@code byHand} (a person asked for
   * it now). Past the grace period it is skipped, once, with a warning. An earlier attempt that
   * landed after all is adopted instead of posting again.
   *
   * @return the round, once posted
   */
  Optional<Round> postClaimed(ChannelSettings settings, Round round, Instant now, Duration grace, boolean byHand) {
    boolean inGrace = !now.isAfter(round.postedAt().plus(grace));
    if (inGrace || byHand) {
      if (!store.rounds().takePostLease(round.id(), now, now.plus(lease))) {
        return Optional.empty();
      }
      if (refusedForRateLimit.remove(round.id())) {
        return deliver(settings, round, now);
      }
      Optional<ChannelGateway.PostedMessage> earlier;
      try {
        earlier = gateway.findPost(round.channel(), postKey(round), round.postedAt());
      } catch (RuntimeException e) {
        // Posting without knowing could post the round twice: the lease waits, the next run asks again.
        Instant retry = now.plus(RETRY_AFTER);
        store.rounds().retryPostAt(round.id(), retry);
        log.warn("{}: could not check whether round {} of {} was posted before; tried again from {}",
            round.channel(), round.id(), round.date(), retry, e);
        return Optional.empty();
      }
      if (earlier.isPresent()) {
        log.info("{}: round {} of {} was posted before its post was recorded (a crash or a lost answer);"
            + " that message is the round's", round.channel(), round.id(), round.date());
        return recorded(round, earlier.get(), now);
      }
      return deliver(settings, round, now);
    }
    refusedForRateLimit.remove(round.id());
    if (round.state().canMoveTo(RoundState.SKIPPED) && store.rounds().markSkipped(round.id(), now)) {
      log.warn(
          "{}: the question of the day of {} was claimed at {} but its post never landed; the grace period is over,"
              + " so that date is skipped (/dbq answered and streaks leave it out)",
          round.channel(), round.date(), round.postedAt());
    }
    return Optional.empty();
  }

  /**
   * Posts a leased round; when the platform refuses, keeps the lease a minute and says when it
   * retries. A rate limit ends the lease (nothing was posted) and is raised, for the fan-out to run this
   * channel again then ({@link FanOut}).
   */
  private Optional<Round> deliver(ChannelSettings settings, Round leased, Instant now) {
    Round round = leased;
    Optional<Question> question = banks.get().question(round.questionId());
    if (question.isEmpty()) {
      Optional<Round> replaced = replaceVanishedQuestion(settings, round, now);
      if (replaced.isEmpty()) {
        return Optional.empty();
      }
      round = replaced.get();
      question = banks.get().question(round.questionId());
      if (question.isEmpty()) {
        return Optional.empty(); // the banks changed again meanwhile; the next run tries once more
      }
    }
    ChannelGateway.PostedMessage posted;
    try {
      posted = gateway.post(round.channel(), postKey(round),
          RoundMessages.question(round, question.get(), revealAt(settings, round)));
    } catch (ChannelGoneException gone) {
      // This run's lease ends now, so that the round can be marked skipped: it never landed.
      store.rounds().retryPostAt(round.id(), now);
      store.rounds().markSkipped(round.id(), now);
      GoneChannels.turnOff(store, round.channel(), gone);
      return Optional.empty();
    } catch (RateLimitedException limited) {
      // Nothing was posted: the lease ends, and the fan-out runs the channel again after the wait.
      refusedForRateLimit.add(round.id());
      store.rounds().retryPostAt(round.id(), now);
      log.info("{}: the platform's rate limit held back round {} of {}; posted after {} ms",
          round.channel(), round.id(), round.date(), limited.retryAfter().toMillis());
      throw limited;
    } catch (RuntimeException e) {
      Instant retry = now.plus(RETRY_AFTER);
      store.rounds().retryPostAt(round.id(), retry);
      log.warn("{}: posting the question of the day of {} failed; tried again from {}", round.channel(), round.date(), retry, e);
      return Optional.empty();
    }
    log.info("{}: posted round {} of {} ({})", round.channel(), round.id(), round.date(), round.questionId());
    return recorded(round, posted, now);
  }

  /** The same for every attempt at a round's post, so that the platform can recognise a repeat. */
  private static String postKey(Round round) {
    return "round-" + round.id();
  }

  /** Records where the round landed and sends its first follow-up when due. */
  private Optional<Round> recorded(Round round, ChannelGateway.PostedMessage posted, Instant now) {
    store.rounds().markPosted(round.id(), posted.messageRef(), posted.threadRef());
    Round open = store.rounds().find(round.id()).orElseThrow();
    banks.get().question(round.questionId()).ifPresent(question -> threads.sendFollowUpIfDue(open, question, now));
    return Optional.of(open);
  }

  /**
   * A claimed round whose question left the banks (a reload removed it) asks another one, picked
   * as a new round's would be and recorded before the post, so every instance posts the same.
   */
  private Optional<Round> replaceVanishedQuestion(ChannelSettings settings, Round round, Instant now) {
    ChannelKey channel = round.channel();
    int cycle = store.history().currentCycle(channel);
    Optional<QuestionPicker.Pick> pick = picker.pick(candidates(settings), store.history().askedIn(channel, cycle), round.questionId());
    if (pick.isEmpty() || !store.rounds().replaceQuestion(round.id(), pick.get().questionId())) {
      log.warn("{}: round {} asks {}, which is no longer in the banks, and no other question matches; not posted",
          channel, round.id(), round.questionId());
      return Optional.empty();
    }
    store.history().recordAsked(channel, pick.get().startsNewCycle() ? cycle + 1 : cycle, pick.get().questionId(), now);
    log.warn("{}: round {} asked {}, which is no longer in the banks; it asks {} instead",
        channel, round.id(), round.questionId(), pick.get().questionId());
    return store.rounds().find(round.id());
  }

  private static ZonedDateTime revealAt(ChannelSettings settings, Round round) {
    return RevealTimes.revealOf(settings.schedule(), round.date(), round.postedAt()).atZone(settings.schedule().zone());
  }

  /** The ids of the questions this channel may ask: the config's and the channel's filters. */
  private List<String> candidates(ChannelSettings settings) {
    BankLibrary library = banks.get();
    String filters = (globalFilters + " " + (settings.filters() == null ? "" : settings.filters())).strip();
    try {
      return new FilterParser(library).questions(filters).stream()
          .map(Question::id)
          .toList();
    } catch (FilterException e) {
      log.warn("{}: its question filters '{}' match nothing: {}", settings.channel(), filters, e.getMessage());
      return List.of();
    }
  }
}
