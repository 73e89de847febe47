package dev.dbq.discord;

import java.util.EnumSet;
import java.util.List;
import net.dv8tion.jda.api.EmbedBuilder;
import net.dv8tion.jda.api.components.actionrow.ActionRow;
import net.dv8tion.jda.api.components.buttons.Button;
import net.dv8tion.jda.api.entities.Message.MentionType;
import net.dv8tion.jda.api.entities.MessageEmbed;
import net.dv8tion.jda.api.utils.FileUpload;
import net.dv8tion.jda.api.utils.messages.MessageCreateBuilder;
import net.dv8tion.jda.api.utils.messages.MessageCreateData;
import net.dv8tion.jda.api.utils.messages.MessageEditBuilder;
import net.dv8tion.jda.api.utils.messages.MessageEditData;
import net.dv8tion.jda.api.utils.messages.MessageRequest;

/**
 * {@link DiscordMessages.Message}s as JDA message data. Every message and every edit names its
 * allowed mentions (none) itself: JDA's default covers new messages only, and an edit of an
 * interaction's original reply sends no {@code allowed_mentions} unless told.
 */
final class JdaMessages {

  static final EnumSet<MentionType> NO_MENTIONS = EnumSet.noneOf(MentionType.class);

  private JdaMessages() {}

  /** Makes "no mentions" JDA's default too, for anything sent without going through here. */
  static void mentionNobodyByDefault() {
    MessageRequest.setDefaultMentions(NO_MENTIONS);
    MessageRequest.setDefaultMentionRepliedUser(false);
  }

  static MessageCreateData create(DiscordMessages.Message message) {
    return filled(new MessageCreateBuilder(), message).build();
  }

  static MessageEditData edit(DiscordMessages.Message message) {
    return filled(new MessageEditBuilder(), message).build();
  }

  /**
   * The same content, embeds, buttons, files and (no) mentions, whether the message is new or
   * edited. A picture's alt text is its attachment's {@code description}, which Discord shows
   * to screen readers.
   */
  private static <R extends MessageRequest<R>> R filled(R request, DiscordMessages.Message message) {
    return request
        .setContent(message.content())
        .setEmbeds(embeds(message))
        .setComponents(rows(message))
        .setFiles(message.files().stream()
            .map(p -> FileUpload.fromData(p.png(), p.fileName()).setDescription(p.altText()))
            .toList())
        .setAllowedMentions(NO_MENTIONS)
        .mentionRepliedUser(false);
  }

  private static List<MessageEmbed> embeds(DiscordMessages.Message message) {
    return message.embeds().stream()
        .map(e -> new EmbedBuilder().setTitle(e.title().isEmpty() ? null : e.title()).setDescription(e.description()).build())
        .toList();
  }

  private static List<ActionRow> rows(DiscordMessages.Message message) {
    return message.rows().stream()
        .map(row -> ActionRow.of(row.stream().map(b -> Button.secondary(b.customId(), b.label())).toList()))
        .toList();
  }
}
