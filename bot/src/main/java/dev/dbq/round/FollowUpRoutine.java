package dev.dbq.round;

import dev.dbq.bank.BankLibrary;
import dev.dbq.bank.Question;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The next follow-up question in the newest round's thread, once it has new replies ({@link
 * FollowUpRules}). No wake-up of its own: replies come at any time, and the tick is punctual
 * enough (a reply itself sends the follow-up due at once).
 */
public final class FollowUpRoutine implements Routine {

  private final Supplier<BankLibrary> banks;
  private final RoundThreads threads;

  public FollowUpRoutine(RoundService rounds) {
    this.banks = rounds.banks();
    this.threads = rounds.threads();
  }

  @Override
  public String name() {
    return "follow-up";
  }

  @Override
  public boolean isDue(ChannelSnapshot channel, Instant now) {
    return nextFollowUp(channel).filter(at -> !at.isAfter(now)).isPresent();
  }

  @Override
  public void run(ChannelSnapshot channel, Instant now) {
    Round newest = channel.latest();
    // The newest round is open (no later round closed it).
    question(newest).ifPresent(question -> threads.sendFollowUpIfDue(newest, question, null, now));
  }

  @Override
  public Optional<Instant> nextDueAfter(ChannelSnapshot channel, Instant after) {
    return nextFollowUp(channel);
  }

  /** Before its interval is over a follow-up waits for replies, which the tick does not see come. */
  @Override
  public Optional<Instant> mayBeDueAfter(ChannelSnapshot channel, Instant after) {
    return channel.latestRound()
        .flatMap(round -> question(round).flatMap(question -> threads.earliestFollowUp(round, question, null)));
  }

  private Optional<Instant> nextFollowUp(ChannelSnapshot channel) {
    return channel.latestRound()
        .flatMap(round -> question(round).flatMap(question -> threads.nextFollowUp(round, question, null)));
  }

  private Optional<Question> question(Round round) {
    return banks.get().question(round.questionId());
  }
}
