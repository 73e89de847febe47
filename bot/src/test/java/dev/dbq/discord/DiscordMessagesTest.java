package dev.dbq.discord;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dbq.chat.Reply;
import dev.dbq.discord.DiscordMessages.Message;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class DiscordMessagesTest {

  private static final Pattern FENCE_LINE = Pattern.compile("(?m)^```(\\S*)$");

  @Test
  void plainReplyOfExactly2000CharactersIsOneMessage() {
    // given
    Reply reply = Reply.text("a".repeat(2000));

    // when
    List<Message> messages = DiscordMessages.render(reply);

    // then
    assertEquals(1, messages.size());
    assertEquals(2000, messages.get(0).content().length());
    assertTrue(messages.get(0).embeds().isEmpty());
  }

  @Test
  void plainReplyOneCharacterOver2000SplitsIntoTwoMessages() {
    // given
    Reply reply = Reply.text("word ".repeat(400) + "x");

    // when
    List<Message> messages = DiscordMessages.render(reply);

    // then
    assertEquals(2, messages.size());
    messages.forEach(m -> assertTrue(m.content().length() <= DiscordMessages.CONTENT_LIMIT));
  }

  @Test
  void longCodeInPlainReplyKeepsItsLanguageAndEveryFenceClosedInEachMessage() {
    // given
    String code = IntStream.range(0, 300).mapToObj(i -> "SELECT " + i + " FROM t;").reduce((a, b) -> a + "\n" + b).orElseThrow();
    Reply reply = new Reply("", List.of(new Reply.Text("Look:"), new Reply.Code("sql", code)), List.of(), Reply.Visibility.CALLER);

    // when
    List<Message> messages = DiscordMessages.render(reply);

    // then
    assertTrue(messages.size() > 1);
    for (int i = 0; i < messages.size(); i++) {
      String content = messages.get(i).content();
      assertTrue(content.length() <= DiscordMessages.CONTENT_LIMIT, "message " + i + " is " + content.length());
      assertFencesBalancedWithLanguage(content, "sql");
    }
    assertEquals(code.lines().count(), codeLines(messages.stream().map(Message::content).toList()));
  }

  @Test
  void titledReplyOfExactly4096CharactersIsOneEmbed() {
    // given
    Reply reply = titled("Q1", "b".repeat(4096));

    // when
    List<Message> messages = DiscordMessages.render(reply);

    // then
    assertEquals(1, messages.size());
    assertEquals(1, messages.get(0).embeds().size());
    assertEquals(4096, messages.get(0).embeds().get(0).description().length());
    assertEquals("Q1", messages.get(0).embeds().get(0).title());
    assertEquals("", messages.get(0).content());
  }

  @Test
  void embedDescriptionsStayWithin4096AndMessagesWithin6000AcrossEmbeds() {
    // given: 20,000 characters of paragraphs
    String body = IntStream.range(0, 400).mapToObj(i -> "Paragraph " + i + " " + "x".repeat(35)).reduce((a, b) -> a + "\n\n" + b).orElseThrow();
    Reply reply = titled("T".repeat(300), body);

    // when
    List<Message> messages = DiscordMessages.render(reply);

    // then
    assertTrue(messages.size() >= 4);
    for (Message message : messages) {
      assertTrue(message.embeds().size() <= DiscordMessages.EMBEDS_PER_MESSAGE);
      int total = message.embeds().stream().mapToInt(e -> e.title().length() + e.description().length()).sum();
      assertTrue(total <= DiscordMessages.EMBEDS_TOTAL_LIMIT, "embeds total " + total);
      message.embeds().forEach(e -> assertTrue(e.description().length() <= DiscordMessages.DESCRIPTION_LIMIT));
    }
    String firstTitle = messages.get(0).embeds().get(0).title();
    assertEquals(DiscordMessages.TITLE_LIMIT, firstTitle.length());
    assertTrue(firstTitle.endsWith("…"));
  }

  @Test
  void longCodeInEmbedsNeverBreaksAFenceAndKeepsItsLanguage() {
    // given
    String code = IntStream.range(0, 900).mapToObj(i -> "print(" + i + ")  # line").reduce((a, b) -> a + "\n" + b).orElseThrow();
    Reply reply = new Reply("Detailed answer", List.of(new Reply.Code("python", code)), List.of(), Reply.Visibility.CALLER);

    // when
    List<Message> messages = DiscordMessages.render(reply);

    // then
    List<String> descriptions = new ArrayList<>();
    messages.forEach(m -> m.embeds().forEach(e -> descriptions.add(e.description())));
    assertTrue(descriptions.size() > 3);
    descriptions.forEach(d -> assertFencesBalancedWithLanguage(d, "python"));
    assertEquals(900, codeLines(descriptions));
  }

  @Test
  void buttonsGoUnderTheLastMessageInRowsOfFiveAtMostFiveRows() {
    // given
    List<Reply.Button> buttons = IntStream.range(0, 30).mapToObj(i -> new Reply.Button("Q" + i, "/dbq show q" + i)).toList();
    Reply reply = new Reply("Search", List.of(new Reply.Text("x".repeat(4000) + "\n\n" + "y".repeat(4000))), buttons, Reply.Visibility.CALLER);

    // when
    List<Message> messages = DiscordMessages.render(reply);

    // then
    assertTrue(messages.get(0).rows().isEmpty());
    List<List<DiscordMessages.Button>> rows = messages.get(messages.size() - 1).rows();
    assertEquals(DiscordMessages.ROWS, rows.size());
    rows.forEach(row -> assertEquals(DiscordMessages.BUTTONS_PER_ROW, row.size()));
    assertEquals("dbq:show q0", rows.get(0).get(0).customId());
  }

  @Test
  void labelsAreCutTo80CharactersAndCustomIdsStayWithin100() {
    // given
    String longId = "a-very-long-bank-identifier-that-goes-on-and-on-and-on/and-a-long-question-slug-q5";
    Reply reply = titled("Q", "body").withVisibility(Reply.Visibility.CALLER);
    Reply withButtons = new Reply(reply.title(), reply.blocks(),
        List.of(new Reply.Button("L".repeat(81), "/dbq answer " + longId + " detailed"),
            new Reply.Button("L".repeat(80), "/dbq answer " + longId + " quick")),
        Reply.Visibility.CALLER);

    // when
    List<DiscordMessages.Button> row = DiscordMessages.render(withButtons).get(0).rows().get(0);

    // then
    assertEquals(80, row.get(0).label().length());
    assertTrue(row.get(0).label().endsWith("…"));
    assertEquals("L".repeat(80), row.get(1).label());
    row.forEach(b -> assertTrue(b.customId().length() <= 100, b.customId()));
    assertFalse(row.get(0).customId().equals(row.get(1).customId()));
  }

  @Test
  void aButtonOnlyReplyStillHasSomethingToSend() {
    // when
    List<Message> messages = DiscordMessages.render(
        new Reply("", List.of(), List.of(new Reply.Button("Random", "/dbq random")), Reply.Visibility.CALLER));

    // then
    assertEquals(1, messages.size());
    assertFalse(messages.get(0).content().isEmpty());
    assertEquals(1, messages.get(0).rows().size());
  }

  @Test
  void markdownBoldStaysDiscordBold() {
    // when
    String content = DiscordMessages.render(Reply.text("**Current streak:** 2")).get(0).content();

    // then
    assertTrue(content.startsWith("**Current streak:**"), content);
  }

  private static Reply titled(String title, String markdown) {
    return new Reply(title, List.of(new Reply.Text(markdown)), List.of(), Reply.Visibility.CALLER);
  }

  /** Every fence of the text is paired, and every opening names the language. */
  private static void assertFencesBalancedWithLanguage(String text, String language) {
    Matcher fence = FENCE_LINE.matcher(text);
    int count = 0;
    while (fence.find()) {
      if (count % 2 == 0) {
        assertEquals(language, fence.group(1), "an opening fence lost its language in:\n" + text);
      } else {
        assertEquals("", fence.group(1));
      }
      count++;
    }
    assertTrue(count > 0 && count % 2 == 0, "unbalanced fences (" + count + ") in:\n" + text);
  }

  /** Lines of code inside fences across the parts (nothing lost or doubled at the cuts). */
  private static long codeLines(List<String> parts) {
    long lines = 0;
    for (String part : parts) {
      boolean inside = false;
      for (String line : part.split("\n")) {
        if (line.startsWith("```")) {
          inside = !inside;
        } else if (inside) {
          lines++;
        }
      }
    }
    return lines;
  }
}
