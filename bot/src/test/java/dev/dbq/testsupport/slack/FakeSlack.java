package dev.dbq.testsupport.slack;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.websocket.server.WebSocketUpgradeHandler;

/**
 * Slack on loopback, for tests that drive the real Slack SDK (Bolt) against it.
 *
 * <p><b>Web API.</b> {@link #start()} listens on 127.0.0.1; point the SDK at {@link #apiUrl()}
 * ({@code SLACK_API_URL}, or {@code SlackConfig.setMethodsEndpointUrlPrefix}). It answers
 * {@code auth.test}, {@code users.info} (roles set with {@link #setUser}), {@code
 * chat.postMessage} (a fresh {@code ts} per message, from {@link #useClock Slack's clock}; the
 * message is kept with its {@code metadata}, see {@link #messagesIn}), {@code
 * conversations.history} (newest first, {@code oldest}/{@code latest}/{@code inclusive}, {@code
 * limit} and {@code cursor}, metadata only with {@code include_all_metadata}), {@code
 * chat.postEphemeral}, {@code chat.update}, {@code views.publish}, {@code views.open} (a
 * modal, with a trigger id from {@link SlackPayloads}), the file upload of the SDK's {@code
 * filesUploadV2} ({@code files.getUploadURLExternal}, the upload POST recorded as {@link
 * #FILE_UPLOAD}, {@code files.completeUploadExternal}; see {@link #filesIn}) and {@code
 * apps.connections.open} (which hands out the fake's own {@code ws://} URL); any other method
 * gets {@code unknown_method}. Like Slack it wants
 * a token: none gives {@code not_authed}; an {@code xapp-} token is accepted only by {@code
 * apps.connections.open} (and {@code auth.test}), other tokens everywhere else. Every request,
 * including posts to a {@link #responseUrl()}, is recorded as a {@link SlackCall}: wait for them
 * with {@link #awaitCalls} / {@link #awaitResponses} (never sleep), inspect with {@link #calls}.
 *
 * <p><b>Faults.</b> {@link #rateLimitNext} makes the next call of a method answer like Slack's
 * rate limiter: HTTP 429, {@code Retry-After}, {@code {"ok":false,"error":"ratelimited"}}; the SDK
 * throws {@code SlackApiException} whose {@code getResponse().code()} is 429 and whose {@code
 * getResponse().header("Retry-After")} is the delay; {@link #rateLimitWhere} does so to every call
 * a predicate selects. {@link #failNext} gives any status, {@link
 * #failNextWithError} a 200 with {@code ok:false} (the SDK returns it, {@code isOk()} false).
 * Slack that did the call and then failed to say so: {@link #failNextAfterTakingEffect} (a 5xx
 * after the post landed), {@link #dropNextAfterTakingEffect} (no answer at all), {@link
 * #holdAnswers} (the answer waits until the test releases it, e.g. after killing the caller).
 * Several clients tell themselves apart with {@link #apiUrl(String)}.
 *
 * <p><b>Socket Mode.</b> Give the Bolt {@code App} a {@code SlackConfig} with the methods prefix
 * set to {@link #apiUrl()} ({@code AppConfig.builder().slack(Slack.getInstance(config))}) and
 * start a {@code SocketModeApp} with {@link #APP_TOKEN}. {@link #awaitConnections} waits for it
 * to connect (each connection is greeted with {@code hello}). Then push envelopes with {@link
 * #sendSlashCommand}, {@link #sendInteractive} or {@link #sendEvent} and read the client's ack
 * with {@link #awaitAck} (its payload is what an {@code ack(...)} with a message answered).
 * {@link #sendDisconnect} asks the client to reconnect (it calls {@code apps.connections.open}
 * again at once); {@link #dropConnection} cuts it (the SDK notices within its 5-second session
 * monitor). Payload builders for both transports are in {@link SlackPayloads}.
 *
 * <p><b>HTTP mode.</b> Slack's requests to the app's {@code /slack/events} are sent, signed,
 * with {@link SignedRequests}; the app's Web API calls still come here.
 */
public final class FakeSlack implements AutoCloseable {

  public static final String TEAM_ID = "T0FAKE";
  public static final String TEAM_DOMAIN = "dbq-test";
  public static final String TEAM_NAME = "dbq test";
  public static final String APP_ID = "A0FAKE";
  public static final String BOT_USER_ID = "U0BOT";
  public static final String BOT_ID = "B0BOT";
  /** Tokens the fake accepts; their shape (prefix) is all that matters to it. */
  public static final String BOT_TOKEN = "xoxb-0-fake-bot-token";
  public static final String APP_TOKEN = "xapp-1-A0FAKE-0-fake-app-token";
  /** The {@link SlackCall#method()} of a file's upload POST (between the two {@code files.*} calls). */
  public static final String FILE_UPLOAD = "file_upload";
  /** The {@link SlackCall#method()} of a post to a {@link #responseUrl()}. */
  public static final String RESPONSE_URL = "response_url";

  private static final Duration DEFAULT_RETRY_AFTER = Duration.ofSeconds(1);

  /** An envelope pushed to the Socket Mode client. */
  public record Envelope(String id, String type, JsonNode payload) {}

  /** The client's acknowledgement of an envelope; {@code payload} is null for a bare ack. */
  public record Ack(String envelopeId, JsonNode payload) {
    /** The ack payload's {@code text}, or null. */
    public String text() {
      return payload == null || !payload.hasNonNull("text") ? null : payload.get("text").asText();
    }
  }

  private final Server server;
  private final WebApi webApi;
  private final SocketMode socketMode;
  private final AtomicLong lastResponseUrl = new AtomicLong();
  private final String base;

  private FakeSlack(Server server, WebApi webApi, SocketMode socketMode, String base) {
    this.server = server;
    this.webApi = webApi;
    this.socketMode = socketMode;
    this.base = base;
  }

  /** Starts the fake on a free loopback port. */
  public static FakeSlack start() {
    Server server = new Server();
    ServerConnector connector = new ServerConnector(server);
    connector.setHost("127.0.0.1");
    connector.setPort(0);
    server.addConnector(connector);
    WebApi webApi = new WebApi();
    SocketMode socketMode = new SocketMode();
    WebSocketUpgradeHandler upgrade = WebSocketUpgradeHandler.from(server,
        container -> container.addMapping(WebApi.SOCKET_PATH, socketMode.creator()));
    upgrade.setHandler(webApi);
    server.setHandler(upgrade);
    try {
      server.start();
    } catch (Exception e) {
      throw new IllegalStateException("could not start the fake Slack", e);
    }
    return new FakeSlack(server, webApi, socketMode, "127.0.0.1:" + connector.getLocalPort());
  }

  /** The Web API prefix, ending in {@code /api/}: {@code SLACK_API_URL}. */
  public String apiUrl() {
    return "http://" + base + "/api/";
  }

  /** The Web API prefix for one named client: its calls say {@link SlackCall#client()} {@code name}. */
  public String apiUrl(String client) {
    if (!client.matches("[A-Za-z0-9-]+")) {
      throw new IllegalArgumentException("a client's name is letters, digits and dashes: " + client);
    }
    return "http://" + base + WebApi.CLIENT_PREFIX + client + "/api/";
  }

  /**
   * Slack's clock, which each new message's {@code ts} follows (the system's by default): give
   * it the bot's clock when the bot compares its instants with message times.
   */
  public void useClock(Clock slackClock) {
    webApi.messages().useClock(slackClock);
  }

  /** The messages people see in {@code channel} (thread replies left out), oldest first. */
  public List<JsonNode> messagesIn(String channel) {
    return List.copyOf(webApi.messages().inChannel(channel));
  }

  /**
   * The files shared in {@code channel} by {@code files.completeUploadExternal}, in order: {@code
   * id}, {@code name}, {@code title}, {@code size} (bytes received), {@code alt_txt}, {@code
   * thread_ts} when shared in a thread.
   */
  public List<JsonNode> filesIn(String channel) {
    return webApi.files().sharedIn(channel);
  }

  /** The bytes uploaded for a file id, or null. */
  public byte[] uploadedBytes(String fileId) {
    return webApi.files().bytes(fileId);
  }

  /** A fresh {@code response_url}; posts to it are recorded with method {@link #RESPONSE_URL}. */
  public String responseUrl() {
    return "http://" + base + "/respond/" + lastResponseUrl.incrementAndGet();
  }

  /** What {@code users.info} says about {@code userId}; unset users are plain members. */
  public void setUser(String userId, boolean isAdmin, boolean isOwner, boolean isPrimaryOwner) {
    webApi.putUser(userId, new WebApi.UserRoles(isAdmin, isOwner, isPrimaryOwner));
  }

  // ---- recorded calls

  /** Every call so far, in arrival order. */
  public List<SlackCall> calls() {
    return webApi.calls().matching(call -> true);
  }

  /** The calls of one method so far, in arrival order. */
  public List<SlackCall> calls(String method) {
    return webApi.calls().matching(call -> call.method().equals(method));
  }

  /**
   * Waits until {@code method} has been called at least {@code count} times (faulted calls
   * included) and returns its calls so far; an {@link AssertionError} on timeout.
   */
  public List<SlackCall> awaitCalls(String method, int count, Duration timeout) {
    return webApi.calls().await(call -> call.method().equals(method), count, timeout,
        "calls of " + method);
  }

  /** Waits until {@code count} calls of any method were received in all; returns them, oldest first. */
  public List<SlackCall> awaitAnyCalls(int count, Duration timeout) {
    return webApi.calls().await(call -> true, count, timeout, "calls");
  }

  /** Waits for {@code count} posts to {@code responseUrl} and returns them. */
  public List<SlackCall> awaitResponses(String responseUrl, int count, Duration timeout) {
    return webApi.calls().await(call -> call.url().equals(responseUrl), count, timeout,
        "posts to " + responseUrl);
  }

  // ---- faults

  /**
   * The next call of {@code method} ({@link #RESPONSE_URL} for any response_url) answers {@code
   * status} with {@code headers} and a body like Slack's ({@code ratelimited} for 429, {@code
   * fatal_error} otherwise). Calls stack up: two calls fail the next two.
   */
  public void failNext(String method, int status, Map<String, String> headers) {
    String error = status == 429 ? "ratelimited" : "fatal_error";
    webApi.failNext(method, new WebApi.Fault(status, Map.copyOf(headers), errorBody(error)));
  }

  /**
   * From now on every call that {@code which} selects (it sees the call before it is answered,
   * with status 429) is answered as Slack's rate limiter does, with this {@code Retry-After}, and
   * does nothing; {@code call -> false} ends it.
   */
  public void rateLimitWhere(Predicate<SlackCall> which, Duration retryAfter) {
    webApi.rateLimitWhere(which, retryAfter.toSeconds());
  }

  /**
   * The next call of {@code method} happens (a post lands in its channel), then answers {@code
   * status} as if it had failed: Slack's 5xx after it did the work.
   */
  public void failNextAfterTakingEffect(String method, int status) {
    webApi.failNext(method, new WebApi.Fault(status, Map.of(), errorBody("fatal_error"), true));
  }

  /** The next call of {@code method} happens, then the connection closes without an answer. */
  public void dropNextAfterTakingEffect(String method) {
    webApi.failNext(method, new WebApi.Fault(WebApi.DROP, Map.of(), "", true));
  }

  /**
   * From now on the answers to the calls {@code which} selects are held after the call took
   * effect, each until the test releases it; wait for them with {@link #awaitHeld}.
   */
  public void holdAnswers(Predicate<SlackCall> which) {
    webApi.hold(which);
  }

  /** Holds no more answers and sends every held one. */
  public void stopHolding() {
    webApi.hold(call -> false);
    webApi.held().matching(held -> true).forEach(HeldAnswer::release);
  }

  /** Waits until {@code count} answers were held in all; returns every one so far, oldest first. */
  public List<HeldAnswer> awaitHeld(int count, Duration timeout) {
    return webApi.held().await(held -> true, count, timeout, "held answers");
  }

  /** The next {@code times} calls of {@code method} answer 429 with {@code Retry-After}. */
  public void rateLimitNext(String method, int times, Duration retryAfter) {
    for (int i = 0; i < times; i++) {
      failNext(method, 429, Map.of("Retry-After", Long.toString(retryAfter.toSeconds())));
    }
  }

  /** The next call of {@code method} is rate limited with {@code Retry-After: 1}. */
  public void rateLimitNext(String method) {
    rateLimitNext(method, 1, DEFAULT_RETRY_AFTER);
  }

  /**
   * While {@code down}, every Web API call answers 503 (response_urls, which are another host
   * at Slack, still work); queued faults wait until it is up again.
   */
  public void setWebApiDown(boolean down) {
    webApi.setDown(down);
  }

  /** The next call of {@code method} answers HTTP 200 {@code {"ok":false,"error":error}}. */
  public void failNextWithError(String method, String error) {
    webApi.failNext(method, new WebApi.Fault(200, Map.of(), errorBody(error)));
  }

  private static String errorBody(String error) {
    return WebApi.JSON.createObjectNode().put("ok", false).put("error", error).toString();
  }

  // ---- Socket Mode

  /** Waits until the client has opened {@code count} connections in all and one is open. */
  public void awaitConnections(int count, Duration timeout) {
    socketMode.awaitConnections(count, timeout);
  }

  /** Pushes a {@code slash_commands} envelope; {@code form} as from {@link SlackPayloads}. */
  public Envelope sendSlashCommand(Map<String, String> form) {
    JsonNode payload = WebApi.JSON.valueToTree(new LinkedHashMap<>(form));
    return socketMode.send("slash_commands", payload, true, null);
  }

  /**
   * Pushes an {@code interactive} envelope ({@code block_actions}, ...). As Slack does, it accepts
   * a response payload for every type except {@code block_actions}.
   */
  public Envelope sendInteractive(String payloadJson) {
    JsonNode payload = parse(payloadJson);
    boolean acceptsResponse = !"block_actions".equals(payload.path("type").asText());
    return socketMode.send("interactive", payload, acceptsResponse, null);
  }

  /**
   * Pushes an {@code events_api} envelope carrying an {@code event_callback}. Like Slack, it says
   * {@code retry_attempt: 0, retry_reason: ""} on a first delivery, so in Socket Mode Bolt sets
   * {@code X-Slack-Retry-Num: 0} on every event: tell redeliveries apart by {@code event_id}.
   */
  public Envelope sendEvent(String eventCallbackJson) {
    return sendEvent(eventCallbackJson, 0, "");
  }

  /** Pushes Slack's redelivery of an event ({@code retryAttempt} >= 1, e.g. "timeout"). */
  public Envelope sendEvent(String eventCallbackJson, int retryAttempt, String retryReason) {
    return socketMode.send("events_api", parse(eventCallbackJson), false,
        new SocketMode.Retry(retryAttempt, retryReason));
  }

  /** Waits for the client's ack of {@code envelopeId}. */
  public Ack awaitAck(String envelopeId, Duration timeout) {
    return socketMode.awaitAck(envelopeId, timeout);
  }

  /** Every ack so far, in arrival order. */
  public List<Ack> acks() {
    return socketMode.acks();
  }

  /** Sends Slack's {@code disconnect} (e.g. "refresh_requested") on the newest connection. */
  public void sendDisconnect(String reason) {
    socketMode.sendDisconnect(reason);
  }

  /** Cuts the newest connection without a close handshake. */
  public void dropConnection() {
    socketMode.dropConnection();
  }

  private static JsonNode parse(String json) {
    try {
      return WebApi.JSON.readTree(json);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("not JSON: " + json, e);
    }
  }

  @Override
  public void close() {
    stopHolding();
    try {
      server.stop();
    } catch (Exception e) {
      throw new IllegalStateException("could not stop the fake Slack", e);
    }
  }
}
