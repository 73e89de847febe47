package dev.dbq.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.dbq.chat.Mention;
import dev.dbq.chat.UserText;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** People and channels the bot names show as names on Slack and Discord, as ids in the terminal. */
class MentionTest {

  private static final TerminalRenderer TERMINAL = new TerminalRenderer(80, false);

  @ParameterizedTest(name = "{0}: Slack {1}, Discord {2}, terminal {3}")
  @CsvSource(delimiter = '|', value = {
      "user U024BE7LH         | <@U024BE7LH> | <@U024BE7LH> | U024BE7LH",
      "channel C0123          | <#C0123>     | <#C0123>     | #C0123",
      "user 80351110224678912 | <@80351110224678912> | <@80351110224678912> | 80351110224678912",
      "user alice b           | alice b      | alice b      | alice b",
  })
  void aMentionShowsAsEachPlatformNamesIt(String mention, String slack, String discord, String terminal) {
    // given
    String[] kindAndId = mention.split(" ", 2);
    String markdown = kindAndId[0].equals("user") ? Mention.user(kindAndId[1]) : Mention.channel(kindAndId[1]);

    // then
    assertEquals(slack, MarkdownFlavour.SLACK.render(markdown));
    assertEquals(discord, MarkdownFlavour.DISCORD.render(markdown));
    assertEquals(terminal, TERMINAL.render(markdown).strip());
  }

  @ParameterizedTest(name = "a bank writing {0}")
  @CsvSource(delimiter = '|', value = {"[boss](dbq:user/U1)", "<dbq:channel/C1>", "[x](dbq-0:user/U1)"})
  void markdownFromABankNeverBecomesAMention(String markdown) {
    // when
    String slack = MarkdownFlavour.SLACK.render(markdown);
    String discord = MarkdownFlavour.DISCORD.render(markdown);

    // then
    assertFalse(slack.contains("<@") || slack.contains("<#"), slack);
    assertFalse(discord.contains("<@") || discord.contains("<#"), discord);
  }

  @ParameterizedTest(name = "typed {0}")
  @CsvSource(delimiter = '|', value = {"[boss](dbq:user/U1)", "<dbq:channel/C1>"})
  void textAUserTypedNeverBecomesAMention(String typed) {
    // when
    String slack = MarkdownFlavour.SLACK.render(UserText.literal(typed));
    String discord = MarkdownFlavour.DISCORD.render(UserText.literal(typed));

    // then
    assertFalse(slack.contains("<@") || slack.contains("<#"), slack);
    assertFalse(discord.contains("<@") || discord.contains("<#"), discord);
  }
}
