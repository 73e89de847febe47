package dev.dbq.console;

import dev.dbq.app.HttpRoutes;
import dev.dbq.app.Platform;
import dev.dbq.chat.ChannelGateway;
import dev.dbq.chat.ChannelKey;
import dev.dbq.chat.CorePorts;

/** The local console as a platform: its one channel prints what the bot posts. */
final class ConsolePlatform implements Platform {

  private final ConsoleChannel output;
  private final ConsoleClock clock;
  private final ChannelKey channel;
  private final String user;
  private volatile ConsoleSession session;

  ConsolePlatform(ConsoleChannel output, ConsoleClock clock, ChannelKey channel, String user) {
    this.output = output;
    this.clock = clock;
    this.channel = channel;
    this.user = user;
  }

  @Override
  public String name() {
    return ConsoleSession.PLATFORM;
  }

  @Override
  public ChannelGateway gateway() {
    return output;
  }

  @Override
  public void start(CorePorts core, HttpRoutes http) {
    session = new ConsoleSession(core.inbound(), core.rounds(), clock, output, channel, user);
  }

  /** The session typed lines go to; there once {@link #start} ran. */
  ConsoleSession session() {
    return session;
  }

  @Override
  public boolean ready() {
    return session != null;
  }

  @Override
  public void close() {
    // Nothing to disconnect: the console's input is closed by whoever opened it.
  }
}
