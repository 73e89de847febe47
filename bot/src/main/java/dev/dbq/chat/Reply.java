package dev.dbq.chat;

import java.util.List;
import java.util.Objects;

/**
 * A platform-neutral reply: each platform renders the same reply its own way (Slack blocks,
 * Discord embeds and buttons, terminal text).
 *
 * @param title a short heading, or empty for none
 * @param blocks the body, in order
 * @param buttons actions offered under the reply
 * @param visibility whether only the caller sees it
 * @param attachments pictures and charts sent with it, in order
 * @param form when not null, the reply is this form to fill in instead of a message (see {@link
 *     #form(Form)}); its other parts are then empty
 */
public record Reply(
    String title, List<Block> blocks, List<Button> buttons, Visibility visibility, List<Attachment> attachments, Form form) {

  public Reply {
    blocks = List.copyOf(blocks);
    buttons = List.copyOf(buttons);
    attachments = List.copyOf(attachments);
  }

  /** A message without attachments. */
  public Reply(String title, List<Block> blocks, List<Button> buttons, Visibility visibility) {
    this(title, blocks, buttons, visibility, List.of(), null);
  }

  /**
   * A form for the caller to fill in, as the answer to their command or press: the platform
   * opens it (a Slack or Discord modal, console prompts) and the values come back through {@link
   * Inbound#submit}. A platform that can no longer open it (the interaction expired) says so.
   */
  public static Reply form(Form form) {
    return new Reply("", List.of(), List.of(), Visibility.CALLER, List.of(), Objects.requireNonNull(form, "form"));
  }

  public boolean isForm() {
    return form != null;
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
    return new Reply(title, blocks, buttons, newVisibility, attachments, form);
  }

  /** The same reply with these attachments. */
  public Reply withAttachments(List<Attachment> newAttachments) {
    return new Reply(title, blocks, buttons, visibility, newAttachments, form);
  }
}
