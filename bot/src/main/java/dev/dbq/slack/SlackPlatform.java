package dev.dbq.slack;

import com.slack.api.Slack;
import com.slack.api.SlackConfig;
import com.slack.api.bolt.App;
import com.slack.api.bolt.AppConfig;
import com.slack.api.bolt.socket_mode.SocketModeApp;
import com.slack.api.methods.MethodsClient;
import com.slack.api.methods.response.auth.AuthTestResponse;
import com.slack.api.model.event.AppHomeOpenedEvent;
import com.slack.api.model.event.MessageEvent;
import com.slack.api.model.event.MessageThreadBroadcastEvent;
import com.slack.api.socket_mode.SocketModeClient;
import com.slack.api.util.http.SlackHttpClient;
import dev.dbq.app.HttpRoutes;
import dev.dbq.app.Platform;
import dev.dbq.app.PlatformException;
import dev.dbq.chat.AnswerDeadline;
import dev.dbq.chat.ChannelGateway;
import dev.dbq.chat.CorePorts;
import dev.dbq.chat.Inbound;
import dev.dbq.config.DbqConfig;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;
import okhttp3.OkHttpClient;
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
  /** How long closing waits for replies in progress. */
  private static final Duration DRAIN = Duration.ofSeconds(5);

  private static final Logger log = LoggerFactory.getLogger(SlackPlatform.class);

  private final SlackSettings settings;
  private final Clock wallClock;
  private final Slack slack;
  /** The client of round posts, which never resends a request silently (see {@link #posting}). */
  private final Slack postingSlack;
  private final MethodsClient methods;
  private final WebApi webApi;
  private final SlackGateway gateway;
  private final ExecutorService work;
  /** Fires the acknowledgements of slow commands (see {@link AnswerDeadline}). */
  private final ScheduledExecutorService timers;
  private final AnswerDeadline.Budget budget;
  private volatile App app;
  private volatile SocketModeApp socket;
  private volatile boolean closed;

  /**
   * @param wallClock the real time, for request timestamps and caches (never the bot's
   *     simulated clock: Slack signs with the real one)
   */
  SlackPlatform(SlackSettings settings, Clock wallClock, WebApi.Sleeper sleeper) {
    this(settings, wallClock, sleeper, AnswerDeadline.Budget.SLACK);
  }

  /** @param budget Slack's windows to answer a command ({@link AnswerDeadline.Budget#SLACK}; shorter in tests) */
  SlackPlatform(SlackSettings settings, Clock wallClock, WebApi.Sleeper sleeper, AnswerDeadline.Budget budget) {
    this.settings = settings;
    this.budget = budget;
    this.wallClock = wallClock;
    SlackConfig config = new SlackConfig();
    config.setMethodsEndpointUrlPrefix(settings.apiUrl());
    config.setStatsEnabled(false); // its team-id lookups log stack traces when Slack is unreachable
    this.slack = Slack.getInstance(config);
    this.methods = slack.methods(settings.botToken());
    this.webApi = new WebApi(sleeper);
    this.postingSlack = posting(config);
    this.gateway = new SlackGateway(postingSlack.methods(settings.botToken()), webApi);
    this.work = Executors.newFixedThreadPool(WORKERS, daemonThreads("dbq-slack-"));
    this.timers = Executors.newSingleThreadScheduledExecutor(daemonThreads("dbq-slack-timer-"));
  }

  /**
   * A client for posts: OkHttp by default sends a request again when its connection fails,
   * even after the request went out, and Slack may have posted it already (a lost answer would
   * post a round twice). Without that, a failed post is the core's to retry, after it looked
   * whether the post landed.
   */
  private static Slack posting(SlackConfig config) {
    OkHttpClient client = SlackHttpClient.buildOkHttpClient(config).newBuilder().retryOnConnectionFailure(false).build();
    return Slack.getInstance(config, new SlackHttpClient(client));
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
  public void start(CorePorts core, HttpRoutes http) {
    webApi.countIn(core.counters());
    Inbound inbound = core.inbound();
    checkBotToken();
    App bolt = new App(appConfig());
    try {
      bolt.start(); // Bolt's own auth.test, for its authorization middleware
    } catch (IllegalArgumentException e) {
      throw new PlatformException("Slack: " + SlackSettings.BOT_TOKEN + " was not accepted (" + e.getMessage() + ")", e);
    }
    Callers callers = new Callers(new SlackAdmins(methods, webApi, wallClock));
    AnswerDeadline deadline = new AnswerDeadline(budget, work, timers);
    SlackForms forms = new SlackForms(inbound, callers, methods, webApi, gateway, work);
    SlashCommandListener commands = new SlashCommandListener(inbound, callers, work, deadline, core.counters(), forms);
    ButtonListener buttons = new ButtonListener(inbound, callers, work, forms);
    MessageEventListener messages = new MessageEventListener(inbound);
    HomeTabListener home = new HomeTabListener(inbound, methods, webApi);
    bolt.command(COMMAND, commands::handle);
    bolt.blockAction(Pattern.compile("^" + SlackBlocks.ACTION_ID_PREFIX + "\\d+$"), buttons::handle);
    bolt.viewSubmission(SlackForms.CALLBACK, forms::submitted);
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
      RequestSignature signature = new RequestSignature(settings.signingSecret(), wallClock);
      http.add(EVENTS_PATH, new SlackEndpoint(bolt, signature, new Refusals(core.counters(), wallClock)));
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
        // SlackEndpoint checks every HTTP request's signature before Bolt sees it, over the raw
        // bytes, in constant time, old and future stamps alike. Bolt's check would be a weaker
        // second one: it hashes the body re-encoded in the platform's default charset (not
        // UTF-8 on Java 17 under a C locale, which would refuse Slack's non-ASCII events).
        .requestVerificationEnabled(false)
        // Single-team: the workspace and bot user are those of the auth.test at start, for good.
        // Bolt would ask again when its 10-minute cache expires (and on the first request, which
        // it counts as expired), failing every request with a 500 while the Web API is down,
        // even commands answered from memory. A revoked token shows in the Web API calls instead.
        .authTestCacheExpirationMillis(-1)
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
  public Optional<String> trouble() {
    return webApi.trouble().now();
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
    // Replies already being worked on still go out (through their response_url) before the
    // client closes; whatever is still running after a few seconds is stopped.
    work.shutdown();
    try {
      if (!work.awaitTermination(DRAIN.toMillis(), TimeUnit.MILLISECONDS)) {
        log.warn("Slack replies still running after {} s were stopped", DRAIN.toSeconds());
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    work.shutdownNow();
    // A pending acknowledgement or follow-up window ends with the process.
    timers.shutdownNow();
    try {
      slack.close();
      postingSlack.close();
    } catch (Exception e) {
      log.warn("the Slack client did not close cleanly: {}", e.getMessage());
    }
  }

  @Override
  public String toString() {
    return settings.toString();
  }

  private static ThreadFactory daemonThreads(String prefix) {
    AtomicInteger count = new AtomicInteger();
    return runnable -> {
      Thread thread = new Thread(runnable, prefix + count.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    };
  }
}
