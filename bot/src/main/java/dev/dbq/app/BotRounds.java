package dev.dbq.app;

import dev.dbq.chat.ChannelKey;
import dev.dbq.chat.LocalRounds;
import dev.dbq.round.Round;
import dev.dbq.round.RoundService;
import java.time.Instant;
import java.util.Optional;

/** The console's in-port over the question of the day ({@link RoundService}) and the bot's scheduler. */
final class BotRounds implements LocalRounds {

  private final RoundService rounds;
  private final Runnable startScheduler;

  BotRounds(RoundService rounds, Runnable startScheduler) {
    this.rounds = rounds;
    this.startScheduler = startScheduler;
  }

  @Override
  public void applyDefaults(ChannelKey channel) {
    rounds.applyDefaults(channel);
  }

  @Override
  public Posted postNow(ChannelKey channel) {
    if (rounds.postNow(channel).isPresent()) {
      return Posted.POSTED;
    }
    Optional<Round> today = rounds.todaysRound(channel);
    if (today.isEmpty()) {
      return Posted.NO_QUESTION;
    }
    return today.get().messageRef() == null ? Posted.PENDING : Posted.ALREADY;
  }

  @Override
  public Optional<String> currentThread(ChannelKey channel) {
    return rounds.currentRound(channel).map(Round::threadRef);
  }

  @Override
  public void runDue() {
    rounds.runDue();
  }

  @Override
  public Optional<Instant> nextDueAfter(Instant after) {
    return rounds.nextDueAfter(after);
  }

  @Override
  public void runOnTheWallClock() {
    startScheduler.run();
  }
}
