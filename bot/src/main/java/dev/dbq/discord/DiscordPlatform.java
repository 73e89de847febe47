package dev.dbq.discord;

import dev.dbq.app.ApiTrouble;
import dev.dbq.app.HttpRoutes;
import dev.dbq.app.Platform;
import dev.dbq.app.PlatformException;
import dev.dbq.chat.AnswerDeadline;
import dev.dbq.chat.ChannelGateway;
import dev.dbq.chat.CorePorts;
import dev.dbq.chat.Inbound;
import dev.dbq.chat.PlatformCounters;
import dev.dbq.config.DbqConfig;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import net.dv8tion.jda.api.JDA;
import net.dv8tion.jda.api.entities.Guild;
import net.dv8tion.jda.api.events.session.ReadyEvent;
import net.dv8tion.jda.api.events.session.ShutdownEvent;
import net.dv8tion.jda.api.exceptions.ErrorResponseException;
import net.dv8tion.jda.api.exceptions.InvalidTokenException;
import net.dv8tion.jda.api.hooks.ListenerAdapter;
import net.dv8tion.jda.api.interactions.commands.build.SlashCommandData;
import net.dv8tion.jda.api.requests.GatewayIntent;
import net.dv8tion.jda.api.requests.RestConfig;
import net.dv8tion.jda.api.sharding.DefaultShardManagerBuilder;
import net.dv8tion.jda.api.sharding.ShardManager;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Discord through JDA's shard manager: this process runs the shards named in
 * {@code discord.shards}, so a bot in many guilds splits across processes on one database.
 * Enabled by {@code DISCORD_BOT_TOKEN}; {@code DISCORD_API_URL} and {@code DISCORD_GATEWAY_URL}
 * point it elsewhere (a proxy, the tests' fake Discord).
 *
 * <p>It asks for GUILD_MESSAGES only (JDA adds GUILDS): thread replies count by author and
 * channel, so no privileged intent is needed, and every cache needing one is off.
 */
public final class DiscordPlatform implements Platform {

  public static final String NAME = "discord";
  static final String TOKEN_VARIABLE = "DISCORD_BOT_TOKEN";
  static final String API_URL_VARIABLE = "DISCORD_API_URL";
  static final String GATEWAY_URL_VARIABLE = "DISCORD_GATEWAY_URL";
  static final String DEFAULT_API_URL = "https://discord.com/api/v10/";
  static final Duration READY_TIMEOUT = Duration.ofSeconds(60);
  private static final Duration CLOSE_GRACE = Duration.ofSeconds(5);

  private static final Logger log = LoggerFactory.getLogger(DiscordPlatform.class);

  private final String token;
  private final String apiUrl;
  private final String gatewayUrl;
  private final DbqConfig.Discord settings;
  private final Duration readyTimeout;
  private final AnswerDeadline.Budget budget;
  private final DiscordGateway gateway;
  private final ApiTrouble apiTrouble = new ApiTrouble("Discord's API");
  private final ExecutorService work = Executors.newCachedThreadPool(daemon("dbq-discord-"));
  private final ScheduledExecutorService timers = Executors.newSingleThreadScheduledExecutor(daemon("dbq-discord-defer-"));
  private volatile ShardManager shards;

  DiscordPlatform(
      String token, String apiUrl, String gatewayUrl, DbqConfig.Discord settings, Duration readyTimeout, AnswerDeadline.Budget budget) {
    this.token = token;
    this.budget = budget;
    this.apiUrl = apiUrl;
    this.gatewayUrl = gatewayUrl;
    this.gateway = new DiscordGateway(settings.shardsTotal(), settings.shardIds());
    this.settings = settings;
    this.readyTimeout = readyTimeout;
  }

  /**
   * Discord when {@code DISCORD_BOT_TOKEN} is set, else empty.
   *
   * @throws PlatformException when DISCORD_API_URL or DISCORD_GATEWAY_URL is not a URL
   */
  public static Optional<Platform> fromEnvironment(Map<String, String> environment, DbqConfig config) {
    return configured(environment, config).map(Platform.class::cast);
  }

  static Optional<DiscordPlatform> configured(Map<String, String> environment, DbqConfig config) {
    String token = environment.get(TOKEN_VARIABLE);
    if (token == null || token.isBlank()) {
      return Optional.empty();
    }
    String api = url(API_URL_VARIABLE, environment.getOrDefault(API_URL_VARIABLE, ""), DEFAULT_API_URL, "http");
    String gatewayOverride = environment.getOrDefault(GATEWAY_URL_VARIABLE, "");
    String gatewayUrl = gatewayOverride.isBlank() ? null : url(GATEWAY_URL_VARIABLE, gatewayOverride, null, "ws");
    return Optional.of(new DiscordPlatform(token.strip(), api.endsWith("/") ? api : api + "/", gatewayUrl, config.discord(), READY_TIMEOUT,
        AnswerDeadline.Budget.DISCORD));
  }

  /** The same platform, giving up on the gateway's READY after {@code timeout}. */
  DiscordPlatform readyWithin(Duration timeout) {
    return new DiscordPlatform(token, apiUrl, gatewayUrl, settings, timeout, budget);
  }

  /** The same platform, answering interactions within {@code windows} (shorter ones in tests). */
  DiscordPlatform answeringWithin(AnswerDeadline.Budget windows) {
    return new DiscordPlatform(token, apiUrl, gatewayUrl, settings, readyTimeout, windows);
  }

  private static String url(String variable, String value, String fallback, String scheme) {
    String text = value.isBlank() ? fallback : value.strip();
    try {
      URI uri = new URI(text);
      if (uri.getScheme() == null || !uri.getScheme().toLowerCase().startsWith(scheme) || uri.getHost() == null) {
        throw new URISyntaxException(text, "expected a " + scheme + "(s):// URL");
      }
      return text;
    } catch (URISyntaxException e) {
      throw new PlatformException(variable + " is not a " + scheme + "(s):// URL: '" + text + "'");
    }
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
    connect(core.inbound(), core.counters());
  }

  /**
   * Connects every shard of this process, delivering what Discord sends to {@code inbound} and
   * counting the API's trouble in {@code metrics}.
   */
  void connect(Inbound inbound, PlatformCounters metrics) {
    JdaMessages.mentionNobodyByDefault();
    Readiness readiness = new Readiness(settings.shardIds().size());
    DefaultShardManagerBuilder builder =
        DefaultShardManagerBuilder.createLight(token, EnumSet.of(GatewayIntent.GUILD_MESSAGES))
            .setShardsTotal(settings.shardsTotal())
            .setShards(settings.shardIds())
            .setRestConfig(new RestConfig().setBaseUrl(apiUrl))
            .setHttpClientBuilder(ApiTroubleCounter.httpClient(metrics, apiTrouble))
            .setSessionController(new GatewayUrlSessionController(gatewayUrl, settings.shardsTotal()))
            // Raw events: held-back thread messages; passthrough: the member permissions sent with an interaction.
            .setRawEventsEnabled(true)
            .setEventPassthrough(true)
            .setEnableShutdownHook(false)
            .addEventListeners(readiness, new DiscordInteractions(inbound, new AnswerDeadline(budget, work, timers), work, new LostAnswers(metrics), apiUrl), new ThreadReplies(inbound, work));
    try {
      shards = builder.build();
    } catch (InvalidTokenException e) {
      throw fail(badToken());
    } catch (ErrorResponseException e) {
      throw fail(e.getResponse() != null && e.getResponse().code == 401 ? badToken() : unreachable(e));
    } catch (RuntimeException e) {
      throw fail(unreachable(e));
    }
    readiness.await(readyTimeout, this);
    gateway.bind(shards);
    registerCommands(inbound);
    log.info("Discord connected: shards {} of {}", settings.shardIds(), settings.shardsTotal());
  }

  private String badToken() {
    return "Discord rejected " + TOKEN_VARIABLE + " (401 Unauthorized): copy the bot token again from the Developer Portal's Bot page";
  }

  private String unreachable(Exception e) {
    return "Discord is unreachable at " + API_URL_VARIABLE + "=" + apiUrl + ": " + oneLine(e);
  }

  private String gatewayDescription() {
    return gatewayUrl != null
        ? GATEWAY_URL_VARIABLE + "=" + gatewayUrl
        : "the gateway URL from GET gateway/bot on " + API_URL_VARIABLE + "=" + apiUrl;
  }

  private PlatformException fail(String message) {
    close();
    return new PlatformException(message);
  }

  /** The definition in the dev guild if set (instantly visible), else globally, and only if changed. */
  private void registerCommands(Inbound inbound) {
    SlashCommandData definition = SlashCommands.definition(inbound.commands());
    try {
      if (settings.devGuild().isPresent()) {
        Guild guild = shards.getGuildById(settings.devGuild().get());
        if (guild == null) {
          log.warn("discord.dev_guild {} is not on a shard of this process (or the bot is not in it): /dbq not registered there",
              settings.devGuild().get());
          return;
        }
        CommandRegistration.ensure(definition, "in guild " + guild.getId(), guild.retrieveCommands(), d -> guild.updateCommands().addCommands(d));
      } else {
        // One process registers: the one running shard 0.
        JDA first = shards.getShardById(0);
        if (first != null) {
          CommandRegistration.ensure(definition, "globally", first.retrieveCommands(), d -> first.updateCommands().addCommands(d));
        }
      }
    } catch (RuntimeException e) {
      // The previous registration keeps working; everything else does too.
      log.error("Could not register /dbq with Discord: {}", oneLine(e));
    }
  }

  @Override
  public Optional<String> trouble() {
    return apiTrouble.now();
  }

  @Override
  public boolean ready() {
    ShardManager manager = shards;
    return manager != null
        && manager.getShardsRunning() == settings.shardIds().size()
        && manager.getShards().stream().allMatch(s -> s.getStatus() == JDA.Status.CONNECTED);
  }

  @Override
  public void close() {
    ShardManager manager = shards;
    if (manager != null) {
      manager.shutdown();
    }
    // Let answers and thread replies already taken finish, so none is cut off half-written.
    work.shutdown();
    try {
      if (!work.awaitTermination(CLOSE_GRACE.toMillis(), TimeUnit.MILLISECONDS)) {
        log.warn("Discord work still running after {} s: interrupted", CLOSE_GRACE.toSeconds());
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    work.shutdownNow();
    timers.shutdownNow();
  }

  private static String oneLine(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    String message = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    return message.replaceAll("\\s+", " ").strip();
  }

  private static java.util.concurrent.ThreadFactory daemon(String prefix) {
    AtomicInteger count = new AtomicInteger();
    return task -> {
      Thread thread = new Thread(task, prefix + count.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    };
  }

  /** Every shard of this process sent READY (guilds loaded), or one was shut down for good. */
  private static final class Readiness extends ListenerAdapter {
    private final AtomicInteger waiting;
    private final CompletableFuture<Void> done = new CompletableFuture<>();

    Readiness(int shards) {
      this.waiting = new AtomicInteger(shards);
    }

    @Override
    public void onReady(ReadyEvent event) {
      if (waiting.decrementAndGet() == 0) {
        done.complete(null);
      }
    }

    @Override
    public void onShutdown(ShutdownEvent event) {
      done.completeExceptionally(new IllegalStateException(
          event.getCloseCode() == null ? "closed with code " + event.getCode() : event.getCloseCode().getMeaning()));
    }

    void await(Duration timeout, DiscordPlatform platform) {
      try {
        done.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
      } catch (TimeoutException e) {
        throw platform.fail("Discord's gateway sent no READY within " + timeout.toSeconds() + " s ("
            + platform.gatewayDescription() + ")");
      } catch (ExecutionException e) {
        String reason = e.getCause().getMessage();
        throw platform.fail(reason != null && reason.toLowerCase().contains("authenticat")
            ? platform.badToken()
            : "Discord's gateway closed the connection (" + platform.gatewayDescription() + "): " + reason);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw platform.fail("interrupted while connecting to Discord");
      }
    }
  }
}
