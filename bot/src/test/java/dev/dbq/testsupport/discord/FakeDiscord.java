package dev.dbq.testsupport.discord;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dbq.testsupport.discord.FakeGuild.FakeChannel;
import dev.dbq.testsupport.discord.FakeGuild.FakeMember;
import dev.dbq.testsupport.discord.FakeGuild.FakeUser;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.eclipse.jetty.websocket.server.WebSocketUpgradeHandler;

/**
 * A loopback Discord for tests: REST below {@link #restBaseUrl()} and a gateway WebSocket at
 * {@link #gatewayUrl()}, speaking what the real JDA 6 client sends and expects, so tests drive
 * the real client — nothing of JDA is mocked.
 *
 * <h2>Pointing JDA at it (what production code must do)</h2>
 * Production reads {@code DISCORD_BOT_TOKEN}, {@code DISCORD_API_URL} (REST base, default
 * {@code https://discord.com/api/v10/}) and optionally {@code DISCORD_GATEWAY_URL};
 * {@link #environment()} gives the first two for this fake. The client must be built like this:
 * <pre>{@code
 * DefaultShardManagerBuilder.createLight(token, GatewayIntent.GUILD_MESSAGES) // GUILDS is implied
 *     .setRestConfig(new RestConfig().setBaseUrl(apiUrl))    // every REST call, gateway/bot too
 *     .setSessionController(new GatewayController(override)) // see below
 *     .setShardsTotal(total).setShards(ids)
 *     .setCompression(Compression.ZLIB)                      // the default: zlib-stream
 *     .addEventListeners(listener)
 *     .build();
 *
 * class GatewayController extends ConcurrentSessionController {
 *   private volatile String url;                 // null = ask gateway/bot
 *   GatewayController(String override) { this.url = override; }
 *   public ShardedGateway getShardedGateway(JDA api) {
 *     if (url != null) return new ShardedGateway(url, total, 1);
 *     ShardedGateway asked = super.getShardedGateway(api); // GET gateway/bot on apiUrl
 *     url = asked.getUrl();
 *     return asked;
 *   }
 *   public String getGateway() { return url != null ? url : super.getGateway(); }
 * }
 * }</pre>
 * Why: the shard manager takes the gateway URL from its session controller's
 * {@code getShardedGateway(jda)}, whose default ({@code ConcurrentSessionController}) asks
 * {@code GET gateway/bot} through the REST base — so the plain default already reaches this fake
 * when {@code DISCORD_API_URL} points at it. But JDA calls {@code getGateway()} (default: the
 * public {@code wss://gateway.discord.gg/}, whatever the REST base) whenever it has no URL: in a
 * plain {@code JDABuilder} always, and in the shard manager after a connection attempt failed
 * (it then resets its URL). Overriding {@code getGateway()} as above keeps reconnects on the same
 * gateway; {@code DISCORD_GATEWAY_URL} is the {@code override}. The fake also serves its gateway
 * at {@link #gatewayOverrideUrl()} so a test can tell an override from {@code gateway/bot}
 * ({@link #awaitConnection}). Resumes go to READY's {@code resume_gateway_url} (this gateway).
 *
 * <h2>What happens on connect</h2>
 * The shard manager calls {@code GET gateway/bot} and {@code GET users/@me}; the WebSocket gets
 * HELLO, the bot's IDENTIFY (recorded, {@link #awaitIdentify}; a wrong token closes with 4004, a
 * privileged intent with 4014 unless {@link Builder#allowPrivilegedIntents}), then READY
 * (guild unavailable, {@code session_id}, {@code resume_gateway_url}, {@code application.id})
 * and GUILD_CREATE with the {@link FakeGuild}'s channels, roles, the bot's own member and the
 * active threads. Heartbeats are acknowledged. {@code awaitReady()} on the shard returns then.
 *
 * <h2>Driving the bot</h2>
 * <ul>
 *   <li>{@link #slashCommand(FakeMember)} / {@link #autocomplete(FakeMember)} build a {@code /dbq}
 *       interaction (options, subcommand group, member with its {@code permissions} computed from
 *       its roles, {@code app_permissions}, token...) and {@link InteractionBuilder#send()} it;
 *       {@link #buttonPress} presses a button on a message the bot sent. The returned
 *       {@link FakeInteraction} waits for the callback, edits and followups.
 *   <li>{@link #messageCreate} sends MESSAGE_CREATE (content emptied unless the bot asked for
 *       MESSAGE_CONTENT, as Discord does); {@link #threadCreate} opens a thread and sends
 *       THREAD_CREATE; {@link #dispatch} sends any event. Events the bot's intents do not cover
 *       are not sent ({@code dispatch} returns false), as Discord does.
 *   <li>The fake also tells the bot about its own messages and threads (MESSAGE_CREATE for every
 *       non-ephemeral message it posts, THREAD_CREATE with {@code newly_created}), as Discord
 *       does — the bot must ignore its own messages.
 * </ul>
 *
 * <h2>Checking what the bot did</h2>
 * Every REST call is recorded ({@link RecordedRequest}: method, path below the base, JSON body,
 * status answered; the token is never stored): {@link #awaitRequest}, {@link #awaitRequests},
 * {@link #requests}; {@link #awaitMessagePost} and {@link #awaitThreadStart} for the usual
 * ones. Answers are Discord's: a posted message has a snowflake id, {@code channel_id}, the bot
 * as author, content, embeds, components, flags, timestamp; a thread on a message takes the
 * message's id (type 11, {@code parent_id}); a second thread on one message is refused (400,
 * code 160004); a second ack of an interaction is refused (400, code 40060). Command overwrites
 * ({@code PUT applications/{app}[/guilds/{guild}]/commands}) are kept and returned by the GETs.
 *
 * <h2>Faults</h2>
 * {@link #failNext(String, String, int, double)} answers the next matching call with a 429
 * ({@code Retry-After} header in whole seconds, {@code retry_after} in the body, not global)
 * and the calls after it normally: JDA waits and retries. Other statuses with
 * {@link #failNext(String, String, int, int, String)}. {@link #dropConnections} closes the
 * gateway so JDA resumes.
 *
 * <h2>In an end-to-end test of dbq</h2>
 * <pre>{@code
 * try (FakeDiscord discord = FakeDiscord.start()) {
 *   // start dbq with discord.environment() as its DISCORD_* environment, then:
 *   discord.awaitDispatched("GUILD_CREATE", 1, TIMEOUT);      // the bot is connected
 *   discord.awaitRequest("PUT", "applications/\\d+/(guilds/\\d+/)?commands", TIMEOUT);
 *   FakeInteraction random = discord.slashCommand(discord.guild().member("alice"))
 *       .subcommand("random").option("difficulty", "easy").send();
 *   JsonNode reply = random.awaitCallback(TIMEOUT);             // type 4 or 5, flags 64, ...
 * }
 * }</pre>
 * Events sent while JDA still sets the guild up are held by JDA and replayed, so nothing needs
 * to wait for more than the GUILD_CREATE.
 *
 * <p>Waits end as soon as what they wait for arrives; none sleeps.
 */
public final class FakeDiscord implements AutoCloseable {

  /** The token the fake accepts unless told otherwise (not a real token's shape on purpose). */
  public static final String DEFAULT_TOKEN = "fake-discord-bot-token";

  private final FakeGuild guild;
  private final String token;
  private final Snowflakes ids;
  private final DiscordState state;
  private final FakeGateway gateway;
  private final FakeRest rest;
  private final Server server;
  private final AwaitableLog<String> connections = new AwaitableLog<>("gateway connections");
  private final Instant joinedAt;
  private final String origin;

  private FakeDiscord(Builder builder) throws Exception {
    this.guild = builder.guild;
    this.token = builder.token;
    this.ids = new Snowflakes();
    // Everything the fake stamps follows the real clock, the one JDA judges ids and times by
    // (see Snowflakes); a test's simulated clock is the bot's business, not Discord's.
    Clock clock = ids.clock();
    this.joinedAt = clock.instant().minus(Duration.ofDays(30));
    this.state = new DiscordState(guild, ids, clock);
    this.gateway = new FakeGateway(guild, token, ids, clock, state::activeThreads,
        builder.allowPrivilegedIntents, (int) builder.heartbeat.toMillis());

    QueuedThreadPool threads = new QueuedThreadPool();
    threads.setName("fake-discord");
    threads.setDaemon(true);
    this.server = new Server(threads);
    ServerConnector connector = new ServerConnector(server);
    connector.setHost("127.0.0.1");
    connector.setPort(0);
    server.addConnector(connector);
    WebSocketUpgradeHandler webSockets = WebSocketUpgradeHandler.from(server, container -> {
      container.setIdleTimeout(Duration.ofMinutes(10)); // heartbeats come every 41 s
      container.setMaxTextMessageSize(1 << 20);
      for (String path : List.of("/gateway", "/gateway-override")) {
        container.addMapping(path, (request, response, callback) -> {
          String query = request.getHttpURI().getQuery() == null ? ""
              : request.getHttpURI().getQuery();
          connections.add(request.getHttpURI().getPath() + "?" + query);
          return gateway.open(query.contains("compress=zlib-stream"));
        });
      }
    });
    this.rest = new FakeRest(guild, token, state, this::gatewayUrl, this::dispatchQuietly);
    webSockets.setHandler(rest);
    server.setHandler(webSockets);
    server.start();
    this.origin = "127.0.0.1:" + connector.getLocalPort();
    gateway.resumeUrl(gatewayUrl());
  }

  public static FakeDiscord start() {
    return builder().start();
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Options for {@link #start()}. */
  public static final class Builder {
    private FakeGuild guild = FakeGuild.standard();
    private String token = DEFAULT_TOKEN;
    private boolean allowPrivilegedIntents;
    private Duration heartbeat = Duration.ofMillis(41_250);

    private Builder() {}

    public Builder guild(FakeGuild fakeGuild) {
      this.guild = fakeGuild;
      return this;
    }

    public Builder token(String botToken) {
      this.token = botToken;
      return this;
    }

    /** Lets IDENTIFY ask for GUILD_MEMBERS, GUILD_PRESENCES or MESSAGE_CONTENT. */
    public Builder allowPrivilegedIntents(boolean allow) {
      this.allowPrivilegedIntents = allow;
      return this;
    }

    public Builder heartbeatInterval(Duration interval) {
      this.heartbeat = interval;
      return this;
    }

    public FakeDiscord start() {
      try {
        return new FakeDiscord(this);
      } catch (Exception e) {
        throw new IllegalStateException("fake Discord did not start: " + e.getMessage(), e);
      }
    }
  }

  // ---- where it is

  /** E.g. {@code http://127.0.0.1:PORT/api/v10/} (with the trailing slash JDA expects). */
  public String restBaseUrl() {
    return "http://" + origin + FakeRest.BASE_PATH;
  }

  /** What {@code GET gateway/bot} returns: {@code ws://127.0.0.1:PORT/gateway}. */
  public String gatewayUrl() {
    return "ws://" + origin + "/gateway";
  }

  /** The same gateway under another path, to use as {@code DISCORD_GATEWAY_URL} in a test. */
  public String gatewayOverrideUrl() {
    return "ws://" + origin + "/gateway-override";
  }

  /**
   * The environment that points dbq at this fake: {@code DISCORD_BOT_TOKEN} and
   * {@code DISCORD_API_URL} (the gateway then comes from {@code GET gateway/bot}).
   */
  public Map<String, String> environment() {
    return Map.of("DISCORD_BOT_TOKEN", token, "DISCORD_API_URL", restBaseUrl());
  }

  /** {@link #environment()} plus {@code DISCORD_GATEWAY_URL} = {@link #gatewayOverrideUrl()}. */
  public Map<String, String> environmentWithGatewayOverride() {
    return Map.of("DISCORD_BOT_TOKEN", token, "DISCORD_API_URL", restBaseUrl(),
        "DISCORD_GATEWAY_URL", gatewayOverrideUrl());
  }

  public String token() {
    return token;
  }

  public FakeGuild guild() {
    return guild;
  }

  // ---- what the bot did

  /** Every REST call so far, in order of arrival. */
  public List<RecordedRequest> requests() {
    return rest.requests.snapshot();
  }

  /** The calls so far with this method whose path (below the base) matches the regex. */
  public List<RecordedRequest> requests(String method, String pathRegex) {
    return rest.requests.matching(r -> r.matches(method, pathRegex));
  }

  /** The first call with this method and path (regex over the path below the base). */
  public RecordedRequest awaitRequest(String method, String pathRegex, Duration timeout) {
    return awaitRequests(method, pathRegex, 1, timeout).get(0);
  }

  /** The first {@code count} such calls, waiting for them. */
  public List<RecordedRequest> awaitRequests(String method, String pathRegex, int count,
      Duration timeout) {
    return rest.requests.await(r -> r.matches(method, pathRegex), count, timeout,
        method.toUpperCase(Locale.ROOT) + " " + pathRegex);
  }

  /** The first call with this method and path that the fake accepted (2xx). */
  public RecordedRequest awaitAccepted(String method, String pathRegex, Duration timeout) {
    return rest.requests.await(r -> r.matches(method, pathRegex) && r.status() / 100 == 2, 1, timeout,
        method.toUpperCase(Locale.ROOT) + " " + pathRegex + " -> 2xx").get(0);
  }

  /** The body of the n-th (from 1) message the bot posted successfully to this channel. */
  public JsonNode awaitMessagePost(String channelId, int nth, Duration timeout) {
    return rest.requests.await(r -> r.matches("POST", "channels/" + channelId + "/messages")
        && r.status() == 200, nth, timeout, "message posted in " + channelId).get(nth - 1).body();
  }

  /** The n-th (from 1) thread the bot opened on a message of this channel. */
  public RecordedRequest awaitThreadStart(String channelId, int nth, Duration timeout) {
    return rest.requests.await(
        r -> r.matches("POST", "channels/" + channelId + "/messages/\\d+/threads")
            && r.status() == 201, nth, timeout, "thread opened in " + channelId).get(nth - 1);
  }

  /** The n-th (from 1) IDENTIFY payload ({@code token} replaced by a note whether it matched). */
  public JsonNode awaitIdentify(int nth, Duration timeout) {
    return gateway.identifies.await(i -> true, nth, timeout, "IDENTIFY").get(nth - 1);
  }

  /** The IDENTIFY payloads so far (a resumed session sends none). */
  public List<JsonNode> identifies() {
    return gateway.identifies.snapshot();
  }

  public JsonNode awaitIdentify(Duration timeout) {
    return awaitIdentify(1, timeout);
  }

  /** The n-th (from 1) gateway connection: its path and query, e.g. {@code /gateway?encoding=..}. */
  public String awaitConnection(int nth, Duration timeout) {
    return connections.await(c -> true, nth, timeout, "gateway connection").get(nth - 1);
  }

  /** Waits until the fake has sent the n-th event of this type (e.g. GUILD_CREATE). */
  public void awaitDispatched(String type, int nth, Duration timeout) {
    gateway.dispatched.await(type::equals, nth, timeout, type);
  }

  /** A message the bot posted or was shown, as Discord would return it now. */
  /** How many messages each channel (or thread) holds, by its id. */
  public Map<String, Integer> messagesPerChannel() {
    return state.messagesPerChannel();
  }

  public JsonNode message(String channelId, String messageId) {
    return state.message(channelId, messageId);
  }

  /** A channel or thread as {@code GET channels/{id}} returns it. */
  public JsonNode channel(String channelId) {
    return state.channel(channelId);
  }

  /** The commands registered in a guild (its id) or {@code "global"}. */
  public JsonNode registeredCommands(String scope) {
    return state.commands(scope);
  }

  /**
   * The body of the n-th (from 1) direct message the bot sent this user ({@code POST
   * users/@me/channels}, then {@code POST channels/{dm}/messages}), refused ones included.
   */
  public RecordedRequest awaitDirectMessage(FakeUser user, int nth, Duration timeout) {
    return rest.requests.await(r -> {
      String dm = state.directMessageChannelOf(user.idString());
      return dm != null && r.matches("POST", "channels/" + dm + "/messages");
    }, nth, timeout, "direct message to " + user.username()).get(nth - 1);
  }

  // ---- faults

  /** From now on this user takes no direct messages: a message to them is refused (403, 50007). */
  public void closeDirectMessages(FakeUser user) {
    state.closeDirectMessages(user.idString());
  }

  /**
   * Answers the next call matching method and path with a 429 (per-route limit, not global),
   * after which calls are answered normally.
   */
  public void failNext(String method, String pathRegex, int status, double retryAfterSeconds) {
    if (status != 429) {
      throw new IllegalArgumentException("a retry-after belongs to a 429; use the other failNext");
    }
    rest.failNext(method, pathRegex, 1, 429, rateLimitBody(retryAfterSeconds), rateLimitHeaders(retryAfterSeconds));
  }

  /**
   * From now on every request that {@code which} selects (it sees the request before it is
   * answered, with status 429) is answered with a 429 of its route (not global) and this
   * Retry-After, and does nothing; {@code request -> false} ends it.
   */
  public void rateLimitWhere(Predicate<RecordedRequest> which, double retryAfterSeconds) {
    rest.rateLimitWhere(which, rateLimitBody(retryAfterSeconds), rateLimitHeaders(retryAfterSeconds));
  }

  private static ObjectNode rateLimitBody(double retryAfterSeconds) {
    return Payloads.object().put("message", "You are being rate limited.")
        .put("retry_after", retryAfterSeconds).put("global", false);
  }

  private static Map<String, String> rateLimitHeaders(double retryAfterSeconds) {
    return Map.of(
        "Retry-After", Long.toString((long) Math.ceil(retryAfterSeconds)),
        "X-RateLimit-Limit", "5",
        "X-RateLimit-Remaining", "0",
        "X-RateLimit-Reset-After", String.format(Locale.ROOT, "%.3f", retryAfterSeconds),
        "X-RateLimit-Bucket", "fake-429",
        "X-RateLimit-Scope", "user");
  }

  /** Answers the next matching call with a Discord error (e.g. 403, 50013 Missing Permissions). */
  public void failNext(String method, String pathRegex, int status, int discordCode,
      String message) {
    rest.failNext(method, pathRegex, 1, status,
        Payloads.object().put("message", message).put("code", discordCode), Map.of());
  }

  /** Closes the gateway connections (4000: unknown error), after which JDA resumes. */
  public void dropConnections() {
    gateway.dropConnections(4000);
  }

  // ---- events to the bot

  /**
   * Sends any gateway event (op 0, next sequence number) to the connection holding the guild.
   *
   * @return false when the bot's intents do not cover it (Discord would not send it)
   */
  public boolean dispatch(String type, JsonNode data) {
    return gateway.dispatch(type, data.deepCopy());
  }

  public boolean dispatch(String type, String dataJson) {
    return dispatch(type, Payloads.parse(dataJson));
  }

  private void dispatchQuietly(String type, ObjectNode data) {
    try {
      gateway.dispatch(type, data);
    } catch (IllegalStateException noConnection) {
      // The bot acted over REST without a gateway connection: nobody to tell.
    }
  }

  /** A {@code /dbq} slash command by this member, in the first channel unless told. */
  public InteractionBuilder slashCommand(FakeMember member) {
    return new InteractionBuilder(this, 2, member, guild.channels().get(0).idString());
  }

  /** A {@code /dbq} autocomplete request by this member: name the focused option. */
  public InteractionBuilder autocomplete(FakeMember member) {
    return new InteractionBuilder(this, 4, member, guild.channels().get(0).idString());
  }

  /**
   * A press on a button of a message (as the fake returned it, e.g. from
   * {@link FakeInteraction#originalMessage()} or {@link #message}).
   */
  public FakeInteraction buttonPress(FakeMember member, JsonNode message, String customId) {
    ObjectNode data = Payloads.object().put("custom_id", customId).put("component_type", 2);
    return sendInteraction(3, member, message.get("channel_id").asText(), data, message);
  }

  /**
   * The member submits a modal the bot opened (INTERACTION_CREATE type 5, MODAL_SUBMIT): {@code
   * modalId} is the modal's {@code custom_id} (see the type 9 callback that opened it) and
   * {@code values} each text input's value by its custom id, each input inside its label
   * (component type 18), as Discord sends them.
   */
  public FakeInteraction modalSubmit(FakeMember member, String channelId, String modalId, Map<String, String> values) {
    ObjectNode data = Payloads.object().put("custom_id", modalId);
    com.fasterxml.jackson.databind.node.ArrayNode components = data.putArray("components");
    int uniqueId = 1;
    for (Map.Entry<String, String> value : values.entrySet()) {
      ObjectNode label = components.addObject().put("type", 18).put("id", uniqueId++);
      label.putObject("component").put("type", 4).put("id", uniqueId++)
          .put("custom_id", value.getKey()).put("value", value.getValue());
    }
    return sendInteraction(5, member, channelId, data, null);
  }

  /**
   * A user's message in a channel or thread (MESSAGE_CREATE with {@code guild_id} and
   * {@code member}). Returns the event's data as sent.
   */
  public JsonNode messageCreate(String channelId, FakeUser author, String content) {
    ObjectNode message = state.createMessage(channelId, author,
        Payloads.object().put("content", content));
    message.put("guild_id", guild.idString());
    FakeMember member = guild.members().stream().filter(m -> m.user().equals(author))
        .findFirst().orElse(null);
    if (member != null) {
      ObjectNode memberJson = Payloads.member(guild, member, joinedAt);
      memberJson.remove("user");
      message.set("member", memberJson);
    }
    dispatch("MESSAGE_CREATE", message);
    return message;
  }

  /**
   * A moderator archives a thread: THREAD_UPDATE to a connected bot, on which JDA drops it from
   * its cache; a bot that connects later is not told of it (GUILD_CREATE lists active threads).
   */
  public JsonNode archiveThread(String threadId) {
    ObjectNode thread = state.setArchived(threadId, true);
    dispatchQuietly("THREAD_UPDATE", thread.deepCopy());
    return thread;
  }

  /** A user opens a thread in a channel: THREAD_CREATE, so JDA caches it. Returns the thread. */
  public JsonNode threadCreate(String parentChannelId, String name, FakeUser owner) {
    ObjectNode thread = state.addThread(parentChannelId, name, owner);
    dispatch("THREAD_CREATE", thread.deepCopy().put("newly_created", true));
    return thread;
  }

  FakeInteraction sendInteraction(int type, FakeMember member, String channelId,
      ObjectNode data, JsonNode message) {
    return sendInteraction(type, member, channelId, data, message, ids.nextId());
  }

  /** {@code id} says when the interaction was created: one older than 15 minutes has expired. */
  FakeInteraction sendInteraction(int type, FakeMember member, String channelId,
      ObjectNode data, JsonNode message, String id) {
    ObjectNode channel = state.channel(channelId);
    String interactionToken = "aW50ZXJhY3Rpb246" + id + "OmZha2U";
    ObjectNode payload = Payloads.object()
        .put("id", id)
        .put("application_id", guild.applicationIdString())
        .put("type", type)
        .put("token", interactionToken)
        .put("version", 1)
        .put("guild_id", guild.idString())
        .put("channel_id", channelId)
        .put("app_permissions", Long.toString(guild.permissionsOf(
            guild.member(guild.botUser().username()))))
        .put("locale", "en-US")
        .put("guild_locale", "en-US")
        .put("context", 0)
        .put("attachment_size_limit", 10_485_760);
    payload.set("data", data);
    payload.putObject("guild").put("id", guild.idString()).put("locale", "en-US")
        .putArray("features");
    payload.set("channel", channel);
    ObjectNode memberJson = Payloads.member(guild, member, joinedAt);
    memberJson.put("permissions", Long.toString(guild.permissionsOf(member)));
    payload.set("member", memberJson);
    payload.putArray("entitlements");
    payload.putObject("authorizing_integration_owners").put("0", guild.idString());
    if (message != null) {
      payload.set("message", message.deepCopy());
    }
    state.remember(new DiscordState.SentInteraction(id, interactionToken, channelId, type,
        message));
    dispatch("INTERACTION_CREATE", payload);
    return new FakeInteraction(this, id, interactionToken, payload);
  }

  DiscordState state() {
    return state;
  }

  String nextId() {
    return ids.nextId();
  }

  /** An id that says it was created {@code age} ago (by the real clock). */
  String idCreatedAgo(Duration age) {
    return ids.idCreatedAt(ids.clock().instant().minus(age));
  }

  Instant joinedAt() {
    return joinedAt;
  }

  @Override
  public void close() throws Exception {
    gateway.closeAll();
    server.stop();
  }
}
