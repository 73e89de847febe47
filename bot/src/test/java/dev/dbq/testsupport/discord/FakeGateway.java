package dev.dbq.testsupport.discord;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The gateway side: answers IDENTIFY with READY and GUILD_CREATE (to the shard that owns the
 * guild), RESUME with RESUMED, and routes dispatches to the connection of the guild's shard.
 */
final class FakeGateway {

  private static final Logger LOG = LoggerFactory.getLogger(FakeGateway.class);

  private final FakeGuild guild;
  private final String token;
  private final Snowflakes ids;
  private final Clock clock;
  private final Supplier<List<ObjectNode>> activeThreads;
  private final boolean allowPrivilegedIntents;
  private final int heartbeatMillis;
  private volatile String resumeUrl;
  private final List<GatewaySession> sessions = new CopyOnWriteArrayList<>();
  private final Map<String, GatewaySession.Identity> knownSessions = new ConcurrentHashMap<>();
  private final Map<String, Integer> lastSequence = new ConcurrentHashMap<>();
  final AwaitableLog<JsonNode> identifies = new AwaitableLog<>("IDENTIFY payloads");
  final AwaitableLog<String> dispatched = new AwaitableLog<>("dispatched events");

  FakeGateway(FakeGuild guild, String token, Snowflakes ids, Clock clock,
      Supplier<List<ObjectNode>> activeThreads, boolean allowPrivilegedIntents,
      int heartbeatMillis) {
    this.guild = guild;
    this.token = token;
    this.ids = ids;
    this.clock = clock;
    this.activeThreads = activeThreads;
    this.allowPrivilegedIntents = allowPrivilegedIntents;
    this.heartbeatMillis = heartbeatMillis;
  }

  void resumeUrl(String url) {
    this.resumeUrl = url;
  }

  int heartbeatMillis() {
    return heartbeatMillis;
  }

  GatewaySession open(boolean zlibStream) {
    GatewaySession session = new GatewaySession(this, zlibStream);
    sessions.add(session);
    return session;
  }

  void onClosed(GatewaySession session) {
    sessions.remove(session);
    GatewaySession.Identity identity = session.identity();
    if (identity != null) {
      lastSequence.put(identity.sessionId(), session.sequence());
    }
  }

  void onIdentify(GatewaySession session, JsonNode data) {
    ObjectNode recorded = data.deepCopy();
    boolean tokenMatches = token.equals(data.path("token").asText());
    recorded.put("token", tokenMatches ? "<the fake's token>" : "<wrong token>");
    identifies.add(recorded);
    if (!tokenMatches) {
      session.close(4004, "Authentication failed.");
      return;
    }
    int intents = data.path("intents").asInt();
    if ((intents & DiscordPermissions.PRIVILEGED_INTENTS) != 0 && !allowPrivilegedIntents) {
      session.close(4014, "Disallowed intent(s).");
      return;
    }
    int shardId = data.path("shard").path(0).asInt(0);
    int shardTotal = data.path("shard").path(1).asInt(1);
    if (shardTotal < 1 || shardId < 0 || shardId >= shardTotal) {
      session.close(4010, "Invalid shard.");
      return;
    }
    GatewaySession.Identity identity =
        new GatewaySession.Identity(ids.nextId(), shardId, shardTotal, intents);
    knownSessions.put(identity.sessionId(), identity);
    session.identified(identity);
    boolean ownsGuild = ownsGuild(identity);

    ObjectNode ready = Payloads.object().put("v", 10).put("session_type", "normal");
    ready.set("user", Payloads.selfUser(guild.botUser()));
    ready.putArray("guilds");
    if (ownsGuild) {
      ready.withArray("guilds").addObject().put("id", guild.idString()).put("unavailable", true);
    }
    ready.put("session_id", identity.sessionId()).put("resume_gateway_url", resumeUrl);
    ready.putArray("private_channels");
    ready.putArray("relationships");
    ready.putArray("presences");
    ready.putArray("guild_join_requests");
    ready.putArray("geo_ordered_rtc_regions");
    ready.putObject("user_settings");
    ready.putObject("application").put("id", guild.applicationIdString()).put("flags", 0);
    ready.putArray("shard").add(shardId).add(shardTotal);
    ready.putArray("_trace").add("[\"fake-discord\"]");
    send(session, "READY", ready);
    if (ownsGuild) {
      send(session, "GUILD_CREATE",
          Payloads.guildCreate(guild, activeThreads.get(), clock.instant()));
    }
  }

  void onResume(GatewaySession session, JsonNode data) {
    GatewaySession.Identity identity = knownSessions.get(data.path("session_id").asText());
    if (identity == null || !token.equals(data.path("token").asText())) {
      ObjectNode invalid = Payloads.object().put("op", 9).put("d", false);
      session.send(invalid);
      return;
    }
    session.identified(identity);
    session.resumeAt(lastSequence.getOrDefault(identity.sessionId(), data.path("seq").asInt()));
    send(session, "RESUMED", Payloads.object());
  }

  /**
   * Sends an event to the connection whose shard owns the guild, as Discord does; events the
   * bot's intents do not cover are not sent (the result says so).
   */
  boolean dispatch(String type, ObjectNode data) {
    GatewaySession session = guildSession();
    int needed = intentFor(type);
    if ((session.identity().intents() & needed) != needed) {
      LOG.info("Not sending {}: the bot did not ask for intent {}", type, needed);
      return false;
    }
    if (type.equals("MESSAGE_CREATE")
        && (session.identity().intents() & DiscordPermissions.INTENT_MESSAGE_CONTENT) == 0
        && !mentionsBot(data)) {
      // Without MESSAGE_CONTENT Discord sends messages with their content left empty.
      data.put("content", "");
      data.putArray("embeds");
      data.putArray("attachments");
      data.putArray("components");
    }
    send(session, type, data);
    return true;
  }

  private boolean mentionsBot(ObjectNode message) {
    for (JsonNode mention : message.path("mentions")) {
      if (mention.path("id").asText().equals(guild.botUser().idString())) {
        return true;
      }
    }
    return message.path("author").path("id").asText().equals(guild.botUser().idString());
  }

  private static int intentFor(String type) {
    if (type.startsWith("MESSAGE_")) {
      return DiscordPermissions.INTENT_GUILD_MESSAGES;
    }
    if (type.startsWith("GUILD_") || type.startsWith("CHANNEL_") || type.startsWith("THREAD_")) {
      return DiscordPermissions.INTENT_GUILDS;
    }
    return 0; // INTERACTION_CREATE and the like come whatever the intents
  }

  private GatewaySession guildSession() {
    return sessions.stream()
        .filter(s -> s.isOpen() && s.identity() != null && ownsGuild(s.identity()))
        .findFirst()
        .orElseThrow(() -> new IllegalStateException(
            "No bot connection holds the guild yet: await identify/READY before dispatching"));
  }

  private boolean ownsGuild(GatewaySession.Identity identity) {
    return (guild.id() >>> 22) % identity.shardTotal() == identity.shardId();
  }

  private void send(GatewaySession session, String type, JsonNode data) {
    session.dispatch(type, data);
    dispatched.add(type);
  }

  /** Closes every bot connection with a code that lets JDA resume (like a Discord restart). */
  void dropConnections(int closeCode) {
    sessions.forEach(s -> s.close(closeCode, "fake Discord dropped the connection"));
  }

  void closeAll() {
    sessions.forEach(s -> s.close(1001, "fake Discord shutting down"));
  }
}
