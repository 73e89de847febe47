package dev.dbq.app;

import dev.dbq.bank.BankLibrary;
import dev.dbq.command.Commands;
import dev.dbq.config.DbqConfig;
import dev.dbq.round.ChannelGateway;
import dev.dbq.round.ChannelKey;
import dev.dbq.round.ChannelSchedule;
import dev.dbq.round.RoundPolicy;
import dev.dbq.round.RoundService;
import dev.dbq.store.Database;
import dev.dbq.store.Store;
import dev.dbq.streak.ChannelHistories;
import java.time.Clock;
import java.util.function.Consumer;
import java.util.random.RandomGenerator;

/**
 * The platform-free bot: the database, the question of the day and the commands, assembled
 * once from the configuration. Platforms hand it their {@link ChannelGateway}.
 */
public final class Bot implements AutoCloseable {

  private final Database database;
  private final RoundService rounds;
  private final Commands commands;

  private Bot(Database database, RoundService rounds, Commands commands) {
    this.database = database;
    this.rounds = rounds;
    this.commands = commands;
  }

  /**
   * Opens the configured database (migrating it) and assembles the bot.
   *
   * @param scheduleChanged told when an admin changed a channel's schedule
   */
  public static Bot open(
      DbqConfig config,
      BankLibrary library,
      ChannelGateway gateway,
      Clock clock,
      RandomGenerator random,
      Consumer<ChannelKey> scheduleChanged) {
    return assemble(Database.open(config.database().url()), config, library, gateway, clock, random, scheduleChanged);
  }

  /** Assembles the bot on an open database, which it then owns and closes. */
  public static Bot assemble(
      Database database,
      DbqConfig config,
      BankLibrary library,
      ChannelGateway gateway,
      Clock clock,
      RandomGenerator random,
      Consumer<ChannelKey> scheduleChanged) {
    Store store = Store.on(database);
    RoundService rounds = new RoundService(library, store, gateway, clock, random, policy(config.rounds()));
    Commands commands =
        Features.commands(
            library, random, rounds, new ChannelHistories(store), config.streaks().teamQuorum(), scheduleChanged);
    return new Bot(database, rounds, commands);
  }

  static RoundPolicy policy(DbqConfig.Rounds rounds) {
    return new RoundPolicy(
        rounds.grace(),
        rounds.followUpInterval(),
        new ChannelSchedule(rounds.postAt(), rounds.zone(), rounds.days(), rounds.revealAt(), true),
        rounds.filters());
  }

  public RoundService rounds() {
    return rounds;
  }

  public Commands commands() {
    return commands;
  }

  @Override
  public void close() {
    database.close();
  }
}
