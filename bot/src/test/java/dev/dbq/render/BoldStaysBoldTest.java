package dev.dbq.render;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dbq.chat.Reply;
import dev.dbq.testsupport.Backend;
import dev.dbq.testsupport.TestBot;
import dev.dbq.testsupport.TestDatabase;
import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Labels the bot writes as bold come out bold on Slack ({@code *x*}) and Discord ({@code **x**}),
 * never as italics: the replies are rendered exactly as the platforms show them.
 */
class BoldStaysBoldTest {

  private static TestDatabase database;
  private static TestBot bot;

  @BeforeAll
  static void startBot() {
    database = Backend.SQLITE.create();
    bot = TestBot.on(database.database(), "", Instant.parse("2026-12-07T09:00:00Z"));
  }

  @AfterAll
  static void stopBot() throws Exception {
    database.close();
  }

  @ParameterizedTest(name = "{0} shows {1} in bold")
  @CsvSource({
    "/dbq help, Filters",
    "/dbq topics, Topics",
    "/dbq topics, Companies",
    "/dbq answer q1 detailed, Detailed answer",
    "/dbq answer q1 mistakes, Common mistakes",
    "/dbq scenario 1, Interview questions from this scenario",
  })
  void commandLabelsStayBoldOnEveryPlatform(String command, String label) {
    // given
    Reply reply = bot.command("alice", command);

    // when
    String slack = render(reply, MarkdownFlavour.SLACK);
    String discord = render(reply, MarkdownFlavour.DISCORD);

    // then
    assertBold(slack, discord, label);
  }

  @ParameterizedTest(name = "the round post shows {0} in bold")
  @CsvSource({"I answered", "Quick answer", "Follow-up 1/"})
  void roundLabelsStayBoldOnEveryPlatform(String label) {
    // given a posted round, its first follow-up and (later) its reveal
    bot.bot().rounds().postNow(TestBot.GENERAL);
    bot.clock().set(Instant.parse("2026-12-07T17:00:00Z"));
    bot.bot().rounds().runDue();
    List<Reply> sent = bot.gateway().messages().stream().map(m -> m.reply()).toList();

    // when
    String slack = sent.stream().map(r -> render(r, MarkdownFlavour.SLACK)).collect(Collectors.joining("\n"));
    String discord = sent.stream().map(r -> render(r, MarkdownFlavour.DISCORD)).collect(Collectors.joining("\n"));

    // then
    assertBold(slack, discord, label);
  }

  private static void assertBold(String slack, String discord, String label) {
    String bare = label.endsWith("/") ? label : label + "*";
    assertTrue(slack.contains("*" + bare), "Slack shows " + label + " in *bold*:\n" + slack);
    assertFalse(slack.contains("_" + label), "Slack must not show " + label + " in italics:\n" + slack);
    assertTrue(discord.contains("**" + (label.endsWith("/") ? label : label + "**")), "Discord shows " + label + " in **bold**:\n" + discord);
    assertFalse(discord.contains("_" + label) || discord.matches("(?s).*(?<!\\*)\\*" + java.util.regex.Pattern.quote(label) + ".*"),
        "Discord must not show " + label + " in italics:\n" + discord);
  }

  private static String render(Reply reply, MarkdownFlavour flavour) {
    return reply.blocks().stream()
        .filter(Reply.Text.class::isInstance)
        .map(block -> flavour.render(((Reply.Text) block).markdown()))
        .collect(Collectors.joining("\n"));
  }
}
