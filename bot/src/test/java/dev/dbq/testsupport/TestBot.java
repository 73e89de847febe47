package dev.dbq.testsupport;

import dev.dbq.app.Bot;
import dev.dbq.chat.Caller;
import dev.dbq.chat.ChannelKey;
import dev.dbq.chat.Reply;
import dev.dbq.config.ConfigLoader;
import dev.dbq.config.DbqConfig;
import dev.dbq.console.ConsoleClock;
import dev.dbq.store.Database;
import java.time.Instant;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * The whole platform-free bot on a test database, with the shipped bank, a clock that moves
 * only when told, a seeded random and a platform that records what was posted.
 */
public final class TestBot {

  public static final ChannelKey GENERAL = new ChannelKey("test", "team", "general");

  private final Bot bot;
  private final ConsoleClock clock;
  private final RecordingGateway gateway;

  private TestBot(Bot bot, ConsoleClock clock, RecordingGateway gateway) {
    this.bot = bot;
    this.clock = clock;
    this.gateway = gateway;
  }

  /** A bot configured by {@code configYaml} (dbq.yml syntax; "" for the defaults). */
  public static TestBot on(Database database, String configYaml, Instant start) {
    DbqConfig config = new ConfigLoader(Map.of()).parse("test.yml", configYaml);
    ConsoleClock clock = new ConsoleClock(config.rounds().zone(), start);
    RecordingGateway gateway = new RecordingGateway();
    Bot bot = new Bot(database, config, TestBanks.library(), gateway, clock, new SplittableRandom(42));
    return new TestBot(bot, clock, gateway);
  }

  public Bot bot() {
    return bot;
  }

  public ConsoleClock clock() {
    return clock;
  }

  public RecordingGateway gateway() {
    return gateway;
  }

  /** Runs a {@code /dbq} line in #general, through the one inbound entry, as a user who is not an admin. */
  public Reply command(String user, String line) {
    return bot.inbound().command(new Caller(GENERAL, user, false), line);
  }

  /** Runs a {@code /dbq} line in #general as a user the platform calls an admin. */
  public Reply adminCommand(String user, String line) {
    return bot.inbound().command(new Caller(GENERAL, user, true), line);
  }
}
