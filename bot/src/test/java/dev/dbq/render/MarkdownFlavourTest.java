package dev.dbq.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dbq.chat.Reply;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class MarkdownFlavourTest {

  /** Markdown, then how Slack and Discord must show it. */
  static Stream<Arguments> constructs() {
    return Stream.of(
        Arguments.of("bold", "**Atomicity**: all-or-nothing",
            "*Atomicity*: all-or-nothing", "**Atomicity**: all-or-nothing"),
        Arguments.of("italic", "*eventual* consistency",
            "_eventual_ consistency", "*eventual* consistency"),
        Arguments.of("inline code", "run `SELECT 1` first",
            "run `SELECT 1` first", "run `SELECT 1` first"),
        Arguments.of("inline code holding a backtick", "``a`b``",
            "`a`b`", "``a`b``"),
        Arguments.of("heading", "#### Quick Answer (30 seconds)",
            "*Quick Answer (30 seconds)*", "**Quick Answer (30 seconds)**"),
        Arguments.of("code with a language", "```sql\nSELECT 1;\n```",
            "```\nSELECT 1;\n```", "```sql\nSELECT 1;\n```"),
        Arguments.of("indented code", "    x = 1\n",
            "```\nx = 1\n```", "```\nx = 1\n```"),
        Arguments.of("link", "[docs](https://example.com/a?b=1&c=2)",
            "<https://example.com/a?b=1&amp;c=2|docs>", "[docs](https://example.com/a?b=1&c=2)"),
        Arguments.of("autolink", "<https://example.com>",
            "<https://example.com>", "https://example.com"),
        Arguments.of("relative link keeps only its text", "[the guide](guide.md)",
            "the guide", "the guide"),
        Arguments.of("bullets", "- one\n- two",
            "• one\n• two", "- one\n- two"),
        Arguments.of("nested bullets", "- one\n  - inner\n    - deepest\n- two",
            "• one\n  ◦ inner\n    ▪ deepest\n• two", "- one\n  - inner\n    - deepest\n- two"),
        Arguments.of("numbered list", "1. first\n2. second",
            "1. first\n2. second", "1. first\n2. second"),
        Arguments.of("numbered list keeps its start", "3. third\n4. fourth",
            "3. third\n4. fourth", "3. third\n4. fourth"),
        Arguments.of("bullets under a numbered item", "1. step\n   - detail",
            "1. step\n   ◦ detail", "1. step\n   - detail"),
        Arguments.of("loose list keeps its blank lines", "- one\n\n- two",
            "• one\n\n• two", "- one\n\n- two"),
        Arguments.of("block quote", "> careful\n> now",
            "> careful\n> now", "> careful\n> now"),
        Arguments.of("soft break stays a line break", "**Problem Statement**\nNetflix needs",
            "*Problem Statement*\nNetflix needs", "**Problem Statement**\nNetflix needs"),
        Arguments.of("paragraphs a blank line apart", "one\n\ntwo",
            "one\n\ntwo", "one\n\ntwo"),
        Arguments.of("special characters escaped", "a & b < c > d, 2 \\* 3, snake\\_case",
            "a &amp; b &lt; c &gt; d, 2 * 3, snake_case", "a & b \\< c > d, 2 \\* 3, snake\\_case"),
        Arguments.of("escapes inside code too on Slack", "`a<b && c>d`",
            "`a&lt;b &amp;&amp; c&gt;d`", "`a<b && c>d`"),
        Arguments.of("HTML kept as literal text", "<div>hi</div>",
            "&lt;div&gt;hi&lt;/div&gt;", "\\<div>hi\\</div>"),
        Arguments.of("bare URL left as typed", "see https://x.io/a_b",
            "see https://x.io/a_b", "see https://x.io/a_b"),
        Arguments.of("mention token in source shows as text", "ask <@U123> or <!here>",
            "ask &lt;@U123&gt; or &lt;!here&gt;", "ask \\<@U123> or \\<!here>"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("constructs")
  void rendersEachConstructAsSlackMrkdwn(String construct, String markdown, String slack,
      String discord) {
    // when
    String rendered = MarkdownFlavour.SLACK.render(markdown);

    // then
    assertEquals(slack, rendered);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("constructs")
  void rendersEachConstructAsDiscordMarkdown(String construct, String markdown, String slack,
      String discord) {
    // when
    String rendered = MarkdownFlavour.DISCORD.render(markdown);

    // then
    assertEquals(discord, rendered);
  }

  @Test
  void slackShowsTheBanksFirstDetailedAnswerWithItsBulletsAndCode() {
    // given
    String answer = BankFixture.section("ACID properties form the foundation", "#### Real-World");

    // when
    String slack = MarkdownFlavour.SLACK.render(answer);

    // then
    assertTrue(slack.contains("*Atomicity*: Transactions are all-or-nothing."), slack);
    assertTrue(slack.contains("\n• *Cross-node atomicity* requires distributed consensus"), slack);
    assertTrue(slack.contains("*Code Example*\n\n```\n-- Traditional ACID transaction\n"), slack);
    assertTrue(slack.endsWith("END TRANSACTION;\n```"), slack);
    assertFalse(slack.contains("**"), "Slack bold is a single asterisk: " + slack);
  }

  @Test
  void discordShowsTheBanksFirstDetailedAnswerWithTheCodeLanguage() {
    // given
    String answer = BankFixture.section("ACID properties form the foundation", "#### Real-World");

    // when
    String discord = MarkdownFlavour.DISCORD.render(answer);

    // then
    assertTrue(discord.contains("**Atomicity**: Transactions are all-or-nothing."), discord);
    assertTrue(discord.contains("\n- **Cross-node atomicity** requires"), discord);
    assertTrue(discord.contains("**Code Example**\n\n```sql\n-- Traditional ACID transaction\n"),
        discord);
    assertTrue(discord.contains("  -- Node B: Credit account  \n"),
        "code is copied exactly, trailing spaces too: " + discord);
  }

  @Test
  void scenarioCodeRightAfterABoldLabelStaysAFencedBlock() {
    // given
    String scenario = BankFixture.section("**Implementation Details**", "**Performance Metrics**");

    // when
    String discord = MarkdownFlavour.DISCORD.render(scenario);

    // then
    assertTrue(discord.startsWith("**Implementation Details**\n\n```javascript\n"), discord);
    assertTrue(discord.contains("await this.cache.get(`prefs:${userId}`);"), discord);
  }

  @Test
  void codeContainingATripleBacktickCannotCloseTheChatFence() {
    // given
    String markdown = "````md\nbefore\n```\nafter\n````";

    // when
    String discord = MarkdownFlavour.DISCORD.render(markdown);

    // then
    assertEquals("```md\nbefore\n``\u200B`\nafter\n```", discord);
  }

  @Test
  void rendersAReplysTextAndCodeBlocksABlankLineApart() {
    // given
    List<Reply.Block> blocks =
        List.of(new Reply.Text("**Quick** answer"), new Reply.Code("sql", "SELECT 1;\n"));

    // when
    String slack = MarkdownFlavour.SLACK.render(blocks);
    String discord = MarkdownFlavour.DISCORD.render(blocks);

    // then
    assertEquals("*Quick* answer\n\n```\nSELECT 1;\n```", slack);
    assertEquals("**Quick** answer\n\n```sql\nSELECT 1;\n```", discord);
  }

  @Test
  void splitsRenderedTextUnderEachPlatformsOwnLimit() {
    // given
    String rendered = "word ".repeat(1000).strip();

    // when
    List<String> slackParts = MarkdownFlavour.SLACK.split(rendered);
    List<String> discordParts = MarkdownFlavour.DISCORD.split(rendered);

    // then
    assertEquals(3000, MarkdownFlavour.SLACK.messageLimit());
    assertEquals(2000, MarkdownFlavour.DISCORD.messageLimit());
    assertEquals(2, slackParts.size());
    assertEquals(3, discordParts.size());
  }
}
