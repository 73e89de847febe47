package dev.dbq.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dbq.chat.UserText;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class UserTextTest {

  private static final String ZWSP = "\u200B";

  /** Anything Slack or Discord would turn into a notification. */
  private static final Pattern PING =
      Pattern.compile("(?i)@(everyone|here|channel)|<[@#!]");

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {
      "@everyone", "@here", "@channel", "hey @Everyone look", "@HERE!",
      "<!channel>", "<!here>", "<!everyone>", "<!here|here>", "<!subteam^S0123ABC>",
      "<@U123ABC>", "<@W123|jo>", "<#C123ABC>", "<#C123|general>",
      "<@123456789012345678>", "<@!123456789012345678>", "<@&123456789012345678>",
      "<#123456789012345678>", "ping <@1> and <@&2> and @here together"})
  void neutralizedTextCanPingNobodyAndReadsTheSame(String typed) {
    // when
    String safe = UserText.neutralize(typed);

    // then
    assertFalse(PING.matcher(safe).find(), safe);
    assertEquals(typed, safe.replace(ZWSP, ""), "only invisible characters are added");
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"mail me at jo@example.com", "x < y && y > z", "a <b> c", "plain"})
  void leavesTextWithoutPingsUnchanged(String typed) {
    // when / then
    assertEquals(typed, UserText.neutralize(typed));
  }

  @Test
  void neutralizingTwiceChangesNothingMore() {
    // given
    String once = UserText.neutralize("@here <@U1> <!channel>");

    // when
    String twice = UserText.neutralize(once);

    // then
    assertEquals(once, twice);
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"@everyone", "<!channel>", "<@U123>", "<@&123>", "<#C1>", "@here"})
  void pingsEchoedAsLiteralTextStayHarmlessOnEveryPlatform(String typed) {
    // given
    String markdown = "Unknown subcommand " + UserText.literal(typed) + ".";

    // when
    String slack = MarkdownFlavour.SLACK.render(markdown);
    String discord = MarkdownFlavour.DISCORD.render(markdown);

    // then
    assertFalse(PING.matcher(slack).find(), slack);
    assertFalse(PING.matcher(discord).find(), discord);
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"@everyone", "<!here>", "<@U123>", "<@!123>"})
  void pingsEchoedAsCodeStayHarmlessOnEveryPlatform(String typed) {
    // given
    String markdown = "Unknown subcommand " + UserText.code(typed) + ".";

    // when
    String slack = MarkdownFlavour.SLACK.render(markdown);
    String discord = MarkdownFlavour.DISCORD.render(markdown);

    // then
    assertFalse(PING.matcher(slack).find(), slack);
    assertFalse(PING.matcher(discord).find(), discord);
  }

  @Test
  void literalTextNeverBecomesFormatting() {
    // given
    String typed = "**bold** _it_ `code` [link](https://x.io) # title\n- item";

    // when
    String discord = MarkdownFlavour.DISCORD.render("You typed: " + UserText.literal(typed));
    String terminal = new TerminalRenderer(200, false).render("You typed: " + UserText.literal(typed));

    // then
    assertEquals("You typed: **bold** _it_ `code` [link](https://x.io) # title - item", terminal);
    assertEquals("You typed: \\*\\*bold\\*\\* \\_it\\_ \\`code\\` [link](https://x.io) # title - item",
        discord);
  }

  @Test
  void codeSpanSurvivesBackticksInTheTypedText() {
    // given
    String typed = "`a``b`";

    // when
    String markdown = UserText.code(typed);
    String terminal = new TerminalRenderer(80, false).render(markdown);

    // then
    assertEquals("``` `a``b` ```", markdown);
    assertEquals("`" + typed + "`", terminal);
  }

  @Test
  void escapesPlainTextForEachPlatform() {
    // given
    String typed = "<@U1> & *x*";

    // when
    String slack = MarkdownFlavour.SLACK.escapeUserText(typed);
    String discord = MarkdownFlavour.DISCORD.escapeUserText(typed);

    // then
    assertEquals("&lt;" + ZWSP + "@U1&gt; &amp; *x*", slack);
    assertEquals("\\<" + ZWSP + "@U1> & \\*x\\*", discord);
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {
      "a\u001b[2Jb", "bell\u0007", "nul\u0000", "c1\u009bx", "del\u007f",
      "rtl\u202Eoverride", "embed\u202Ax\u202C", "isolate\u2066x\u2069"})
  void controlAndBidiCharactersBecomeAVisibleReplacement(String typed) {
    // when
    String safe = UserText.neutralize(typed);

    // then
    assertEquals(java.util.List.of(), dev.dbq.testsupport.UserTextProbe.unsafeCharacters(safe), safe);
    assertTrue(safe.contains("\uFFFD"), safe);
  }

  @Test
  void aCarriageReturnCannotRewriteTheLineItIsOn() {
    assertEquals("one\ntwo\nthree", UserText.neutralize("one\r\ntwo\rthree"));
  }

  @Test
  void keepsLineBreaksTabsAndOrdinaryUnicode() {
    // given
    String typed = "line one\n\tline two: caf\u00e9, \u65e5\u672c, \u05e9\u05dc\u05d5\u05dd \ud83d\ude00";

    // when / then
    assertEquals(typed, UserText.neutralize(typed));
  }

  @Test
  void shortenedTextIsBoundedWithoutSplittingACharacter() {
    // given: an emoji (two chars) straddling the bound
    String typed = "x".repeat(9) + "\ud83d\ude00" + "y".repeat(100);

    // when
    String shown = UserText.shortened(typed, 10);

    // then
    assertEquals("x".repeat(9) + "\ud83d\ude00…", shown);
    assertEquals("short", UserText.shortened("short", 10));
  }
}
