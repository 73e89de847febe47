package dev.dbq.testsupport;

import dev.dbq.app.HttpRoutes;
import dev.dbq.app.Platform;
import dev.dbq.chat.Caller;
import dev.dbq.chat.ChannelKey;
import dev.dbq.chat.CorePorts;
import dev.dbq.chat.Reply;
import dev.dbq.chat.ThreadMessage;

/**
 * A platform for tests of the seam: it records what the core posts to its channels and delivers
 * commands and thread replies through the bot's one inbound entry, as a real adapter does.
 */
public final class FakePlatform implements Platform {

  private final String name;
  private final RecordingGateway gateway = new RecordingGateway();
  private CorePorts core;
  private boolean closed;
  private volatile String trouble;

  public FakePlatform(String name) {
    this.name = name;
  }

  /** A channel of this platform. */
  public ChannelKey channel(String workspace, String channel) {
    return new ChannelKey(name, workspace, channel);
  }

  public Reply command(ChannelKey channel, String user, boolean platformAdmin, String line) {
    return core.inbound().command(new Caller(channel, user, platformAdmin), line);
  }

  public Reply threadReply(ChannelKey channel, String threadRef, String user, String eventId) {
    return core.inbound().threadMessage(channel, threadRef, ThreadMessage.byPerson(user, eventId));
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public RecordingGateway gateway() {
    return gateway;
  }

  @Override
  public void start(CorePorts started, HttpRoutes http) {
    this.core = started;
  }

  @Override
  public boolean ready() {
    return core != null && !closed;
  }

  /** From now on its API fails, as {@link Platform#trouble()} says ({@code null}: it works again). */
  public void troubled(String why) {
    this.trouble = why;
  }

  @Override
  public java.util.Optional<String> trouble() {
    return java.util.Optional.ofNullable(trouble);
  }

  @Override
  public void close() {
    closed = true;
  }
}
