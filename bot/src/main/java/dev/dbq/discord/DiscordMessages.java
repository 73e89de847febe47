package dev.dbq.discord;

import dev.dbq.chat.Attachment;
import dev.dbq.chat.Reply;
import dev.dbq.render.MarkdownFlavour;
import dev.dbq.render.MessageSplitter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The reply model as Discord messages, within Discord's limits. A reply with a title becomes
 * embeds (a card: the title above, the body in the description, up to 6,000 characters a
 * message); a reply without one is plain content, as a person would write it. A long body
 * splits into several messages with code fences closed and reopened, so each renders alone;
 * the buttons go under the last one.
 */
final class DiscordMessages {

  static final int CONTENT_LIMIT = 2000;
  static final int DESCRIPTION_LIMIT = 4096;
  static final int EMBEDS_TOTAL_LIMIT = 6000;
  static final int EMBEDS_PER_MESSAGE = 10;
  static final int TITLE_LIMIT = 256;
  static final int LABEL_LIMIT = 80;
  static final int BUTTONS_PER_ROW = 5;
  static final int ROWS = 5;

  private static final Logger log = LoggerFactory.getLogger(DiscordMessages.class);
  private static final MarkdownFlavour FLAVOUR = MarkdownFlavour.DISCORD;
  private static final String ELLIPSIS = "…";
  /** Discord refuses an empty message: what stands for no text. */
  private static final String EMPTY_CONTENT = "\u200B";

  private DiscordMessages() {}

  /** One embed: {@code title} is empty except on a reply's first embed. */
  record Embed(String title, String description) {
    int length() {
      return title.length() + description.length();
    }
  }

  /** One button, its action already encoded as a custom id. */
  record Button(String label, String customId) {}

  /** One Discord message: content or embeds, rows of buttons, and pictures attached as files. */
  record Message(String content, List<Embed> embeds, List<List<Button>> rows, List<Attachment.Picture> files) {
    Message {
      embeds = List.copyOf(embeds);
      rows = rows.stream().map(List::copyOf).toList();
      files = List.copyOf(files);
    }

    Message(String content, List<Embed> embeds, List<List<Button>> rows) {
      this(content, embeds, rows, List.of());
    }
  }

  /** Files in one message (Discord's limit). */
  static final int FILES_PER_MESSAGE = 10;

  /**
   * The messages showing {@code reply}, in order (at least one); its pictures, a chart's
   * included (Discord draws no chart from numbers), go with the last, ten a message.
   */
  static List<Message> render(Reply reply) {
    String body = FLAVOUR.render(reply.blocks());
    List<List<Button>> rows = rows(reply.buttons());
    List<Message> messages = reply.title().isBlank() ? asContent(body) : asEmbeds(reply.title(), body);
    List<Attachment.Picture> pictures = pictures(reply);
    Message last = messages.get(messages.size() - 1);
    int first = Math.min(pictures.size(), FILES_PER_MESSAGE);
    messages.set(messages.size() - 1, new Message(last.content(), last.embeds(), rows, pictures.subList(0, first)));
    for (int from = first; from < pictures.size(); from += FILES_PER_MESSAGE) {
      List<Attachment.Picture> more = pictures.subList(from, Math.min(from + FILES_PER_MESSAGE, pictures.size()));
      messages.add(new Message(EMPTY_CONTENT, List.of(), List.of(), more));
    }
    return List.copyOf(messages);
  }

  private static List<Attachment.Picture> pictures(Reply reply) {
    return reply.attachments().stream()
        .map(a -> a instanceof Attachment.Chart chart ? chart.picture() : (Attachment.Picture) a)
        .toList();
  }

  private static List<Message> asContent(String body) {
    List<Message> messages = new ArrayList<>();
    for (String part : MessageSplitter.split(body, CONTENT_LIMIT)) {
      messages.add(new Message(part, List.of(), List.of()));
    }
    if (messages.isEmpty()) {
      // Discord refuses an empty message; a reply with only buttons still needs a line.
      messages.add(new Message(EMPTY_CONTENT, List.of(), List.of()));
    }
    return messages;
  }

  private static List<Message> asEmbeds(String title, String body) {
    String shownTitle = shorten(FLAVOUR.escapeText(title.strip()), TITLE_LIMIT);
    List<String> parts = MessageSplitter.split(body, DESCRIPTION_LIMIT);
    List<Embed> embeds = new ArrayList<>();
    if (parts.isEmpty()) {
      embeds.add(new Embed(shownTitle, ""));
    }
    for (int i = 0; i < parts.size(); i++) {
      embeds.add(new Embed(i == 0 ? shownTitle : "", parts.get(i)));
    }
    List<Message> messages = new ArrayList<>();
    List<Embed> current = new ArrayList<>();
    int total = 0;
    for (Embed embed : embeds) {
      if (!current.isEmpty()
          && (current.size() == EMBEDS_PER_MESSAGE || total + embed.length() > EMBEDS_TOTAL_LIMIT)) {
        messages.add(new Message("", current, List.of()));
        current = new ArrayList<>();
        total = 0;
      }
      current.add(embed);
      total += embed.length();
    }
    messages.add(new Message("", current, List.of()));
    return messages;
  }

  /**
   * The buttons in rows of five, at most five rows. Duplicate actions are shown once (Discord
   * refuses two equal custom ids in a message); an action that cannot fit a custom id is left
   * out rather than failing the whole reply.
   */
  static List<List<Button>> rows(List<Reply.Button> buttons) {
    Map<String, Button> byId = new LinkedHashMap<>();
    for (Reply.Button button : buttons) {
      Optional<String> id = ButtonIds.encode(button.action());
      if (id.isEmpty()) {
        log.warn("Button '{}' left out: its action does not fit Discord's 100-character custom id", button.label());
      } else {
        byId.putIfAbsent(id.get(), new Button(shorten(button.label().strip(), LABEL_LIMIT), id.get()));
      }
    }
    List<Button> kept = new ArrayList<>(byId.values());
    if (kept.size() > BUTTONS_PER_ROW * ROWS) {
      log.warn("{} buttons: Discord shows at most {}, the rest are left out", kept.size(), BUTTONS_PER_ROW * ROWS);
      kept = kept.subList(0, BUTTONS_PER_ROW * ROWS);
    }
    List<List<Button>> rows = new ArrayList<>();
    for (int from = 0; from < kept.size(); from += BUTTONS_PER_ROW) {
      rows.add(List.copyOf(kept.subList(from, Math.min(from + BUTTONS_PER_ROW, kept.size()))));
    }
    return rows;
  }

  /** The text cut to {@code limit} characters, ending in an ellipsis when cut. */
  static String shorten(String text, int limit) {
    if (text.length() <= limit) {
      return text;
    }
    int end = limit - ELLIPSIS.length();
    if (Character.isHighSurrogate(text.charAt(end - 1))) {
      end--;
    }
    if (text.charAt(end - 1) == '\\') {
      end--; // an escape cut from what it escapes would escape the ellipsis
    }
    return text.substring(0, end) + ELLIPSIS;
  }
}
