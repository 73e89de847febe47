package dev.dbq.testsupport.slack;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * The HTTP half of {@link FakeSlack}: Slack's Web API under {@code /api/} and the
 * {@code response_url}s under {@code /respond/}. Answers with the fields the Java SDK parses.
 */
final class WebApi extends Handler.Abstract {

  static final ObjectMapper JSON = new ObjectMapper();
  static final String SOCKET_PATH = "/socket";

  /**
   * A canned failure for the next call of a method. With {@code afterEffect} the call happens
   * first (a post lands) and then the failure is answered: Slack failing after it posted. A
   * status of {@link #DROP} answers nothing and closes the connection.
   */
  record Fault(int status, Map<String, String> headers, String body, boolean afterEffect) {
    Fault(int status, Map<String, String> headers, String body) {
      this(status, headers, body, false);
    }
  }

  /** The status of a {@link Fault} that drops the connection instead of answering. */
  static final int DROP = 0;
  /** Web API paths may name their caller: {@code /c/NAME/api/METHOD}. */
  static final String CLIENT_PREFIX = "/c/";

  /** Every Web API call's answer while the API is down. */
  private static final Fault OUTAGE = new Fault(503, Map.of(), "{\"ok\":false,\"error\":\"service_unavailable\"}");

  /** What {@code users.info} says about one user's workspace role. */
  record UserRoles(boolean admin, boolean owner, boolean primaryOwner) {}

  private final Recording<SlackCall> calls = new Recording<>();
  private final Map<String, Deque<Fault>> faults = new HashMap<>();
  private final Map<String, UserRoles> users = new ConcurrentHashMap<>();
  private final Messages messages = new Messages();
  private final Files files = new Files();
  /** Where uploads go: {@code /upload/FILE_ID}. */
  static final String UPLOAD_PATH = "/upload/";
  private final Recording<HeldAnswer> held = new Recording<>();
  private volatile Predicate<SlackCall> holding = call -> false;
  private final AtomicLong lastViewId = new AtomicLong();
  private final AtomicLong lastSocketTicket = new AtomicLong();
  private volatile boolean down;
  /** Calls answered 429 from now on (none by default), and their Retry-After in seconds. */
  private volatile Predicate<SlackCall> rateLimited = call -> false;
  private volatile long rateLimitedForSeconds;

  Recording<SlackCall> calls() {
    return calls;
  }

  void failNext(String method, Fault fault) {
    synchronized (faults) {
      faults.computeIfAbsent(method, m -> new ArrayDeque<>()).add(fault);
    }
  }

  /** From now on every call that {@code which} selects is answered 429 with this Retry-After. */
  void rateLimitWhere(Predicate<SlackCall> which, long retryAfterSeconds) {
    rateLimitedForSeconds = retryAfterSeconds;
    rateLimited = which;
  }

  void setDown(boolean down) {
    this.down = down;
  }

  void putUser(String userId, UserRoles roles) {
    users.put(userId, roles);
  }

  Messages messages() {
    return messages;
  }

  Files files() {
    return files;
  }

  Recording<HeldAnswer> held() {
    return held;
  }

  /** From now on the answers to the calls that {@code which} selects are held (all passes none). */
  void hold(Predicate<SlackCall> which) {
    holding = which;
  }

  private String nextTs() {
    return messages.nextTs();
  }

  @Override
  public boolean handle(Request request, Response response, Callback callback) throws Exception {
    String path = Request.getPathInContext(request);
    String client = "";
    if (path.startsWith(CLIENT_PREFIX) && path.indexOf('/', CLIENT_PREFIX.length()) > 0) {
      int end = path.indexOf('/', CLIENT_PREFIX.length());
      client = path.substring(CLIENT_PREFIX.length(), end);
      path = path.substring(end);
    }
    if (path.startsWith(UPLOAD_PATH)) {
      return upload(request, response, callback, path.substring(UPLOAD_PATH.length()), client);
    }
    String method;
    if (path.startsWith("/api/")) {
      method = path.substring("/api/".length());
    } else if (path.startsWith("/respond/")) {
      method = FakeSlack.RESPONSE_URL;
    } else {
      return false;
    }
    String body = Content.Source.asString(request, StandardCharsets.UTF_8);
    ObjectNode params = parseParams(request, body);
    String tokenType = tokenType(request.getHeaders().get(HttpHeader.AUTHORIZATION));
    Fault fault = down && !method.equals(FakeSlack.RESPONSE_URL) ? OUTAGE : takeFault(method);
    if (fault == null && rateLimited.test(new SlackCall(method, request.getHttpURI().asString(), params, tokenType, 429, client))) {
      fault = new Fault(429, Map.of("Retry-After", Long.toString(rateLimitedForSeconds)), "{\"ok\":false,\"error\":\"ratelimited\"}");
    }
    int status = fault == null ? 200 : fault.status();
    // The call takes effect (a post lands) before it is recorded, so a test that saw the call sees its effect.
    ObjectNode answer = fault == null || fault.afterEffect() ? answer(request, method, params, tokenType) : null;
    SlackCall call = new SlackCall(method, request.getHttpURI().asString(), params, tokenType, status, client);
    calls.add(call);
    if (holding.test(call)) {
      HeldAnswer answerHeld = new HeldAnswer(call);
      held.add(answerHeld);
      answerHeld.awaitRelease();
    }
    if (fault != null && fault.status() == DROP) {
      request.getConnectionMetaData().getConnection().getEndPoint().close();
      callback.failed(new IOException("the fake Slack dropped the connection without answering"));
    } else if (fault != null) {
      fault.headers().forEach((name, value) -> response.getHeaders().put(name, value));
      send(response, callback, fault.status(), fault.body());
    } else {
      send(response, callback, 200, answer.toString());
    }
    return true;
  }

  /**
   * The upload POST of {@code filesUploadV2}: the file's bytes as the body; Slack answers
   * {@code OK - LENGTH}. Recorded as method {@link FakeSlack#FILE_UPLOAD} with {@code file_id}
   * and {@code length}.
   */
  private boolean upload(Request request, Response response, Callback callback, String fileId, String client)
      throws IOException {
    byte[] bytes = Content.Source.asInputStream(request).readAllBytes();
    Fault fault = takeFault(FakeSlack.FILE_UPLOAD);
    boolean known = fault == null && files.upload(fileId, bytes);
    int status = fault != null ? fault.status() : known ? 200 : 404;
    ObjectNode params = JSON.createObjectNode().put("file_id", fileId).put("length", bytes.length);
    calls.add(new SlackCall(FakeSlack.FILE_UPLOAD, request.getHttpURI().asString(), params, null, status, client));
    response.setStatus(status);
    response.getHeaders().put(HttpHeader.CONTENT_TYPE, "text/plain; charset=utf-8");
    Content.Sink.write(response, true, known ? "OK - " + bytes.length : "Not Found", callback);
    return true;
  }

  private Fault takeFault(String method) {
    synchronized (faults) {
      Deque<Fault> queue = faults.get(method);
      return queue == null ? null : queue.poll();
    }
  }

  private static void send(Response response, Callback callback, int status, String body) {
    response.setStatus(status);
    response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json; charset=utf-8");
    Content.Sink.write(response, true, body, callback);
  }

  /** The token's kind ("xoxb", "xapp", ...) only: tokens never reach a recording or a log. */
  private static String tokenType(String authorization) {
    if (authorization == null || !authorization.startsWith("Bearer ")) {
      return null;
    }
    String token = authorization.substring("Bearer ".length());
    int dash = token.indexOf('-');
    return dash > 0 ? token.substring(0, dash) : "unknown";
  }

  private static ObjectNode parseParams(Request request, String body) {
    String contentType = request.getHeaders().get(HttpHeader.CONTENT_TYPE);
    if (contentType != null && contentType.startsWith("application/json")) {
      try {
        JsonNode json = JSON.readTree(body);
        if (json instanceof ObjectNode object) {
          return object;
        }
      } catch (JsonProcessingException e) {
        ObjectNode invalid = JSON.createObjectNode();
        invalid.put("invalid_json", body);
        return invalid;
      }
    }
    ObjectNode params = JSON.createObjectNode();
    String query = request.getHttpURI().getQuery();
    for (String form : new String[] {query, body}) {
      if (form == null || form.isEmpty()) {
        continue;
      }
      for (String pair : form.split("&")) {
        int eq = pair.indexOf('=');
        String name = decode(eq < 0 ? pair : pair.substring(0, eq));
        String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
        params.set(name, jsonOrText(value));
      }
    }
    return params;
  }

  private static String decode(String encoded) {
    return URLDecoder.decode(encoded, StandardCharsets.UTF_8);
  }

  /** Form values such as {@code blocks} or {@code view} hold JSON; keep them as nodes. */
  private static JsonNode jsonOrText(String value) {
    if (value.startsWith("{") || value.startsWith("[")) {
      try {
        return JSON.readTree(value);
      } catch (JsonProcessingException e) {
        // Not JSON after all: keep the text as it came.
      }
    }
    return JSON.getNodeFactory().textNode(value);
  }

  private ObjectNode answer(Request request, String method, ObjectNode params, String tokenType) {
    if (method.equals(FakeSlack.RESPONSE_URL)) {
      return ok();
    }
    if (tokenType == null) {
      return error("not_authed");
    }
    boolean appToken = tokenType.equals("xapp");
    if (method.equals("apps.connections.open") != appToken && !method.equals("auth.test")) {
      return error("not_allowed_token_type");
    }
    return switch (method) {
      case "auth.test" -> authTest();
      case "users.info" -> usersInfo(params);
      case "chat.postMessage" -> postMessage(params);
      case "chat.postEphemeral" -> postEphemeral(params);
      case "chat.update" -> update(params);
      case "conversations.history" -> messages.history(params, ok());
      case "views.publish" -> publish(params);
      case "views.open" -> open(params);
      case "files.getUploadURLExternal" -> files.getUploadUrl(params, uploadBase(request), ok());
      case "files.completeUploadExternal" -> files.complete(params, ok());
      case "apps.connections.open" -> ok().put("url", socketUrl(request));
      default -> error("unknown_method");
    };
  }

  /** Like Slack, a different URL for each connection. */
  private String socketUrl(Request request) {
    return "ws://" + Request.getServerName(request) + ":" + Request.getServerPort(request)
        + SOCKET_PATH + "?ticket=" + lastSocketTicket.incrementAndGet();
  }

  private static ObjectNode authTest() {
    return ok()
        .put("url", "https://" + FakeSlack.TEAM_DOMAIN + ".slack.com/")
        .put("team", FakeSlack.TEAM_NAME)
        .put("user", "dbq")
        .put("team_id", FakeSlack.TEAM_ID)
        .put("user_id", FakeSlack.BOT_USER_ID)
        .put("bot_id", FakeSlack.BOT_ID)
        .put("is_enterprise_install", false);
  }

  private ObjectNode usersInfo(ObjectNode params) {
    String userId = params.path("user").asText("");
    if (userId.isEmpty()) {
      return error("user_not_found");
    }
    UserRoles roles = users.getOrDefault(userId, new UserRoles(false, false, false));
    ObjectNode answer = ok();
    answer.putObject("user")
        .put("id", userId)
        .put("team_id", FakeSlack.TEAM_ID)
        .put("name", userId.toLowerCase())
        .put("deleted", false)
        .put("is_bot", false)
        .put("is_admin", roles.admin())
        .put("is_owner", roles.owner())
        .put("is_primary_owner", roles.primaryOwner());
    return answer;
  }

  private ObjectNode postMessage(ObjectNode params) {
    String channel = params.path("channel").asText("");
    if (channel.isEmpty()) {
      return error("channel_not_found");
    }
    if (!params.hasNonNull("text") && !params.hasNonNull("blocks")) {
      return error("no_text");
    }
    String ts = nextTs();
    ObjectNode message = message(params, ts);
    if (params.get("metadata") instanceof ObjectNode metadata) {
      message.set("metadata", metadata);
    }
    messages.keep(channel, message);
    ObjectNode answer = ok().put("channel", channel).put("ts", ts);
    answer.set("message", message.deepCopy());
    return answer;
  }

  private ObjectNode postEphemeral(ObjectNode params) {
    if (params.path("channel").asText("").isEmpty()) {
      return error("channel_not_found");
    }
    if (params.path("user").asText("").isEmpty()) {
      return error("user_not_in_channel");
    }
    return ok().put("message_ts", nextTs());
  }

  private ObjectNode update(ObjectNode params) {
    String channel = params.path("channel").asText("");
    String ts = params.path("ts").asText("");
    if (channel.isEmpty()) {
      return error("channel_not_found");
    }
    if (ts.isEmpty()) {
      return error("message_not_found");
    }
    ObjectNode answer = ok().put("channel", channel).put("ts", ts);
    answer.put("text", params.path("text").asText(""));
    answer.set("message", message(params, ts));
    return answer;
  }

  private ObjectNode publish(ObjectNode params) {
    if (params.path("user_id").asText("").isEmpty()) {
      return error("invalid_arguments");
    }
    if (!(params.get("view") instanceof ObjectNode view)) {
      return error("invalid_arguments");
    }
    ObjectNode published = view.deepCopy()
        .put("id", "V" + lastViewId.incrementAndGet())
        .put("team_id", FakeSlack.TEAM_ID)
        .put("app_id", FakeSlack.APP_ID)
        .put("bot_id", FakeSlack.BOT_ID);
    ObjectNode answer = ok();
    answer.set("view", published);
    return answer;
  }

  private static String uploadBase(Request request) {
    return "http://" + Request.getServerName(request) + ":" + Request.getServerPort(request) + UPLOAD_PATH;
  }

  /**
   * {@code views.open}: a trigger id as Slack hands them out ({@link SlackPayloads}) and a modal
   * view; answered with the view as opened. An expired trigger: {@code failNextWithError(
   * "views.open", "expired_trigger_id")}.
   */
  private ObjectNode open(ObjectNode params) {
    if (!params.path("trigger_id").asText("").startsWith("1337.")) {
      return error("invalid_trigger_id");
    }
    if (!(params.get("view") instanceof ObjectNode view) || !"modal".equals(view.path("type").asText())) {
      return error("invalid_arguments");
    }
    ObjectNode opened = view.deepCopy()
        .put("id", "V" + lastViewId.incrementAndGet())
        .put("team_id", FakeSlack.TEAM_ID)
        .put("app_id", FakeSlack.APP_ID)
        .put("bot_id", FakeSlack.BOT_ID);
    ObjectNode answer = ok();
    answer.set("view", opened);
    return answer;
  }

  private static ObjectNode message(ObjectNode params, String ts) {
    ObjectNode message = JSON.createObjectNode()
        .put("type", "message")
        .put("user", FakeSlack.BOT_USER_ID)
        .put("bot_id", FakeSlack.BOT_ID)
        .put("text", params.path("text").asText(""))
        .put("ts", ts);
    if (params.hasNonNull("thread_ts")) {
      message.put("thread_ts", params.get("thread_ts").asText());
    }
    if (params.get("blocks") instanceof ArrayNode blocks) {
      message.set("blocks", blocks);
    }
    return message;
  }

  private static ObjectNode ok() {
    return JSON.createObjectNode().put("ok", true);
  }

  private static ObjectNode error(String code) {
    return JSON.createObjectNode().put("ok", false).put("error", code);
  }
}
