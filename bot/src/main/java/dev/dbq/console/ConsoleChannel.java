package dev.dbq.console;

import dev.dbq.chat.ChannelGateway;
import dev.dbq.chat.ChannelKey;
import dev.dbq.chat.Reply;
import dev.dbq.render.TerminalRenderer;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * The console's one channel as a platform: what the bot posts is printed, thread messages
 * indented under a bar, and the last message with buttons is remembered for {@code :click}.
 */
public final class ConsoleChannel implements ChannelGateway {

  private static final String THREAD_INDENT = "  │ ";

  private final TerminalRenderer renderer;
  private final TerminalRenderer threadRenderer;
  private final Consumer<String> out;
  private volatile Reply lastWithButtons;

  public ConsoleChannel(TerminalRenderer renderer, Consumer<String> out) {
    this.renderer = renderer;
    this.threadRenderer = renderer.narrower(THREAD_INDENT.length());
    this.out = out;
  }

  /**
   * A random reference: rounds are found by it, in this database, across console processes and
   * restarts; counting from m1 in each process gave two rounds the same thread.
   */
  @Override
  public PostedMessage post(ChannelKey channel, String postKey, Reply message) {
    String ref = "m-" + UUID.randomUUID();
    show("#" + channel.channel() + " · dbq posted:\n" + renderer.render(message), message);
    return new PostedMessage(ref, ref);
  }

  @Override
  public void postInThread(ChannelKey channel, String threadRef, Reply message) {
    String text = threadRenderer.render(message).lines().map(line -> THREAD_INDENT + line).reduce((a, b) -> a + "\n" + b).orElse("");
    show(THREAD_INDENT + "dbq in the thread:\n" + text, message);
  }

  /** Shows a reply to a command. */
  void reply(Reply reply) {
    show(renderer.render(reply), reply);
  }

  /** Prints a line of the console itself (not the bot). */
  void say(String text) {
    out.accept(text);
  }

  Reply lastWithButtons() {
    return lastWithButtons;
  }

  private void show(String text, Reply message) {
    if (!message.buttons().isEmpty()) {
      lastWithButtons = message;
    }
    out.accept(text);
  }
}
