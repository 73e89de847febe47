package dev.dbq.app;

import dev.dbq.bank.BankLibrary;
import dev.dbq.bank.LoadResult;
import dev.dbq.chat.ChannelGateway;
import dev.dbq.chat.ChannelKey;
import dev.dbq.chat.CorePorts;
import dev.dbq.chat.Inbound;
import dev.dbq.command.Commands;
import dev.dbq.config.DbqConfig;
import dev.dbq.round.ChannelSchedule;
import dev.dbq.round.RetryTimer;
import dev.dbq.round.RoundPolicy;
import dev.dbq.round.RoundService;
import dev.dbq.schedule.RoundScheduler;
import dev.dbq.store.Database;
import dev.dbq.store.Dialect;
import dev.dbq.store.Store;
import dev.dbq.streak.ChannelHistories;
import dev.dbq.streak.HomePage;
import java.time.Clock;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import java.util.random.RandomGenerator;

/**
 * The platform-free bot: the database, the banks, the question of the day and the commands,
 * assembled once from the configuration. Platforms reach it through {@link #inbound()} and are
 * reached through the one {@link ChannelGateway} it is given (a {@code GatewayRouter} when
 * several platforms run).
 */
public final class Bot implements AutoCloseable {

  private final Database database;
  private final BotMetrics metrics = new BotMetrics();
  private final AtomicReference<BankLibrary> banks;
  private final RoundService rounds;
  private final Commands commands;
  private final Inbound inbound;
  private final CorePorts ports;
  private RoundScheduler scheduler;
  private volatile BankReload reload;

  /** Assembles the bot on an open database, which it then owns and closes. */
  public Bot(
      Database database, DbqConfig config, BankLibrary library, ChannelGateway gateway, Clock clock, RandomGenerator random) {
    this(database, config, library, gateway, clock, random, RoundService.liveRetryTimer());
  }

  /** As above, with the timer that waits out the platforms' {@code Retry-After}s (a test's notes them). */
  public Bot(
      Database database,
      DbqConfig config,
      BankLibrary library,
      ChannelGateway gateway,
      Clock clock,
      RandomGenerator random,
      RetryTimer retries) {
    this.database = database;
    database.publishPoolMetrics(metrics.registry());
    this.banks = new AtomicReference<>(library);
    Store store = Store.on(database);
    this.rounds =
        new RoundService(
            banks::get,
            store,
            new MeteredGateway(gateway, metrics),
            clock,
            random,
            policy(config.rounds()),
            (channel, outcome) -> metrics.participation(channel.platform(), outcome.name().toLowerCase(Locale.ROOT)),
            Features::routines,
            retries);
    // On SQLite a command reads nothing while the file is unchanged since the standing was found
    // current (its stamp covers writes by other processes too); a server is asked each time.
    ChannelHistories histories = database.dialect() == Dialect.SQLITE
        ? ChannelHistories.whileUnchanged(store, database::changeStamp)
        : new ChannelHistories(store);
    int quorum = config.streaks().teamQuorum();
    this.commands =
        Features.commands(banks::get, random, rounds, histories, quorum, this::scheduleChanged, this::reloadBanks);
    this.inbound =
        new BotInbound(
            commands, rounds, new HomePage(rounds, histories, quorum), new Admins(config.admins()), banks::get, metrics,
            database.dialect() == Dialect.SQLITE);
    this.ports = new CorePorts(inbound, metrics, new BotRounds(rounds, this::startScheduler));
  }

  /** Opens the configured database (migrating it) and assembles the bot on it. */
  public static Bot open(
      DbqConfig config, BankLibrary library, ChannelGateway gateway, Clock clock, RandomGenerator random) {
    return new Bot(Database.open(config.database().url()), config, library, gateway, clock, random);
  }

  static RoundPolicy policy(DbqConfig.Rounds rounds) {
    RoundPolicy policy = new RoundPolicy(
        rounds.grace(),
        rounds.followUpInterval(),
        new ChannelSchedule(rounds.postAt(), rounds.zone(), rounds.days(), rounds.revealAt(), true),
        rounds.filters());
    return TestTiming.postLease()
        .map(lease -> new RoundPolicy(policy.grace(), policy.followUpInterval(), policy.defaults(), policy.filters(), lease))
        .orElse(policy);
  }

  /**
   * Runs the scheduled work ({@link Features#routines}) by the wall clock: catches up on a post
   * missed while the bot was down, then posts, follows up and reveals on time.
   */
  public synchronized void startScheduler() {
    scheduler =
        new RoundScheduler(
            rounds::runDue,
            () ->
                rounds.scheduledChannels().stream()
                    .map(s -> new RoundScheduler.ScheduledChannel(s.channel(), s.schedule()))
                    .toList(),
            rounds::wakeUps,
            TestTiming.tick().orElse(RoundScheduler.DEFAULT_TICK));
    scheduler.start();
  }

  private synchronized void scheduleChanged(ChannelKey channel) {
    if (scheduler != null) {
      scheduler.reschedule(channel);
    }
  }

  /** The one entry for everything platforms deliver. */
  public Inbound inbound() {
    return inbound;
  }

  /** All a platform sees of the bot (see {@link Platform#start}). */
  public CorePorts ports() {
    return ports;
  }

  public RoundService rounds() {
    return rounds;
  }

  public Commands commands() {
    return commands;
  }

  /** The banks every command and round uses from now on (a reload swaps them here, once). */
  public void replaceBanks(BankLibrary library) {
    banks.set(Objects.requireNonNull(library, "library"));
  }

  /** Where {@code /dbq reload} and the content watcher load the banks from. */
  public BankReload reloadFrom(Supplier<LoadResult> source) {
    reload = new BankReload(source, banks::get, this::replaceBanks);
    return reload;
  }

  /** The reload of the banks, if {@link #reloadFrom} set a source. */
  public Optional<BankReload> reload() {
    return Optional.ofNullable(reload);
  }

  private String reloadBanks() {
    BankReload current = reload;
    return current == null
        ? "This bot was started without a bank folder to reload from."
        : current.reload().summary();
  }

  /** Whether the database answers within two seconds, for {@code /readyz}. */
  public boolean databaseAnswers() {
    return database.answers(2);
  }

  public BotMetrics metrics() {
    return metrics;
  }

  public BankLibrary banks() {
    return banks.get();
  }

  @Override
  public synchronized void close() {
    if (scheduler != null) {
      scheduler.close();
    }
    database.close();
    metrics.close();
  }
}
