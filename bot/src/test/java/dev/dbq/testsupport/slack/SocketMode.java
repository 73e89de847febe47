package dev.dbq.testsupport.slack;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dbq.testsupport.slack.FakeSlack.Ack;
import dev.dbq.testsupport.slack.FakeSlack.Envelope;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.jetty.websocket.api.Callback;
import org.eclipse.jetty.websocket.api.Session;
import org.eclipse.jetty.websocket.server.WebSocketCreator;

/**
 * The WebSocket half of {@link FakeSlack}: Slack's Socket Mode server. Greets each connection
 * with {@code hello}, pushes envelopes to the newest connection and records the client's acks.
 */
final class SocketMode {

  private static final Duration SEND_TIMEOUT = Duration.ofSeconds(5);

  /** A connection opening ({@code open}) or closing; numbered from 1 in opening order. */
  record ConnectionEvent(int number, boolean open) {}

  /** Slack's delivery count of an event: attempt 0 with reason "" the first time. */
  record Retry(int attempt, String reason) {}

  private final Recording<Ack> acks = new Recording<>();
  private final Recording<ConnectionEvent> connectionEvents = new Recording<>();
  private final Map<Integer, Session> openSessions = new ConcurrentHashMap<>();
  private final AtomicInteger lastConnection = new AtomicInteger();

  WebSocketCreator creator() {
    return (request, response, callback) ->
        new SocketModeConnection(this, lastConnection.incrementAndGet());
  }

  /** Waits until the client has opened {@code count} connections in all and has one open. */
  void awaitConnections(int count, Duration timeout) {
    connectionEvents.awaitUntil(events -> {
      long opened = events.stream().filter(ConnectionEvent::open).count();
      return opened >= count && opened - (events.size() - opened) == 1;
    }, timeout, count + " Socket Mode connections, the last one the only one open");
  }

  /** Pushes an envelope; {@code retry} is null except for {@code events_api}. */
  Envelope send(String type, JsonNode payload, boolean acceptsResponsePayload, Retry retry) {
    Envelope envelope = new Envelope(UUID.randomUUID().toString(), type, payload);
    ObjectNode message = WebApi.JSON.createObjectNode()
        .put("envelope_id", envelope.id())
        .put("type", type)
        .put("accepts_response_payload", acceptsResponsePayload);
    if (retry != null) {
      message.put("retry_attempt", retry.attempt()).put("retry_reason", retry.reason());
    }
    message.set("payload", payload);
    sendText(newestSession(), message.toString());
    return envelope;
  }

  void sendDisconnect(String reason) {
    ObjectNode message =
        WebApi.JSON.createObjectNode().put("type", "disconnect").put("reason", reason);
    message.putObject("debug_info").put("host", "applink-fake");
    sendText(newestSession(), message.toString());
  }

  /** Cuts the newest connection without a close handshake, as a network failure would. */
  void dropConnection() {
    newestSession().disconnect();
  }

  Ack awaitAck(String envelopeId, Duration timeout) {
    return acks.await(ack -> ack.envelopeId().equals(envelopeId), 1, timeout,
        "Socket Mode ack of envelope " + envelopeId).get(0);
  }

  List<Ack> acks() {
    return acks.matching(ack -> true);
  }

  private Session newestSession() {
    return openSessions.entrySet().stream()
        .max(Map.Entry.comparingByKey())
        .map(Map.Entry::getValue)
        .orElseThrow(() -> new IllegalStateException(
            "no open Socket Mode connection: await one with awaitConnections(n, timeout) first"));
  }

  private static void sendText(Session session, String text) {
    try {
      Callback.Completable.with(done -> session.sendText(text, done))
          .get(SEND_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
    } catch (Exception e) {
      throw new IllegalStateException("could not send to the Socket Mode client", e);
    }
  }

  private ObjectNode hello() {
    ObjectNode hello = WebApi.JSON.createObjectNode()
        .put("type", "hello")
        .put("num_connections", openSessions.size());
    hello.putObject("debug_info")
        .put("host", "applink-fake")
        .put("build_number", 1)
        .put("approximate_connection_time", 18060);
    hello.putObject("connection_info").put("app_id", FakeSlack.APP_ID);
    return hello;
  }

  void opened(int number, Session session) {
    openSessions.put(number, session);
    sendText(session, hello().toString());
    connectionEvents.add(new ConnectionEvent(number, true));
  }

  void received(String text) {
    try {
      JsonNode message = WebApi.JSON.readTree(text);
      if (message.hasNonNull("envelope_id")) {
        acks.add(new Ack(message.get("envelope_id").asText(), message.get("payload")));
      }
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("the Socket Mode client sent something other than JSON", e);
    }
  }

  void closed(int number) {
    openSessions.remove(number);
    connectionEvents.add(new ConnectionEvent(number, false));
  }
}
