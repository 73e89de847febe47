package dev.dbq.chat;

import java.util.List;

/**
 * A platform-neutral reply: each platform renders the same reply its own way (Slack blocks,
 * Discord embeds and buttons, terminal text).
 *
 * @param title a short heading, or empty for none
 * @param blocks the body, in order
 * @param buttons actions offered under the reply
 * @param visibility whether only the caller sees it
 */
public record Reply(String title, List<Block> blocks, List<Button> buttons, Visibility visibility) {

  public Reply {
    blocks = List.copyOf(blocks);
    buttons = List.copyOf(buttons);
  }

  public enum Visibility {
    /** Only the user who asked sees it (ephemeral on Slack and Discord). */
    CALLER,
    /** Everyone in the channel sees it. */
    CHANNEL
  }

  /** A part of the reply body. */
  public sealed interface Block permits Text, Code {}

  /** Markdown text, as written in the bank (or by the bot; user input is escaped first). */
  public record Text(String markdown) implements Block {}

  /** A code block; {@code language} is empty when unknown. */
  public record Code(String language, String code) implements Block {}

  /**
   * A button. Its {@code action} is what the bot does when pressed: a {@code /dbq} command line
   * run for the presser, or a {@code round:...} action of the question of the day.
   */
  public record Button(String label, String action) {}

  public static Reply text(String markdown) {
    return new Reply("", List.of(new Text(markdown)), List.of(), Visibility.CALLER);
  }

  public Reply withVisibility(Visibility newVisibility) {
    return new Reply(title, blocks, buttons, newVisibility);
  }
}
