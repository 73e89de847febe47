package dev.dbq.app;

import dev.dbq.bank.BankLibrary;
import dev.dbq.command.Commands;
import dev.dbq.config.DbqConfig;
import dev.dbq.round.ChannelGateway;
import dev.dbq.round.ChannelKey;
import dev.dbq.round.ChannelSchedule;
import dev.dbq.round.RoundPolicy;
import dev.dbq.round.RoundService;
import dev.dbq.schedule.RoundScheduler;
import dev.dbq.store.Database;
import dev.dbq.store.Store;
import dev.dbq.streak.ChannelHistories;
import java.time.Clock;
import java.util.random.RandomGenerator;

/**
 * The platform-free bot: the database, the question of the day and the commands, assembled
 * once from the configuration. Platforms hand it their {@link ChannelGateway}.
 */
public final class Bot implements AutoCloseable {

  private final Database database;
  private final RoundService rounds;
  private final Commands commands;
  private RoundScheduler scheduler;

  /** Assembles the bot on an open database, which it then owns and closes. */
  public Bot(
      Database database, DbqConfig config, BankLibrary library, ChannelGateway gateway, Clock clock, RandomGenerator random) {
    this.database = database;
    Store store = Store.on(database);
    this.rounds = new RoundService(library, store, gateway, clock, random, policy(config.rounds()));
    this.commands =
        Features.commands(
            library, random, rounds, new ChannelHistories(store), config.streaks().teamQuorum(), this::scheduleChanged);
  }

  /** Opens the configured database (migrating it) and assembles the bot on it. */
  public static Bot open(
      DbqConfig config, BankLibrary library, ChannelGateway gateway, Clock clock, RandomGenerator random) {
    return new Bot(Database.open(config.database().url()), config, library, gateway, clock, random);
  }

  static RoundPolicy policy(DbqConfig.Rounds rounds) {
    return new RoundPolicy(
        rounds.grace(),
        rounds.followUpInterval(),
        new ChannelSchedule(rounds.postAt(), rounds.zone(), rounds.days(), rounds.revealAt(), true),
        rounds.filters());
  }

  /**
   * Runs the question of the day by the wall clock: catches up on a post missed while the bot
   * was down, then posts, follows up and reveals on time.
   */
  public synchronized void startScheduler() {
    scheduler =
        new RoundScheduler(
            rounds::runDue,
            () ->
                rounds.scheduledChannels().stream()
                    .map(s -> new RoundScheduler.ScheduledChannel(s.channel(), s.schedule()))
                    .toList());
    scheduler.start();
  }

  private synchronized void scheduleChanged(ChannelKey channel) {
    if (scheduler != null) {
      scheduler.reschedule(channel);
    }
  }

  public RoundService rounds() {
    return rounds;
  }

  public Commands commands() {
    return commands;
  }

  @Override
  public synchronized void close() {
    if (scheduler != null) {
      scheduler.close();
    }
    database.close();
  }
}
