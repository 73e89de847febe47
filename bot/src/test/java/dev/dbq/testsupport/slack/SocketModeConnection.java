package dev.dbq.testsupport.slack;

import org.eclipse.jetty.websocket.api.Callback;
import org.eclipse.jetty.websocket.api.Session;

/**
 * One Socket Mode client connection to {@link FakeSlack}; internal. Public only because Jetty
 * calls WebSocket listeners through public method handles.
 */
public final class SocketModeConnection extends Session.Listener.AbstractAutoDemanding {

  private final SocketMode server;
  private final int number;

  SocketModeConnection(SocketMode server, int number) {
    this.server = server;
    this.number = number;
  }

  @Override
  public void onWebSocketOpen(Session session) {
    super.onWebSocketOpen(session);
    server.opened(number, session);
  }

  @Override
  public void onWebSocketText(String text) {
    server.received(text);
  }

  @Override
  public void onWebSocketClose(int statusCode, String reason, Callback callback) {
    server.closed(number);
    callback.succeed();
  }
}
