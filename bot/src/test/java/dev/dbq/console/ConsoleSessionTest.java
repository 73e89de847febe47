package dev.dbq.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dbq.command.Commands;
import dev.dbq.render.TerminalRenderer;
import dev.dbq.testsupport.TestBanks;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ConsoleSessionTest {

  private final ConsoleSession session =
      new ConsoleSession(
          Commands.create(TestBanks.library(), new SplittableRandom(1)),
          new TerminalRenderer(100, false)::render,
          "general",
          "you");

  @Test
  void aSlashCommandPrintsTheRenderedReply() {
    // when
    String printed = session.handle("/dbq show q2");

    // then
    assertTrue(printed.contains("Compare different isolation levels and their use cases"), printed);
    assertTrue(printed.contains("[Detailed answer]"), printed);
  }

  @Test
  void clickPressesAButtonOfTheLastMessageByLabelPrefix() {
    // given
    session.handle("/dbq show q1");

    // when
    String printed = session.handle(":click detail");

    // then
    assertTrue(printed.contains("Detailed answer"), printed);
    assertTrue(printed.contains("Atomicity"), printed);
  }

  @Test
  void clickNamesTheButtonsWhenNoneMatches() {
    // given
    session.handle("/dbq show q1");

    // when
    String printed = session.handle(":click nope");

    // then
    assertTrue(printed.startsWith("No button 'nope'. Buttons: Detailed answer, Code"), printed);
  }

  @Test
  void asSwitchesTheUser() {
    // when
    String printed = session.handle(":as alice");

    // then
    assertEquals("You are now alice.", printed);
    assertEquals("alice", session.user());
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "''                 | ''",
        "# a comment        | ''",
        ":frob              | Unknown console line :frob",
        ":clik Code         | Did you mean :click?",
        "hello there        | Type a command such as /dbq help",
        "/dbx random        | Only /dbq commands exist here",
        ":click             | The last message has no buttons",
        ":as two words      | Usage: :as NAME",
      })
  void otherLinesGetAOneLineHint(String line, String expected) {
    assertTrue(session.handle(line).contains(expected), () -> session.handle(line));
  }
}
