package dev.dbq.slack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.slack.api.util.json.GsonFactory;
import dev.dbq.bank.Question;
import dev.dbq.chat.Reply;
import dev.dbq.testsupport.Backend;
import dev.dbq.testsupport.TestBanks;
import dev.dbq.testsupport.TestBot;
import dev.dbq.testsupport.TestDatabase;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class SlackBlocksTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static TestDatabase database;
  private static TestBot bot;

  @BeforeAll
  static void startBot() {
    database = Backend.SQLITE.create();
    bot = TestBot.on(database.database(), "", Instant.parse("2026-12-01T08:00:00Z"));
  }

  @AfterAll
  static void stopBot() throws Exception {
    bot.bot().close();
    database.close();
  }

  @Test
  void aSmallReplyBecomesExactlyThisBlockKit() throws Exception {
    Reply reply = new Reply(
        "Q5 · Sharding <basics> & more",
        List.of(
            new Reply.Text("**Bold** and _soft_; see [the docs](https://example.com/a|b).\n\n- one\n- two"),
            new Reply.Code("sql", "SELECT 1 < 2 && 3 > 2;")),
        List.of(new Reply.Button("Detailed answer", "/dbq answer database-architecture/q5 detailed")),
        Reply.Visibility.CALLER);

    List<SlackBlocks.Message> messages = SlackBlocks.messages(reply);

    assertEquals(1, messages.size());
    assertEquals("Q5 · Sharding &lt;basics&gt; &amp; more", messages.get(0).text());
    assertEquals(
        JSON.readTree("""
            [
              {"type":"header","text":{"type":"plain_text","text":"Q5 · Sharding <basics> & more"}},
              {"type":"section","text":{"type":"mrkdwn","text":"*Bold* and _soft_; see <https://example.com/a%7Cb|the docs>.\\n\\n• one\\n• two"}},
              {"type":"section","text":{"type":"mrkdwn","text":"```\\nSELECT 1 &lt; 2 &amp;&amp; 3 &gt; 2;\\n```"}},
              {"type":"actions","elements":[
                {"type":"button","text":{"type":"plain_text","text":"Detailed answer"},
                 "action_id":"dbq_0","value":"/dbq answer database-architecture/q5 detailed"}]}
            ]"""),
        blocksJson(messages.get(0)));
  }

  @Test
  void helpTopicsAQuestionCardAndARoundPostKeepEveryLimit() throws Exception {
    bot.adminCommand("admin", "schedule set 09:00 UTC daily");
    bot.clock().set(Instant.parse("2026-12-01T09:00:00Z"));
    bot.bot().rounds().runDue();
    Reply roundPost = bot.gateway().posts().get(0).reply();

    for (Reply reply : List.of(bot.command("ann", "help"), bot.command("ann", "topics"), bot.command("ann", "show q1"), roundPost)) {
      List<SlackBlocks.Message> messages = SlackBlocks.messages(reply);
      assertEquals(1, messages.size(), reply.title());
      assertWithinLimits(messages);
      JsonNode blocks = blocksJson(messages.get(0));
      assertEquals("header", blocks.get(0).path("type").asText());
      assertEquals(reply.title(), blocks.get(0).path("text").path("text").asText());
    }
  }

  @Test
  void theLongestDetailedAnswerSplitsIntoSectionsWithWholeCodeFences() throws Exception {
    Question longest = TestBanks.library().questions().stream()
        .filter(q -> !q.codeExamples().isEmpty())
        .max(Comparator.comparingInt(q -> q.detailedAnswer().length() + q.codeExamples().stream().mapToInt(c -> c.code().length()).sum()))
        .orElseThrow();
    Reply detailed = bot.command("ann", "answer " + longest.id() + " detailed");
    // A body longer than one message holds, with a code block longer than a section.
    Reply huge = new Reply(
        detailed.title(),
        List.of(
            new Reply.Text(longest.detailedAnswer().repeat(6)),
            new Reply.Code("sql", "SELECT *\n  FROM orders o\n  JOIN users u ON u.id = o.user_id;\n".repeat(120))),
        detailed.buttons(),
        Reply.Visibility.CALLER);

    for (Reply reply : List.of(detailed, huge)) {
      List<SlackBlocks.Message> messages = SlackBlocks.messages(reply);
      assertWithinLimits(messages);
      for (SlackBlocks.Message message : messages) {
        for (JsonNode block : blocksJson(message)) {
          if (block.path("type").asText().equals("section")) {
            String text = block.path("text").path("text").asText();
            assertEquals(0, count(text, "```") % 2, "a section with an open code fence: " + text);
          }
        }
      }
    }
    List<SlackBlocks.Message> split = SlackBlocks.messages(huge);
    assertTrue(split.size() >= 2, "a body over 12,000 characters takes several messages");
    assertEquals("header", blocksJson(split.get(0)).get(0).path("type").asText());
    JsonNode last = blocksJson(split.get(split.size() - 1));
    assertEquals("actions", last.get(last.size() - 1).path("type").asText(), "the buttons come last");
  }

  @Test
  void longLabelsAndTitlesAreShortenedAndManyButtonsGetUniqueIdsInRowsOfFive() throws Exception {
    List<Reply.Button> buttons = new ArrayList<>();
    for (int i = 0; i < 12; i++) {
      buttons.add(new Reply.Button("Label " + i + " " + "x".repeat(100), "/dbq show q" + i));
    }
    buttons.add(new Reply.Button("Too big", "/dbq search " + "y".repeat(2000)));
    Reply reply = new Reply("T".repeat(400), List.of(new Reply.Text("body")), buttons, Reply.Visibility.CALLER);

    List<SlackBlocks.Message> messages = SlackBlocks.messages(reply);

    assertWithinLimits(messages);
    JsonNode blocks = blocksJson(messages.get(0));
    assertEquals(150, blocks.get(0).path("text").path("text").asText().length());
    List<JsonNode> rows = new ArrayList<>();
    blocks.forEach(b -> {
      if (b.path("type").asText().equals("actions")) {
        rows.add(b);
      }
    });
    assertEquals(List.of(5, 5, 2), rows.stream().map(r -> r.path("elements").size()).toList());
    assertTrue(rows.get(0).path("elements").get(0).path("text").path("text").asText().endsWith("…"));
  }

  @Test
  void aPrivateQuestionCardGetsAShareButtonAndAChannelPostDoesNot() {
    Reply card = bot.command("ann", "show q1");

    Reply shared = ShareButton.addTo(card);

    Reply.Button share = shared.buttons().get(shared.buttons().size() - 1);
    assertEquals(ShareButton.LABEL, share.label());
    assertTrue(share.action().matches("share:/dbq show \\S+/q1"), share.action());
    assertEquals(card.withVisibility(Reply.Visibility.CHANNEL), ShareButton.addTo(card.withVisibility(Reply.Visibility.CHANNEL)));
    assertEquals(bot.command("ann", "help"), ShareButton.addTo(bot.command("ann", "help")));
  }

  @Test
  void aHomeViewHoldsAtMostAHundredBlocks() throws Exception {
    List<Reply.Block> body = new ArrayList<>();
    for (int i = 0; i < 150; i++) {
      body.add(new Reply.Text("**#c" + i + "** Current streak: 1"));
    }
    JsonNode view = JSON.readTree(GsonFactory.createSnakeCase().toJson(
        SlackBlocks.home(new Reply("Your interview practice", body, List.of(), Reply.Visibility.CALLER))));

    assertEquals("home", view.path("type").asText());
    assertEquals(SlackBlocks.HOME_BLOCK_LIMIT, view.path("blocks").size());
    assertEquals("*#c0* Current streak: 1", view.path("blocks").get(1).path("text").path("text").asText());
  }

  /** Every limit of Slack's, and bold written Slack's way. */
  static void assertWithinLimits(List<SlackBlocks.Message> messages) throws Exception {
    for (SlackBlocks.Message message : messages) {
      assertWithinLimits(blocksJson(message));
    }
  }

  /** One message's blocks, as Slack receives them, keep every limit. */
  static void assertWithinLimits(JsonNode blocks) {
    {
      assertTrue(blocks.size() <= SlackBlocks.MESSAGE_BLOCK_LIMIT, "blocks: " + blocks.size());
      int chars = 0;
      Set<String> actionIds = new HashSet<>();
      for (JsonNode block : blocks) {
        switch (block.path("type").asText()) {
          case "header" -> assertTrue(block.path("text").path("text").asText().length() <= SlackBlocks.HEADER_LIMIT);
          case "section" -> {
            String text = block.path("text").path("text").asText();
            assertFalse(text.isBlank());
            assertTrue(text.length() <= SlackBlocks.SECTION_TEXT_LIMIT, "section of " + text.length());
            assertFalse(text.contains("**"), "bold must be *x* in mrkdwn: " + text);
            chars += text.length();
          }
          case "actions" -> {
            assertTrue(block.path("elements").size() <= 25);
            for (JsonNode button : block.path("elements")) {
              assertTrue(button.path("text").path("text").asText().length() <= SlackBlocks.LABEL_LIMIT);
              assertTrue(button.path("value").asText().length() <= SlackBlocks.VALUE_LIMIT);
              assertTrue(actionIds.add(button.path("action_id").asText()), "duplicate action_id");
            }
          }
          default -> throw new AssertionError("unexpected block " + block);
        }
      }
      assertTrue(chars <= SlackBlocks.MESSAGE_TEXT_LIMIT, "message of " + chars + " characters");
    }
  }

  static JsonNode blocksJson(SlackBlocks.Message message) throws Exception {
    return JSON.readTree(GsonFactory.createSnakeCase().toJson(message.blocks()));
  }

  private static int count(String text, String part) {
    int n = 0;
    for (int at = text.indexOf(part); at >= 0; at = text.indexOf(part, at + part.length())) {
      n++;
    }
    return n;
  }
}
