package dev.dbq.app;

import dev.dbq.bank.BankLibrary;
import dev.dbq.chat.ChannelGateway;
import dev.dbq.chat.GatewayRouter;
import dev.dbq.config.DbqConfig;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;

/**
 * One process: the bot built once, every platform started on it, the whole stopped together.
 * Each platform's round posts go to its own gateway through a {@link GatewayRouter}.
 */
public final class BotRuntime implements AutoCloseable {

  private final Bot bot;
  private final List<Platform> platforms;
  private final List<Platform> started = new ArrayList<>();

  private BotRuntime(Bot bot, List<Platform> platforms) {
    this.bot = bot;
    this.platforms = List.copyOf(platforms);
  }

  /**
   * Opens the database, builds the bot and starts each platform in order. When a platform
   * cannot start, the ones already started are stopped and its {@link PlatformException} is
   * thrown.
   */
  public static BotRuntime start(
      DbqConfig config, BankLibrary library, List<Platform> platforms, Clock clock, RandomGenerator random, HttpRoutes http) {
    return start(Bot.open(config, library, router(platforms), clock, random), platforms, http);
  }

  /** Starts each platform on a bot already built on {@link #router(List)} of the same platforms. */
  public static BotRuntime start(Bot bot, List<Platform> platforms, HttpRoutes http) {
    BotRuntime runtime = new BotRuntime(bot, platforms);
    try {
      for (Platform platform : platforms) {
        platform.start(bot.ports(), http);
        runtime.started.add(platform);
      }
    } catch (RuntimeException e) {
      runtime.close();
      throw e;
    }
    return runtime;
  }

  /** Routes each channel's messages to the gateway of its platform. */
  public static ChannelGateway router(List<Platform> platforms) {
    Map<String, ChannelGateway> byName = new LinkedHashMap<>();
    for (Platform platform : platforms) {
      if (byName.put(platform.name(), platform.gateway()) != null) {
        throw new IllegalArgumentException("two platforms are both named " + platform.name());
      }
    }
    return new GatewayRouter(byName);
  }

  public Bot bot() {
    return bot;
  }

  public List<Platform> platforms() {
    return platforms;
  }

  /** Whether every platform is connected (for {@code /readyz}). */
  public boolean ready() {
    return started.size() == platforms.size() && platforms.stream().allMatch(Platform::ready);
  }

  @Override
  public void close() {
    for (int i = started.size() - 1; i >= 0; i--) {
      started.get(i).close();
    }
    bot.close();
  }
}
