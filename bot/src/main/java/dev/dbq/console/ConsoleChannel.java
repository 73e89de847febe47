package dev.dbq.console;

import dev.dbq.chat.ChannelGateway;
import dev.dbq.chat.ChannelKey;
import dev.dbq.chat.Reply;
import dev.dbq.render.TerminalRenderer;
import dev.dbq.chat.UserText;
import java.nio.file.Path;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * The console's one channel as a platform: what the bot posts is printed, thread messages
 * indented under a bar, private words marked {@code (to NAME only)}, pictures saved as files
 * (their paths printed), and the last message with buttons is remembered for {@code :click}.
 */
public final class ConsoleChannel implements ChannelGateway {

  private static final String THREAD_INDENT = "  │ ";

  private final TerminalRenderer renderer;
  private final TerminalRenderer threadRenderer;
  private final Consumer<String> out;
  private final ConsolePictures pictures;
  private volatile Reply lastWithButtons;

  /** Pictures are saved under the system's temporary folder. */
  public ConsoleChannel(TerminalRenderer renderer, Consumer<String> out) {
    this(renderer, out, ConsolePictures.inTemporaryFolder());
  }

  /** @param pictureFolder where the pictures the bot sends are saved */
  public ConsoleChannel(TerminalRenderer renderer, Consumer<String> out, Path pictureFolder) {
    this(renderer, out, new ConsolePictures(pictureFolder));
  }

  private ConsoleChannel(TerminalRenderer renderer, Consumer<String> out, ConsolePictures pictures) {
    this.renderer = renderer;
    this.threadRenderer = renderer.narrower(THREAD_INDENT.length());
    this.out = out;
    this.pictures = pictures;
  }

  /**
   * A random reference: rounds are found by it, in this database, across console processes and
   * restarts; counting from m1 in each process gave two rounds the same thread.
   */
  @Override
  public PostedMessage post(ChannelKey channel, String postKey, Reply message) {
    String ref = "m-" + UUID.randomUUID();
    show("#" + channel.channel() + " · dbq posted:\n" + renderer.render(message) + attachments(message), message);
    return new PostedMessage(ref, ref);
  }

  @Override
  public void postInThread(ChannelKey channel, String threadRef, Reply message) {
    String text = (threadRenderer.render(message) + attachments(message)).lines()
        .map(line -> THREAD_INDENT + line).reduce((a, b) -> a + "\n" + b).orElse("");
    show(THREAD_INDENT + "dbq in the thread:\n" + text, message);
  }

  /** A message without a thread: printed as a post is, with a reference no thread will use. */
  @Override
  public String postMessage(ChannelKey channel, Reply message) {
    show("#" + channel.channel() + " · dbq posted:\n" + renderer.render(message) + attachments(message), message);
    return "m-" + UUID.randomUUID();
  }

  /** One terminal, so the words are printed for everyone to read, marked as meant for one. */
  @Override
  public boolean tellPrivately(ChannelKey channel, String userId, Reply message) {
    show("(to " + UserText.neutralize(userId) + " only) " + renderer.render(message) + attachments(message), message);
    return true;
  }

  /** Shows a reply to a command. */
  void reply(Reply reply) {
    show(renderer.render(reply) + attachments(reply), reply);
  }

  /** The attachments' lines, each on a line of its own after the text; empty for none. */
  private String attachments(Reply message) {
    return pictures.show(message.attachments()).stream().map(line -> "\n" + line).reduce("", String::concat);
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
