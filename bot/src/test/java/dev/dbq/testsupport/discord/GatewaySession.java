package dev.dbq.testsupport.discord;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.zip.Deflater;
import org.eclipse.jetty.websocket.api.Callback;
import org.eclipse.jetty.websocket.api.Session;

/**
 * One gateway WebSocket connection. With {@code compress=zlib-stream} every payload goes out as a
 * binary frame from ONE deflate stream for the whole connection, each ending in a sync flush
 * ({@code 00 00 ff ff}) — JDA's default transport; otherwise as text frames.
 *
 * <p>Public only because Jetty calls the listener methods through method handles.
 */
public final class GatewaySession implements Session.Listener.AutoDemanding {

  static final int OP_DISPATCH = 0;
  static final int OP_HEARTBEAT = 1;
  static final int OP_IDENTIFY = 2;
  static final int OP_RESUME = 6;
  static final int OP_HELLO = 10;
  static final int OP_HEARTBEAT_ACK = 11;

  private final FakeGateway gateway;
  private final boolean zlibStream;
  private final Deflater deflater = new Deflater();
  private Session session;
  private boolean closed;
  private int sequence;
  private volatile Identity identity;

  /** Which shard this connection identified as, with the intents it asked for. */
  record Identity(String sessionId, int shardId, int shardTotal, int intents) {}

  GatewaySession(FakeGateway gateway, boolean zlibStream) {
    this.gateway = gateway;
    this.zlibStream = zlibStream;
  }

  @Override
  public void onWebSocketOpen(Session openedSession) {
    this.session = openedSession;
    ObjectNode hello = Payloads.object().put("op", OP_HELLO).putNull("s").putNull("t");
    hello.putObject("d").put("heartbeat_interval", gateway.heartbeatMillis());
    send(hello);
  }

  @Override
  public void onWebSocketText(String text) {
    JsonNode payload = Payloads.parse(text);
    switch (payload.path("op").asInt(-1)) {
      case OP_HEARTBEAT -> send(Payloads.object().put("op", OP_HEARTBEAT_ACK));
      case OP_IDENTIFY -> gateway.onIdentify(this, payload.path("d"));
      case OP_RESUME -> gateway.onResume(this, payload.path("d"));
      default -> { } // presence updates, member requests: nothing for this fake to do
    }
  }

  @Override
  public void onWebSocketClose(int statusCode, String reason) {
    synchronized (this) {
      closed = true;
      deflater.end();
    }
    gateway.onClosed(this);
  }

  void identified(Identity newIdentity) {
    this.identity = newIdentity;
  }

  Identity identity() {
    return identity;
  }

  /** Sends a dispatch (op 0) with the next sequence number of this connection. */
  synchronized void dispatch(String type, JsonNode data) {
    ObjectNode payload = Payloads.object().put("op", OP_DISPATCH).put("s", ++sequence)
        .put("t", type);
    payload.set("d", data);
    send(payload);
  }

  /** Continues the sequence a resumed session had reached. */
  synchronized void resumeAt(int lastSequence) {
    sequence = lastSequence;
  }

  synchronized int sequence() {
    return sequence;
  }

  void close(int code, String reason) {
    session.close(code, reason, Callback.NOOP);
  }

  boolean isOpen() {
    return session != null && session.isOpen();
  }

  /** Compression and sending happen under one lock so the stream reaches JDA in order. */
  synchronized void send(ObjectNode payload) {
    if (closed) {
      return;
    }
    byte[] json = Payloads.write(payload).getBytes(StandardCharsets.UTF_8);
    if (!zlibStream) {
      session.sendText(new String(json, StandardCharsets.UTF_8), Callback.NOOP);
      return;
    }
    deflater.setInput(json);
    ByteArrayOutputStream compressed = new ByteArrayOutputStream(json.length / 2 + 16);
    byte[] buffer = new byte[8192];
    int written;
    do {
      written = deflater.deflate(buffer, 0, buffer.length, Deflater.SYNC_FLUSH);
      compressed.write(buffer, 0, written);
    } while (written == buffer.length);
    session.sendBinary(ByteBuffer.wrap(compressed.toByteArray()), Callback.NOOP);
  }
}
