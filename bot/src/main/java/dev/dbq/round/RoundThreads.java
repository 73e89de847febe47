package dev.dbq.round;

import dev.dbq.bank.BankLibrary;
import dev.dbq.bank.Question;
import dev.dbq.chat.ChannelGateway;
import dev.dbq.chat.ChannelGoneException;
import dev.dbq.chat.ChannelKey;
import dev.dbq.chat.ThreadMessage;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Life in a round's thread: replies and "I answered" presses become participations, new replies
 * bring the next follow-up question, and the quick answer is revealed at the reveal time.
 */
final class RoundThreads {

  private static final Logger log = LoggerFactory.getLogger(RoundThreads.class);

  private final Supplier<BankLibrary> banks;
  private final RoundStore store;
  private final ChannelGateway gateway;
  private final FollowUpRules followUps;

  RoundThreads(Supplier<BankLibrary> banks, RoundStore store, ChannelGateway gateway, FollowUpRules followUps) {
    this.banks = banks;
    this.store = store;
    this.gateway = gateway;
    this.followUps = followUps;
  }

  /**
   * A user's first reply in an open round is one statement (see {@link
   * RoundStore.Participations#recordFirstReply}): the participation, carrying the reply's event id,
   * which also hands back the round. One statement cannot be half done, so a crash loses nothing
   * a redelivery would not record, and a redelivery conflicts on the participation's key and is
   * recognised by its event id. Everything else (not a round, a bot or an edit, a closed round, a
   * counted user's later reply, a redelivery) takes the cold path, which reads the round.
   */
  ParticipationOutcome reply(ChannelKey channel, String threadRef, ThreadMessage reply, Instant now) {
    if (!reply.fromBot() && !reply.edit()) {
      Optional<Round> open = store.participations().recordFirstReply(channel, threadRef, reply.userId(), now, reply.eventId());
      if (open.isPresent()) {
        // Recorded only in a round that is not closed (RoundStore's contract).
        afterReply(open.get(), null, now);
        return ParticipationOutcome.COUNTED;
      }
    }
    Recorded recorded = record(channel, threadRef, reply, now);
    if (recorded.round() != null) {
      Round fresh = store.rounds().find(recorded.round().id()).orElseThrow();
      afterReply(fresh, closedAt(fresh), now);
    }
    return recorded.outcome();
  }

  /**
   * What a reply at {@code now} changes in the thread of {@code round} (as read before or with the
   * reply): the next follow-up goes out if it is due, and the reply's time is stored when a
   * follow-up still to come waits for it (the first reply after each follow-up). Later replies
   * write nothing more: only whether someone replied since the last follow-up counts.
   */
  private void afterReply(Round round, Instant closedAt, Instant now) {
    Optional<Question> question = banks.get().question(round.questionId());
    if (question.isEmpty()) {
      return;
    }
    Round replied = round.withReplyAt(now);
    boolean sent = sendFollowUpIfDue(replied, question.get(), closedAt, now);
    int sentNow = round.followUpsSent() + (sent ? 1 : 0);
    Instant lastFollowUp = sent ? now : round.lastFollowUpAt();
    boolean awaited = closedAt == null && lastFollowUp != null && sentNow < question.get().followUps().size();
    if (awaited && (round.lastReplyAt() == null || round.lastReplyAt().isBefore(lastFollowUp))) {
      store.rounds().touchReply(round.id(), now);
    }
    if (sent) {
      // The next follow-up may now be due sooner than the scheduled work planned.
      store.channels().runSoon(round.channel());
    }
  }

  /** A reply's outcome, and the round whose thread gained a reply (null if none did). */
  private record Recorded(ParticipationOutcome outcome, Round round) {}

  /**
   * The cold path: a user's reply that the one-statement path did not record. A counted user's
   * later reply is deduplicated by its event and noted as the thread's last reply, in one
   * transaction.
   */
  private Recorded record(ChannelKey channel, String threadRef, ThreadMessage reply, Instant now) {
    Optional<Round> found = store.rounds().byThread(channel, threadRef);
    if (found.isEmpty()) {
      return new Recorded(ParticipationOutcome.NOT_A_ROUND, null);
    }
    Round round = found.get();
    var verdict = judge(round, reply.userId(), reply.fromBot(), reply.edit(), now);
    if (verdict != ParticipationOutcome.COUNTED) {
      return new Recorded(verdict, null);
    }
    Participation participation = new Participation(round.id(), reply.userId(), now, Participation.Source.THREAD_REPLY);
    if (store.participations().record(participation, reply.eventId())) {
      return new Recorded(ParticipationOutcome.COUNTED, round);
    }
    return store.atomically("record a later reply in " + channel, () -> {
      if (reply.eventId() != null
          && (store.participations().recordedFrom(round.id(), reply.userId(), reply.eventId())
              || !store.events().firstSeen(channel.platform(), reply.eventId(), now))) {
        return new Recorded(ParticipationOutcome.DUPLICATE_DELIVERY, null);
      }
      store.rounds().touchReply(round.id(), now);
      return new Recorded(ParticipationOutcome.ALREADY_COUNTED, round);
    });
  }

  ParticipationOutcome answered(ChannelKey channel, long roundId, String userId, Instant now) {
    // A round whose post never landed is no question anyone could see, and streaks leave it out.
    Optional<Round> round =
        store.rounds().find(roundId).filter(r -> r.channel().equals(channel) && r.messageRef() != null);
    if (round.isEmpty()) {
      return ParticipationOutcome.NOT_A_ROUND;
    }
    return participate(round.get(), userId, false, false, Participation.Source.ANSWERED_BUTTON, now);
  }

  private ParticipationOutcome participate(
      Round round, String userId, boolean fromBot, boolean edit, Participation.Source source, Instant now) {
    ParticipationOutcome verdict = judge(round, userId, fromBot, edit, now);
    if (verdict != ParticipationOutcome.COUNTED) {
      return verdict;
    }
    boolean first = store.participations().record(new Participation(round.id(), userId, now, source));
    return first ? ParticipationOutcome.COUNTED : ParticipationOutcome.ALREADY_COUNTED;
  }

  /** {@code COUNTED} if the event may count (once per user, which the store decides), else why not. */
  private ParticipationOutcome judge(Round round, String userId, boolean fromBot, boolean edit, Instant now) {
    var verdict =
        ParticipationRules.judge(
            new ParticipationRules.Event(userId, fromBot, edit, now), round.postedAt(), closedAt(round));
    if (verdict.counts()) {
      return ParticipationOutcome.COUNTED;
    }
    return verdict == ParticipationRules.Verdict.BOT || verdict == ParticipationRules.Verdict.EDIT
        ? ParticipationOutcome.NOT_COUNTED_BOT_OR_EDIT
        : ParticipationOutcome.ROUND_CLOSED;
  }

  /** When the round was closed by the channel's next round, or null while it is the newest. */
  private Instant closedAt(Round round) {
    return store.rounds().latest(round.channel())
        .filter(latest -> latest.id() != round.id())
        .map(Round::postedAt)
        .orElse(null);
  }

  /**
   * Sends the next follow-up question if one is due by now; claims it first so it goes once.
   *
   * @return whether this call sent one
   */
  boolean sendFollowUpIfDue(Round round, Question question, Instant now) {
    return sendFollowUpIfDue(round, question, closedAt(round), now);
  }

  /** As {@link #sendFollowUpIfDue(Round, Question, Instant)}, for a round closed at {@code closedAt} (null: open). */
  boolean sendFollowUpIfDue(Round round, Question question, Instant closedAt, Instant now) {
    if (round.threadRef() == null) {
      return false;
    }
    Optional<Instant> due = nextFollowUp(round, question, closedAt);
    if (due.isPresent() && !due.get().isAfter(now)
        && store.rounds().recordFollowUp(round.id(), round.followUpsSent(), now)) {
      try {
        gateway.postInThread(round.channel(), round.threadRef(), RoundMessages.followUp(question, round.followUpsSent()));
        return true;
      } catch (ChannelGoneException gone) {
        GoneChannels.turnOff(store, round.channel(), gone);
      } catch (RuntimeException e) {
        // Handed back, so the next run sends it: the claim alone would have lost it for good.
        store.rounds().undoFollowUp(round.id(), round.followUpsSent(), round.lastFollowUpAt());
        log.warn("{}: follow-up {} of round {} failed to post; the next run tries again", round.channel(), round.followUpsSent() + 1, round.id(), e);
        // The tick sends it, so the channel must be read at the next one.
        store.channels().runSoon(round.channel());
      }
    }
    return false;
  }

  /** The earliest the round's next follow-up may be due, whatever replies come (see {@link FollowUpRules#earliestDue}). */
  Optional<Instant> earliestFollowUp(Round round, Question question, Instant closedAt) {
    return round.threadRef() == null
        ? Optional.empty()
        : followUps.earliestDue(round, question.followUps().size(), closedAt);
  }

  /** When the round's next follow-up is due, the round being closed at {@code closedAt} (null: open). */
  Optional<Instant> nextFollowUp(Round round, Question question, Instant closedAt) {
    return round.threadRef() == null
        ? Optional.empty()
        : followUps.nextDue(round, question.followUps().size(), closedAt);
  }

  /** Reveals the quick answer in the thread once its time has come; once, across instances. */
  void revealIfDue(Round round, ChannelSchedule schedule, Instant now) {
    BankLibrary library = banks.get();
    Optional<Instant> due = nextReveal(round, schedule);
    if (due.isPresent() && !due.get().isAfter(now) && store.rounds().markRevealed(round.id(), now)) {
      Optional<Question> question = library.question(round.questionId());
      if (question.isEmpty()) {
        log.warn("{}: round {} asks {}, which is no longer in the banks", round.channel(), round.id(), round.questionId());
        return;
      }
      try {
        gateway.postInThread(round.channel(), round.threadRef(), RoundMessages.reveal(question.get()));
      } catch (ChannelGoneException gone) {
        GoneChannels.turnOff(store, round.channel(), gone);
      } catch (RuntimeException e) {
        store.rounds().undoReveal(round.id(), now);
        log.warn("{}: the reveal of round {} failed to post; the next run tries again", round.channel(), round.id(), e);
      }
    }
  }

  Optional<Instant> nextReveal(Round round, ChannelSchedule schedule) {
    if (round.state() != RoundState.POSTED) {
      return Optional.empty();
    }
    return Optional.of(RevealTimes.revealOf(schedule, round.date(), round.postedAt()));
  }
}
