package dev.dbq.slack;

import com.slack.api.model.block.ActionsBlock;
import com.slack.api.model.block.HeaderBlock;
import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.block.SectionBlock;
import com.slack.api.model.block.composition.MarkdownTextObject;
import com.slack.api.model.block.composition.PlainTextObject;
import com.slack.api.model.block.element.BlockElement;
import com.slack.api.model.block.element.ButtonElement;
import com.slack.api.model.view.View;
import dev.dbq.chat.Attachment;
import dev.dbq.chat.Reply;
import dev.dbq.chat.UserText;
import dev.dbq.render.MarkdownFlavour;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A reply as Slack Block Kit: a header for the title, mrkdwn sections for the body and actions
 * blocks for the buttons, within Slack's limits. A reply too big for one message becomes
 * several; code fences are closed and reopened at each cut, never broken.
 */
public final class SlackBlocks {

  /** Characters in a section's text. */
  public static final int SECTION_TEXT_LIMIT = 3000;
  /** Blocks in one message. */
  public static final int MESSAGE_BLOCK_LIMIT = 50;
  /** Blocks in a Home tab view. */
  public static final int HOME_BLOCK_LIMIT = 100;
  /** Characters of text in one message, all blocks together (Slack's guidance, not a hard cut). */
  public static final int MESSAGE_TEXT_LIMIT = 12_000;
  /** Characters of a header's plain text. */
  public static final int HEADER_LIMIT = 150;
  /** Characters of a button's label. */
  public static final int LABEL_LIMIT = 75;
  /** Characters of a button's value. */
  public static final int VALUE_LIMIT = 2000;
  /** Buttons in one actions block: Slack allows 25, five keep a row readable. */
  static final int BUTTONS_PER_ROW = 5;
  /** Every button's action_id starts so; Bolt routes them all to one handler. */
  static final String ACTION_ID_PREFIX = "dbq_";
  /** The fallback text of a notification is cut here. */
  private static final int NOTIFICATION_LIMIT = 150;

  private static final Logger log = LoggerFactory.getLogger(SlackBlocks.class);
  private static final MarkdownFlavour MRKDWN = MarkdownFlavour.SLACK;

  private SlackBlocks() {}

  /** One Slack message: its blocks and the plain text shown in notifications. */
  public record Message(String text, List<LayoutBlock> blocks) {
    public Message {
      blocks = List.copyOf(blocks);
    }
  }

  /**
   * The reply as one message or more, in order: the header in the first, the buttons in the
   * last. Each keeps to {@link #MESSAGE_BLOCK_LIMIT} blocks and about {@link #MESSAGE_TEXT_LIMIT}
   * characters.
   */
  public static List<Message> messages(Reply reply) {
    List<Message> messages = new ArrayList<>();
    List<LayoutBlock> current = new ArrayList<>();
    int chars = 0;
    String notification = notification(reply);
    if (!reply.title().isBlank()) {
      current.add(header(reply.title()));
      chars += Math.min(reply.title().length(), HEADER_LIMIT);
    }
    for (String text : sectionTexts(reply)) {
      if (current.size() + 1 > MESSAGE_BLOCK_LIMIT || chars + text.length() > MESSAGE_TEXT_LIMIT) {
        messages.add(new Message(notification, current));
        current = new ArrayList<>();
        chars = 0;
      }
      current.add(section(text));
      chars += text.length();
    }
    List<LayoutBlock> rows = actionRows(reply.buttons());
    int buttonChars = rows.size() * BUTTONS_PER_ROW * LABEL_LIMIT;
    if (!current.isEmpty()
        && (current.size() + rows.size() > MESSAGE_BLOCK_LIMIT || chars + buttonChars > MESSAGE_TEXT_LIMIT)) {
      messages.add(new Message(notification, current));
      current = new ArrayList<>();
    }
    current.addAll(rows);
    int chartsHere = 0;
    for (Attachment.Chart chart : charts(reply)) {
      if (current.size() + 1 > MESSAGE_BLOCK_LIMIT || chartsHere == DataVisualizationBlock.PER_MESSAGE) {
        messages.add(new Message(notification, current));
        current = new ArrayList<>();
        chartsHere = 0;
      }
      current.add(DataVisualizationBlock.of(chart));
      chartsHere++;
    }
    if (!current.isEmpty() || messages.isEmpty()) {
      if (current.isEmpty()) {
        current.add(section("_Nothing to show._"));
      }
      messages.add(new Message(notification, current));
    }
    return messages;
  }

  private static List<Attachment.Chart> charts(Reply reply) {
    return reply.attachments().stream().filter(Attachment.Chart.class::isInstance).map(Attachment.Chart.class::cast).toList();
  }

  /** The message without its charts (Slack refused them), or empty when nothing else is left. */
  static Optional<Message> withoutCharts(Message message) {
    List<LayoutBlock> rest = message.blocks().stream().filter(b -> !(b instanceof DataVisualizationBlock)).toList();
    return rest.isEmpty() ? Optional.empty() : Optional.of(new Message(message.text(), rest));
  }

  static boolean hasCharts(Message message) {
    return message.blocks().stream().anyMatch(DataVisualizationBlock.class::isInstance);
  }

  /**
   * The reply with a line naming each picture by its alt text, for places a file cannot go
   * (a private reply: Slack shares files with a whole channel). Charts are drawn from their numbers.
   */
  static Reply describingPictures(Reply reply) {
    List<Attachment.Picture> pictures = reply.attachments().stream()
        .filter(Attachment.Picture.class::isInstance).map(Attachment.Picture.class::cast).toList();
    if (pictures.isEmpty()) {
      return reply;
    }
    List<Reply.Block> blocks = new ArrayList<>(reply.blocks());
    pictures.forEach(p -> blocks.add(new Reply.Text("_Picture: " + UserText.literal(p.altText()) + "_")));
    return new Reply(reply.title(), blocks, reply.buttons(), reply.visibility(), reply.attachments(), reply.form());
  }

  /** The reply as a Home tab: the same blocks, in one view of at most {@link #HOME_BLOCK_LIMIT}. */
  public static View home(Reply reply) {
    List<LayoutBlock> blocks = new ArrayList<>();
    if (!reply.title().isBlank()) {
      blocks.add(header(reply.title()));
    }
    sectionTexts(reply).forEach(text -> blocks.add(section(text)));
    blocks.addAll(actionRows(reply.buttons()));
    if (blocks.size() > HOME_BLOCK_LIMIT) {
      log.warn("a Home tab of {} blocks was cut to {}", blocks.size(), HOME_BLOCK_LIMIT);
      blocks.subList(HOME_BLOCK_LIMIT - 1, blocks.size()).clear();
      blocks.add(section("…and more: try `/dbq streak` in a channel."));
    }
    return View.builder().type("home").blocks(blocks).build();
  }

  /** The text a notification or screen reader shows for the reply. */
  static String notification(Reply reply) {
    String text = reply.title().isBlank() ? MRKDWN.render(reply.blocks()) : MRKDWN.escapeText(reply.title());
    return shorten(text.strip(), NOTIFICATION_LIMIT);
  }

  /** Each block of the body rendered as mrkdwn, split into texts that each fit a section. */
  private static List<String> sectionTexts(Reply reply) {
    List<String> texts = new ArrayList<>();
    for (Reply.Block block : reply.blocks()) {
      String rendered = MRKDWN.render(block);
      if (!rendered.isBlank()) {
        texts.addAll(MRKDWN.split(rendered));
      }
    }
    return texts;
  }

  private static HeaderBlock header(String title) {
    return HeaderBlock.builder().text(PlainTextObject.builder().text(shorten(title, HEADER_LIMIT)).build()).build();
  }

  private static SectionBlock section(String mrkdwn) {
    return SectionBlock.builder().text(MarkdownTextObject.builder().text(mrkdwn).build()).build();
  }

  /** The buttons in rows; a button whose action does not fit a value is left out (and logged). */
  private static List<LayoutBlock> actionRows(List<Reply.Button> buttons) {
    List<BlockElement> elements = new ArrayList<>();
    for (Reply.Button button : buttons) {
      if (button.action().length() > VALUE_LIMIT) {
        log.warn("left out the button '{}': its action is {} characters", button.label(), button.action().length());
        continue;
      }
      elements.add(
          ButtonElement.builder()
              .actionId(ACTION_ID_PREFIX + elements.size())
              .text(PlainTextObject.builder().text(shorten(button.label(), LABEL_LIMIT)).build())
              .value(button.action())
              .build());
    }
    List<LayoutBlock> rows = new ArrayList<>();
    for (int from = 0; from < elements.size(); from += BUTTONS_PER_ROW) {
      List<BlockElement> row = new ArrayList<>(elements.subList(from, Math.min(from + BUTTONS_PER_ROW, elements.size())));
      rows.add(ActionsBlock.builder().elements(row).build());
    }
    return rows;
  }

  /** At most {@code limit} characters, an ellipsis marking a cut (never inside a surrogate pair). */
  static String shorten(String text, int limit) {
    if (text.length() <= limit) {
      return text;
    }
    int end = limit - 1;
    if (Character.isLowSurrogate(text.charAt(end))) {
      end--;
    }
    return text.substring(0, end) + "…";
  }
}
