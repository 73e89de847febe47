package dev.dbq.slack;

import com.slack.api.Slack;
import com.slack.api.SlackConfig;
import com.slack.api.bolt.App;
import com.slack.api.bolt.AppConfig;
import com.slack.api.bolt.jakarta_servlet.SlackAppServlet;
import com.slack.api.bolt.socket_mode.SocketModeApp;
import com.slack.api.methods.MethodsClient;
import com.slack.api.methods.response.auth.AuthTestResponse;
import com.slack.api.model.event.AppHomeOpenedEvent;
import com.slack.api.model.event.MessageEvent;
import com.slack.api.model.event.MessageThreadBroadcastEvent;
import com.slack.api.socket_mode.SocketModeClient;
import dev.dbq.app.Bot;
import dev.dbq.app.HttpRoutes;
import dev.dbq.app.Platform;
import dev.dbq.app.PlatformException;
import dev.dbq.chat.ChannelGateway;
import dev.dbq.config.DbqConfig;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * dbq in a Slack workspace, through Bolt: over HTTP ({@code /slack/events} on the process's HTTP
 * server, every request signature-checked) or over Socket Mode (no public URL; the SDK
 * reconnects on {@code disconnect} and on a dropped socket). Channels are
 * {@code ("slack", team_id, channel_id)}.
 */
public final class SlackPlatform implements Platform {

  public static final String NAME = "slack";
  public static final String EVENTS_PATH = "/slack/events";
  static final String COMMAND = "/dbq";
  /** Handlers of Socket Mode messages running at once. */
  private static final int SOCKET_CONCURRENCY = 4;
  private static final int WORKERS = 8;

  private static final Logger log = LoggerFactory.getLogger(SlackPlatform.class);

  private final SlackSettings settings;
  private final Clock wallClock;
  private final Slack slack;
  private final MethodsClient methods;
  private final WebApi webApi;
  private final SlackGateway gateway;
  private final ExecutorService work;
  private volatile App app;
  private volatile SocketModeApp socket;
  private volatile boolean closed;

  /**
   * @param wallClock the real time, for request timestamps and caches (never the bot's
   *     simulated clock: Slack signs with the real one)
   */
  SlackPlatform(SlackSettings settings, Clock wallClock, WebApi.Sleeper sleeper) {
    this.settings = settings;
    this.wallClock = wallClock;
    SlackConfig config = new SlackConfig();
    config.setMethodsEndpointUrlPrefix(settings.apiUrl());
    config.setStatsEnabled(false); // its team-id lookups log stack traces when Slack is unreachable
    this.slack = Slack.getInstance(config);
    this.methods = slack.methods(settings.botToken());
    this.webApi = new WebApi(sleeper);
    this.gateway = new SlackGateway(methods, webApi);
    this.work = Executors.newFixedThreadPool(WORKERS, daemonThreads());
  }

  /**
   * Slack when its credentials are in the environment, else empty.
   *
   * @param config not read yet: Slack's settings are secrets, which come from the environment only
   * @throws PlatformException naming the missing or bad variable when they are incomplete
   */
  public static Optional<Platform> fromEnvironment(Map<String, String> env, DbqConfig config) {
    return SlackSettings.fromEnvironment(env).map(s -> new SlackPlatform(s, Clock.systemUTC(), WebApi.Sleeper.REAL));
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public ChannelGateway gateway() {
    return gateway;
  }

  @Override
  public void start(Bot bot, HttpRoutes http) {
    webApi.countIn(bot.metrics());
    checkBotToken();
    App bolt = new App(appConfig());
    try {
      bolt.start(); // Bolt's own auth.test, for its authorization middleware
    } catch (IllegalArgumentException e) {
      throw new PlatformException("Slack: " + SlackSettings.BOT_TOKEN + " was not accepted (" + e.getMessage() + ")", e);
    }
    bolt.use(new FreshRequests(wallClock));
    Callers callers = new Callers(new SlackAdmins(methods, webApi, wallClock));
    SlashCommandListener commands = new SlashCommandListener(bot.inbound(), callers, work);
    ButtonListener buttons = new ButtonListener(bot.inbound(), callers, work);
    MessageEventListener messages = new MessageEventListener(bot.inbound());
    HomeTabListener home = new HomeTabListener(bot.inbound(), methods, webApi);
    bolt.command(COMMAND, commands::handle);
    bolt.blockAction(Pattern.compile("^" + SlackBlocks.ACTION_ID_PREFIX + "\\d+$"), buttons::handle);
    bolt.event(MessageEvent.class, (payload, ctx) -> {
      messages.handle(payload);
      return ctx.ack();
    });
    bolt.event(MessageThreadBroadcastEvent.class, (payload, ctx) -> {
      messages.handleBroadcast(payload);
      return ctx.ack();
    });
    bolt.event(AppHomeOpenedEvent.class, (payload, ctx) -> {
      work.execute(() -> home.handle(payload));
      return ctx.ack();
    });
    app = bolt;
    if (settings.socketMode()) {
      startSocketMode(bolt);
    } else {
      http.add(EVENTS_PATH, new SlackAppServlet(bolt));
    }
    log.info("{} started", settings);
  }

  /** A refused token or an unreachable API fails the start with one clear line, not the first request. */
  private void checkBotToken() {
    AuthTestResponse auth;
    try {
      auth = webApi.answer("auth.test", () -> methods.authTest(r -> r));
    } catch (PlatformException e) {
      throw new PlatformException("Slack cannot be reached at " + settings.apiUrl() + " (" + SlackSettings.API_URL + "): " + e.getMessage(), e);
    }
    if (!auth.isOk()) {
      throw new PlatformException("Slack: " + SlackSettings.BOT_TOKEN + " was not accepted (auth.test: " + auth.getError() + ")");
    }
  }

  private AppConfig appConfig() {
    return AppConfig.builder()
        .slack(slack)
        .singleTeamBotToken(settings.botToken())
        .signingSecret(settings.signingSecret())
        // Every event gets its 200 at once, handled or not: Bolt would answer 404, and Slack retry.
        .allEventsApiAutoAckEnabled(true)
        .build();
  }

  private void startSocketMode(App bolt) {
    // Asked first so that a refused app token is one clear line, not a failed connection.
    var open = webApi.answer("apps.connections.open", () -> slack.methods(settings.appToken()).appsConnectionsOpen(r -> r));
    if (!open.isOk()) {
      throw new PlatformException("Slack: " + SlackSettings.APP_TOKEN + " was not accepted (apps.connections.open: " + open.getError() + ")");
    }
    try {
      socket = new SocketModeApp(settings.appToken(), bolt, SocketModeClient.Backend.JavaWebSocket, SOCKET_CONCURRENCY);
      socket.startAsync();
    } catch (Exception e) {
      throw new PlatformException("Slack Socket Mode could not connect: " + e.getMessage(), e);
    }
  }

  @Override
  public boolean ready() {
    if (closed || app == null || app.status() != App.Status.Running) {
      return false;
    }
    if (!settings.socketMode()) {
      return true;
    }
    SocketModeClient client = socket == null ? null : socket.getClient();
    return client != null && client.verifyConnection();
  }

  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    try {
      if (socket != null) {
        socket.close();
      } else if (app != null) {
        app.stop();
      }
    } catch (Exception e) {
      log.warn("Slack did not stop cleanly: {}", e.getMessage());
    }
    work.shutdownNow();
    try {
      slack.close();
    } catch (Exception e) {
      log.warn("the Slack client did not close cleanly: {}", e.getMessage());
    }
  }

  @Override
  public String toString() {
    return settings.toString();
  }

  private static ThreadFactory daemonThreads() {
    AtomicInteger count = new AtomicInteger();
    return runnable -> {
      Thread thread = new Thread(runnable, "dbq-slack-" + count.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    };
  }
}
