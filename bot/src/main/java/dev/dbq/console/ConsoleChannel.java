package dev.dbq.console;

import dev.dbq.chat.Reply;
import dev.dbq.chat.ChannelGateway;
import dev.dbq.chat.ChannelKey;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The console's one channel as a platform: what the bot posts is printed, thread messages
 * indented under a bar, and the last message with buttons is remembered for {@code :click}.
 */
public final class ConsoleChannel implements ChannelGateway {

  private final Function<Reply, String> renderer;
  private final Consumer<String> out;
  private final AtomicInteger messages = new AtomicInteger();
  private volatile Reply lastWithButtons;

  public ConsoleChannel(Function<Reply, String> renderer, Consumer<String> out) {
    this.renderer = renderer;
    this.out = out;
  }

  @Override
  public PostedMessage post(ChannelKey channel, Reply message) {
    String ref = "m" + messages.incrementAndGet();
    show("#" + channel.channel() + " · dbq posted:\n" + renderer.apply(message), message);
    return new PostedMessage(ref, ref);
  }

  @Override
  public void postInThread(ChannelKey channel, String threadRef, Reply message) {
    String text = renderer.apply(message).lines().map(line -> "  │ " + line).reduce((a, b) -> a + "\n" + b).orElse("");
    show("  │ dbq in the thread:\n" + text, message);
  }

  /** Shows a reply to a command. */
  void reply(Reply reply) {
    show(renderer.apply(reply), reply);
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
