package dev.dbq.testsupport.discord;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * Discord's REST API below {@code /api/v10/}: the routes a bot uses, answered as Discord does
 * (JSON bodies, rate-limit headers, error codes), every call recorded, faults injected on demand.
 */
final class FakeRest extends Handler.Abstract {

  static final String BASE_PATH = "/api/v10/";

  /** Headers worth asserting on (the token never is kept). */
  private static final List<String> KEPT_HEADERS =
      List.of("content-type", "user-agent", "x-audit-log-reason", "x-ratelimit-precision");

  private record Answer(int status, JsonNode body) {
    static Answer ok(JsonNode body) {
      return new Answer(200, body);
    }
  }

  @FunctionalInterface
  private interface RouteHandler {
    Answer handle(Matcher path, JsonNode body, String query);
  }

  private record Route(String method, Pattern path, String bucket, boolean needsToken,
      RouteHandler handler) {}

  /** A scripted failure for the next matching calls. */
  private static final class Fault {
    final String method;
    final Pattern path;
    final int status;
    final JsonNode body;
    final Map<String, String> headers;
    int remaining;

    Fault(String method, String pathRegex, int times, int status, JsonNode body,
        Map<String, String> headers) {
      this.method = method;
      this.path = Pattern.compile(pathRegex);
      this.remaining = times;
      this.status = status;
      this.body = body;
      this.headers = headers;
    }
  }

  private final FakeGuild guild;
  private final String authorization;
  private final DiscordState state;
  private final Supplier<String> gatewayUrl;
  private final BiConsumer<String, ObjectNode> events;
  private final List<Route> routes = new ArrayList<>();
  private final List<Fault> faults = new ArrayList<>();
  final AwaitableLog<RecordedRequest> requests = new AwaitableLog<>("REST calls");

  FakeRest(FakeGuild guild, String token, DiscordState state, Supplier<String> gatewayUrl,
      BiConsumer<String, ObjectNode> events) {
    this.guild = guild;
    this.authorization = "Bot " + token;
    this.state = state;
    this.gatewayUrl = gatewayUrl;
    this.events = events;
    defineRoutes();
  }

  private void defineRoutes() {
    String app = "applications/(\\d+)";
    route("GET", "gateway/bot", "gateway", true, (p, b, q) -> Answer.ok(gatewayBot()));
    route("GET", "gateway", "gateway", false,
        (p, b, q) -> Answer.ok(Payloads.object().put("url", gatewayUrl.get())));
    route("GET", "users/@me", "self", true,
        (p, b, q) -> Answer.ok(Payloads.selfUser(guild.botUser())));
    route("GET", "(?:oauth2/)?applications/@me", "application", true,
        (p, b, q) -> Answer.ok(application()));
    route("PUT", app + "/commands", "commands", true,
        (p, b, q) -> Answer.ok(state.overwriteCommands("global", b)));
    route("GET", app + "/commands", "commands", true,
        (p, b, q) -> Answer.ok(state.commands("global")));
    route("PUT", app + "/guilds/(\\d+)/commands", "guild-commands", true,
        (p, b, q) -> Answer.ok(state.overwriteCommands(knownGuild(p.group(2)), b)));
    route("GET", app + "/guilds/(\\d+)/commands", "guild-commands", true,
        (p, b, q) -> Answer.ok(state.commands(knownGuild(p.group(2)))));
    route("POST", "interactions/(\\d+)/([^/]+)/callback", "interaction", false, this::callback);
    route("GET", "webhooks/(\\d+)/([^/]+)/messages/(@original|\\d+)", "webhook", false,
        (p, b, q) -> Answer.ok(state.webhookMessage(p.group(2), p.group(3))));
    route("PATCH", "webhooks/(\\d+)/([^/]+)/messages/(@original|\\d+)", "webhook", false,
        (p, b, q) -> Answer.ok(state.editWebhookMessage(p.group(2), p.group(3), b)));
    route("POST", "webhooks/(\\d+)/([^/]+)", "webhook", false, (p, b, q) -> {
      ObjectNode message = state.followup(p.group(2), b);
      echoMessage(message);
      return Answer.ok(message);
    });
    route("POST", "users/@me/channels", "dm", true,
        (p, b, q) -> Answer.ok(state.openDirectMessage(b.path("recipient_id").asText(""))));
    route("GET", "channels/(\\d+)", "channel", true,
        (p, b, q) -> Answer.ok(state.channel(p.group(1))));
    route("GET", "channels/(\\d+)/threads/archived/public", "threads", true, (p, b, q) -> {
      ObjectNode list = Payloads.object();
      list.set("threads", Payloads.array().addAll(state.archivedPublicThreads(p.group(1))));
      list.putArray("members");
      return Answer.ok(list.put("has_more", false));
    });
    route("POST", "channels/(\\d+)/messages", "messages", true, (p, b, q) -> {
      if (state.isArchivedThread(p.group(1))) {
        // Discord unarchives a thread that is posted in (unless it is locked).
        events.accept("THREAD_UPDATE", state.setArchived(p.group(1), false));
      }
      state.checkDirectMessageAllowed(p.group(1));
      // One step: a repeat sent while the first is still handled (JDA after a read timeout) finds it.
      DiscordState.Created created = state.createMessageOnce(p.group(1), guild.botUser(), b);
      if (created.isNew()) {
        echoMessage(created.message());
      } // else enforce_nonce: the message already made, no second one
      return Answer.ok(created.message());
    });
    route("GET", "channels/(\\d+)/messages/(\\d+)", "messages", true,
        (p, b, q) -> Answer.ok(state.message(p.group(1), p.group(2))));
    route("PATCH", "channels/(\\d+)/messages/(\\d+)", "messages", true, (p, b, q) -> {
      state.message(p.group(1), p.group(2));
      return Answer.ok(state.editMessage(p.group(2), b));
    });
    route("POST", "channels/(\\d+)/messages/(\\d+)/threads", "threads", true, (p, b, q) -> {
      ObjectNode thread = state.startThread(p.group(1), p.group(2), b);
      events.accept("THREAD_CREATE", thread.deepCopy().put("newly_created", true));
      return new Answer(201, thread);
    });
  }

  private void route(String method, String pathRegex, String bucket, boolean needsToken,
      RouteHandler handler) {
    routes.add(new Route(method, Pattern.compile(pathRegex), bucket, needsToken, handler));
  }

  private String knownGuild(String guildId) {
    if (!guildId.equals(guild.idString())) {
      throw new DiscordError(403, 50001, "Missing Access");
    }
    return guildId;
  }

  private ObjectNode gatewayBot() {
    ObjectNode json = Payloads.object().put("url", gatewayUrl.get()).put("shards", 1);
    json.putObject("session_start_limit").put("total", 1000).put("remaining", 999)
        .put("reset_after", 14_400_000).put("max_concurrency", 1);
    return json;
  }

  private ObjectNode application() {
    ObjectNode json = Payloads.object()
        .put("id", guild.applicationIdString())
        .put("name", guild.botUser().username())
        .putNull("icon")
        .put("description", "")
        .put("summary", "")
        .put("bot_public", true)
        .put("bot_require_code_grant", false)
        .put("verify_key", "0000000000000000000000000000000000000000000000000000000000000000")
        .put("flags", 0)
        .putNull("team")
        .put("approximate_guild_count", 1)
        .put("hook", true);
    json.set("owner", Payloads.user(guild.owner()));
    json.set("bot", Payloads.user(guild.botUser()));
    json.putArray("tags");
    json.putArray("redirect_uris");
    return json;
  }

  private Answer callback(Matcher path, JsonNode body, String query) {
    ObjectNode message = state.callback(path.group(1), path.group(2), body);
    if (message != null && (message.path("flags").asInt() & 64) == 0 && body.path("type")
        .asInt() == 4) {
      echoMessage(message);
    }
    if (!query.contains("with_response=true")) {
      return new Answer(204, MissingNode.getInstance());
    }
    ObjectNode response = Payloads.object();
    response.putObject("interaction").put("id", path.group(1))
        .put("type", body.path("type").asInt())
        .put("response_message_loading", body.path("type").asInt() == 5)
        .put("response_message_ephemeral", (body.path("data").path("flags").asInt() & 64) != 0);
    ObjectNode resource = response.putObject("resource").put("type", body.path("type").asInt());
    if (message != null) {
      resource.set("message", message);
    }
    return Answer.ok(response);
  }

  /** Discord tells the bot about its own messages too (MESSAGE_CREATE with guild and member). */
  private void echoMessage(ObjectNode message) {
    if ((message.path("flags").asInt() & 64) != 0 || state.isDirectMessage(message.path("channel_id").asText())) {
      return; // the bot asked for no DIRECT_MESSAGES intent
    }
    ObjectNode event = message.deepCopy().put("guild_id", guild.idString());
    ObjectNode member = Payloads.member(guild, guild.member(guild.botUser().username()),
        java.time.Instant.EPOCH);
    member.remove("user");
    event.set("member", member);
    events.accept("MESSAGE_CREATE", event);
  }

  void failNext(String method, String pathRegex, int times, int status, JsonNode body,
      Map<String, String> headers) {
    synchronized (faults) {
      faults.add(new Fault(method.toUpperCase(Locale.ROOT), pathRegex, times, status, body,
          headers));
    }
  }

  /** Requests answered 429 from now on (none by default), with the headers and body of one. */
  private volatile Predicate<RecordedRequest> rateLimited = request -> false;
  private volatile Fault rateLimit;

  /** From now on every request that {@code which} selects is answered with this 429 and does nothing. */
  void rateLimitWhere(Predicate<RecordedRequest> which, JsonNode body, Map<String, String> headers) {
    rateLimit = new Fault("*", ".*", Integer.MAX_VALUE, 429, body, headers);
    rateLimited = which;
  }

  private Fault takeFault(String method, String path) {
    synchronized (faults) {
      for (Iterator<Fault> it = faults.iterator(); it.hasNext(); ) {
        Fault fault = it.next();
        if (fault.method.equals(method) && fault.path.matcher(path).matches()) {
          if (--fault.remaining <= 0) {
            it.remove();
          }
          return fault;
        }
      }
      return null;
    }
  }

  @Override
  public boolean handle(Request request, Response response, Callback callback)
      throws IOException {
    long received = System.nanoTime();
    String fullPath = request.getHttpURI().getPath();
    if (!fullPath.startsWith(BASE_PATH)) {
      return false;
    }
    String method = request.getMethod().toUpperCase(Locale.ROOT);
    String path = fullPath.substring(BASE_PATH.length());
    String query = request.getHttpURI().getQuery() == null ? "" : request.getHttpURI().getQuery();
    String contentType = request.getHeaders().get("content-type");
    byte[] raw = Content.Source.asInputStream(request).readAllBytes();
    List<RecordedRequest.FilePart> files = Multipart.files(raw, contentType);
    JsonNode sentBody = parseBody(raw, contentType);
    JsonNode body = withFiles(sentBody, files);
    Map<String, String> headers = new LinkedHashMap<>();
    for (String name : KEPT_HEADERS) {
      String value = request.getHeaders().get(name);
      if (value != null) {
        headers.put(name, value);
      }
    }
    boolean authorized = authorization.equals(request.getHeaders().get("authorization"));

    Answer answer;
    Map<String, String> extraHeaders = Map.of();
    String bucket = "unrouted";
    Fault fault = takeFault(method, path);
    if (fault == null && rateLimited.test(new RecordedRequest(method, path, query, sentBody, Map.copyOf(headers),
        authorized, 429, received, files))) {
      fault = rateLimit;
    }
    if (fault != null) {
      answer = new Answer(fault.status, fault.body);
      extraHeaders = fault.headers;
    } else {
      answer = route(method, path, body, query, authorized);
      bucket = bucketOf(method, path);
    }
    requests.add(new RecordedRequest(method, path, query, sentBody, Map.copyOf(headers), authorized,
        answer.status(), received, files));

    response.setStatus(answer.status());
    response.getHeaders().put("Via", "1.1 google"); // without it JDA takes a 429 for Cloudflare's
    if (answer.status() != 429) {
      response.getHeaders().put("X-RateLimit-Bucket", Integer.toHexString(bucket.hashCode()));
      response.getHeaders().put("X-RateLimit-Limit", "5");
      response.getHeaders().put("X-RateLimit-Remaining", "4");
      response.getHeaders().put("X-RateLimit-Reset-After", "1.000");
      response.getHeaders().put("X-RateLimit-Reset",
          String.format(Locale.ROOT, "%.3f", System.currentTimeMillis() / 1000.0 + 1));
    }
    extraHeaders.forEach((name, value) -> response.getHeaders().put(name, value));
    if (answer.body().isMissingNode()) {
      callback.succeeded();
      return true;
    }
    response.getHeaders().put("Content-Type", "application/json");
    response.write(true,
        ByteBuffer.wrap(Payloads.write(answer.body()).getBytes(StandardCharsets.UTF_8)),
        callback);
    return true;
  }

  private String bucketOf(String method, String path) {
    for (Route route : routes) {
      if (route.method().equals(method) && route.path().matcher(path).matches()) {
        return route.bucket();
      }
    }
    return "unrouted";
  }

  private Answer route(String method, String path, JsonNode body, String query,
      boolean authorized) {
    for (Route route : routes) {
      Matcher matcher = route.path().matcher(path);
      if (!route.method().equals(method) || !matcher.matches()) {
        continue;
      }
      if (route.needsToken() && !authorized) {
        return new Answer(401, Payloads.object().put("message", "401: Unauthorized")
            .put("code", 0));
      }
      try {
        return route.handler().handle(matcher, body, query);
      } catch (DiscordError error) {
        return new Answer(error.status, error.body());
      }
    }
    return new Answer(404, Payloads.object().put("message", "404: Not Found").put("code", 0));
  }

  /**
   * The message body as the routes see it: a multipart message's {@code attachments} (id,
   * {@code description}) completed with each file's name and size, as Discord stores them.
   * The recorded body stays as sent.
   */
  private static JsonNode withFiles(JsonNode body, List<RecordedRequest.FilePart> files) {
    if (files.isEmpty() || !(body instanceof ObjectNode sent)) {
      return body;
    }
    ObjectNode copy = sent.deepCopy();
    com.fasterxml.jackson.databind.node.ArrayNode attachments = Payloads.array();
    for (int i = 0; i < files.size(); i++) {
      JsonNode declared = Payloads.array();
      for (JsonNode a : sent.path("attachments")) {
        if (a.path("id").asText().equals(String.valueOf(i))) {
          declared = a;
        }
      }
      ObjectNode attachment = attachments.addObject()
          .put("filename", files.get(i).fileName())
          .put("size", files.get(i).bytes().length)
          .put("content_type", files.get(i).contentType());
      if (declared.hasNonNull("description")) {
        attachment.put("description", declared.get("description").asText());
      }
    }
    copy.set("stored_attachments", attachments);
    return copy;
  }

  /** JSON, or the {@code payload_json} part of a multipart body (messages with files). */
  private static JsonNode parseBody(byte[] raw, String contentType) {
    if (raw.length == 0) {
      return MissingNode.getInstance();
    }
    String text = new String(raw, StandardCharsets.UTF_8);
    if (contentType != null && contentType.startsWith("multipart/form-data")) {
      Matcher part = Pattern.compile(
          "name=\"payload_json\"[^\\r\\n]*\\r\\n(?:[^\\r\\n]+\\r\\n)*\\r\\n(.*?)\\r\\n--",
          Pattern.DOTALL).matcher(text);
      return part.find() ? Payloads.parse(part.group(1)) : MissingNode.getInstance();
    }
    return Payloads.parse(text);
  }
}
