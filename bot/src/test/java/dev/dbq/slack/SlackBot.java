package dev.dbq.slack;

import dev.dbq.app.Bot;
import dev.dbq.app.BotRuntime;
import dev.dbq.app.HttpRoutes;
import dev.dbq.app.Platform;
import dev.dbq.chat.AnswerDeadline;
import dev.dbq.chat.ChannelGateway;
import dev.dbq.chat.CorePorts;
import dev.dbq.config.ConfigLoader;
import dev.dbq.config.DbqConfig;
import dev.dbq.console.ConsoleClock;
import dev.dbq.http.BotReadiness;
import dev.dbq.http.HttpServer;
import dev.dbq.store.Database;
import dev.dbq.testsupport.ProbeInbound;
import dev.dbq.testsupport.TestBanks;
import dev.dbq.testsupport.slack.FakeSlack;
import dev.dbq.testsupport.slack.SignedRequests;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * The whole bot on a test database with Slack as its only platform, talking to a {@link
 * FakeSlack} through the real Bolt code, and the process's HTTP server on a free loopback port.
 * The bot's clock moves only when told; request signatures use the real time, as Slack's do.
 * The fake's message {@code ts}s follow the bot's clock, as Slack's follow the real time that the
 * bot's clock is in production.
 */
final class SlackBot implements AutoCloseable {

  final FakeSlack slack;
  final ConsoleClock clock;
  final HttpServer http;
  final BotRuntime runtime;
  /**
   * How long each retry waited (the Web API's, and the core's after a round's post was
   * rate-limited); nothing really waits unless {@link #holdRetries} is set (Web API only).
   */
  final List<Duration> retryWaits = new CopyOnWriteArrayList<>();
  /** When set, a retry waits until the test opens this gate (a command slower than Slack's 3 s). */
  volatile CountDownLatch holdRetries;

  /** The inbound Slack delivers to: the bot's own, or a test's probe around it. */
  private volatile ProbeInbound probe;

  private SlackBot(
      FakeSlack slack, Database database, Map<String, String> env, String configYaml, Instant start, AnswerDeadline.Budget budget) {
    this.slack = slack;
    DbqConfig config = new ConfigLoader(Map.of()).parse("test.yml", configYaml);
    this.clock = new ConsoleClock(config.rounds().zone(), start);
    slack.useClock(clock);
    SlackSettings settings = SlackSettings.fromEnvironment(env).orElseThrow();
    SlackPlatform slackPlatform = new SlackPlatform(settings, Clock.systemUTC(), wait -> {
      retryWaits.add(wait);
      CountDownLatch gate = holdRetries;
      if (gate != null && !gate.await(30, TimeUnit.SECONDS)) {
        throw new IllegalStateException("the test never let the held retry go on");
      }
    }, budget);
    Platform platform = new Platform() {
      @Override
      public String name() {
        return slackPlatform.name();
      }

      @Override
      public ChannelGateway gateway() {
        return slackPlatform.gateway();
      }

      @Override
      public void start(CorePorts core, HttpRoutes routes) {
        probe = new ProbeInbound(core.inbound());
        slackPlatform.start(new CorePorts(probe, core.counters(), core.rounds()), routes);
      }

      @Override
      public boolean ready() {
        return slackPlatform.ready();
      }

      @Override
      public Optional<String> trouble() {
        return slackPlatform.trouble();
      }

      @Override
      public void close() {
        slackPlatform.close();
      }
    };
    Bot bot = new Bot(database, config, TestBanks.library(), BotRuntime.router(List.of(platform)), clock, new SplittableRandom(42),
        (wait, retry) -> {
          retryWaits.add(wait);
          retry.run();
        });
    this.http = new HttpServer(0);
    this.runtime = BotRuntime.start(bot, List.of(platform), http);
    http.start(new BotReadiness(runtime));
  }

  /** Slack over HTTP: requests go to {@link #eventsUrl()}, signed with {@link SignedRequests#SIGNING_SECRET}. */
  static SlackBot overHttp(Database database, String configYaml, Instant start) {
    return overHttp(database, configYaml, start, AnswerDeadline.Budget.SLACK);
  }

  /** Over HTTP, answering commands within {@code budget} (short ones make a slow command's test fast). */
  static SlackBot overHttp(Database database, String configYaml, Instant start, AnswerDeadline.Budget budget) {
    FakeSlack slack = FakeSlack.start();
    return new SlackBot(slack, database, Map.of(
        SlackSettings.BOT_TOKEN, FakeSlack.BOT_TOKEN,
        SlackSettings.SIGNING_SECRET, SignedRequests.SIGNING_SECRET,
        SlackSettings.API_URL, slack.apiUrl()), configYaml, start, budget);
  }

  /** Slack over Socket Mode: the fake pushes envelopes over its WebSocket. */
  static SlackBot overSocketMode(Database database, String configYaml, Instant start) {
    return overSocketMode(database, configYaml, start, AnswerDeadline.Budget.SLACK);
  }

  /** Over Socket Mode, acknowledging envelopes of commands within {@code budget}. */
  static SlackBot overSocketMode(Database database, String configYaml, Instant start, AnswerDeadline.Budget budget) {
    FakeSlack slack = FakeSlack.start();
    return new SlackBot(slack, database, Map.of(
        SlackSettings.BOT_TOKEN, FakeSlack.BOT_TOKEN,
        SlackSettings.APP_TOKEN, FakeSlack.APP_TOKEN,
        SlackSettings.API_URL, slack.apiUrl()), configYaml, start, budget);
  }

  String eventsUrl() {
    return "http://127.0.0.1:" + http.port() + SlackPlatform.EVENTS_PATH;
  }

  /** Signs and sends requests to {@link #eventsUrl()}, as Slack does. */
  SignedRequests signed() {
    return new SignedRequests(URI.create(eventsUrl()), SignedRequests.SIGNING_SECRET);
  }

  String url(String path) {
    return "http://127.0.0.1:" + http.port() + path;
  }

  /** On the management port: {@code /readyz}, {@code /metrics}. */
  String managementUrl(String path) {
    return "http://127.0.0.1:" + http.managementPort() + path;
  }

  Bot bot() {
    return runtime.bot();
  }

  /**
   * What Slack delivers goes through this probe to the bot: {@code /dbq probe-form} opens its
   * form, and submissions are recorded (no feature opens a form yet).
   */
  ProbeInbound probe() {
    return probe;
  }

  @Override
  public void close() {
    runtime.close();
    http.close();
    slack.close();
  }
}
