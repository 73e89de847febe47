package dev.dbq.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dbq.app.BotRuntime;
import dev.dbq.app.HttpRoutes;
import dev.dbq.config.ConfigLoader;
import dev.dbq.config.DbqConfig;
import dev.dbq.render.TerminalRenderer;
import dev.dbq.testsupport.Backend;
import dev.dbq.testsupport.EachBackend;
import dev.dbq.testsupport.TestBanks;
import dev.dbq.testsupport.TestDatabase;
import dev.dbq.testsupport.UserTextProbe;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The console end to end: script lines in, what the bot and the console say out. */
class ConsoleAppTest {

  private static final Path TWO_WEEKS = Path.of("..", "docs", "examples", "two-weeks.txt");
  private static final Instant FRIDAY_MORNING = Instant.parse("2026-11-27T08:00:00Z");

  private final List<TestDatabase> databases = new ArrayList<>();

  @AfterEach
  void dropDatabases() throws IOException {
    for (TestDatabase database : databases) {
      database.close();
    }
  }

  private static String run(TestDatabase database, String configYaml, String script) {
    return run(database, configYaml, FRIDAY_MORNING, script);
  }

  private static String run(TestDatabase database, String configYaml, Instant start, String script) {
    DbqConfig config =
        new ConfigLoader(Map.of())
            .parse("test.yml", "database:\n  url: \"" + database.url() + "\"\n" + configYaml);
    List<String> out = new ArrayList<>();
    new ConsoleApp(
            (console, clock) ->
                BotRuntime.start(config, TestBanks.library(), List.of(console), clock, new SplittableRandom(1), HttpRoutes.NONE)::close,
            config.rounds().zone(), "general", "you", start)
        .runScript(
            new ByteArrayInputStream(script.getBytes(StandardCharsets.UTF_8)),
            new TerminalRenderer(100, false),
            out::add);
    return String.join("\n", out);
  }

  private String run(String script) {
    TestDatabase database = Backend.SQLITE.create();
    databases.add(database);
    return run(database, "", script);
  }

  @EachBackend
  void aScriptOverTwoWeeksGivesTheStreaksOfTheDesign(TestDatabase database) throws IOException {
    // given
    String script = Files.readString(TWO_WEEKS);

    // when
    String printed = run(database, "streaks:\n  team_quorum: 2\n", script);

    // then
    List<String> streaks = printed.lines().filter(l -> l.startsWith("Current streak:")).toList();
    assertEquals(
        List.of(
            "Current streak: 2 · Best streak: 3 · Team streak: 1 (best 3)",
            "Current streak: 2 · Best streak: 3 · Team streak: 1 (best 3)"),
        streaks,
        printed);
    assertTrue(printed.contains("1. alice · Current streak: 2 · Best streak: 3 · Rounds answered: 5"), printed);
    assertTrue(printed.contains("1. bob · Current streak: 2 · Best streak: 3 · Rounds answered: 5"), printed);
    assertEquals(7, printed.lines().filter(l -> l.startsWith("#general · dbq posted:")).count(), printed);
  }

  @Test
  void theSameScriptPrintsTheSameOnSqliteAndPostgresql() throws IOException {
    // given
    String script = Files.readString(TWO_WEEKS);
    TestDatabase sqlite = Backend.SQLITE.create();
    databases.add(sqlite);
    TestDatabase postgresql;
    try {
      postgresql = Backend.POSTGRESQL.create();
    } catch (RuntimeException unreachable) {
      org.junit.jupiter.api.Assumptions.assumeFalse(
          !"true".equals(System.getenv("CI")), "PostgreSQL not reachable; skipped outside CI: " + unreachable.getMessage());
      throw unreachable;
    }
    databases.add(postgresql);

    // when
    String onSqlite = run(sqlite, "", script);
    String onPostgresql = run(postgresql, "", script);

    // then
    assertEquals(onSqlite, onPostgresql);
  }

  @Test
  void onlyTheConsoleUserIsAnAdminNotThePeopleMetWithAs() {
    // when: the console user is "you"
    String printed = run(":as bob\n/dbq schedule off\n:as you\n/dbq schedule off\n");

    // then
    int refused = printed.indexOf("Only admins can change the schedule");
    assertTrue(refused >= 0, printed);
    assertTrue(printed.indexOf("Schedule saved.") > refused, printed);
  }

  @Test
  void thePeopleTheConfigNamesUnderAdminsAreAdminsInTheConsoleToo() {
    // given
    TestDatabase database = Backend.SQLITE.create();
    databases.add(database);

    // when
    String printed = run(database, "admins: [bob, \"console:carol\"]\n",
        ":as bob\n/dbq schedule off\n:as carol\n/dbq schedule set 09:30 UTC daily\n:as dave\n/dbq schedule off\n");

    // then
    assertEquals(2, printed.split("Schedule saved\\.", -1).length - 1, printed);
    assertEquals(1, printed.split("Only admins can change the schedule", -1).length - 1, printed);
  }

  @Test
  void qotdPostsTheQuestionOfTheDayWithItsFirstFollowUpInTheThread() {
    // when
    String printed = run(":qotd\n:qotd\n");

    // then
    assertTrue(printed.contains("#general · dbq posted:\nQuestion of the day · Fri 27 Nov · Q"), printed);
    assertTrue(printed.contains("[Quick answer] [Detailed answer] [I answered]"), printed);
    assertTrue(printed.contains("  │ Follow-up 1/"), printed);
    assertTrue(printed.contains("Today's question of the day is already posted here"), printed);
  }

  @Test
  void theQuickAnswerIsRevealedInTheThreadAtTheRevealTime() {
    // when
    String printed = run(":time 2026-11-27T09:00\n:time 2026-11-27T16:59\n:time 2026-11-27T17:00\n");

    // then
    int revealStamp = printed.indexOf("[Fri 27 Nov 2026 17:00]");
    assertTrue(revealStamp > 0, printed);
    assertTrue(printed.indexOf("  │ Quick answer") > revealStamp, printed);
  }

  @Test
  void aReplyAfterTheIntervalBringsTheNextFollowUp() {
    // when
    String printed =
        run(
            ":time 2026-11-27T09:00\n:as alice\n:reply first thoughts\n"
                + ":time 2026-11-27T09:59\n:time 2026-11-27T10:00\n");

    // then
    assertTrue(printed.contains("(alice: counted for today's question)"), printed);
    int secondFollowUp = printed.indexOf("Follow-up 2/");
    assertTrue(secondFollowUp > printed.indexOf("[Fri 27 Nov 2026 10:00]"), printed);
  }

  @Test
  void clickingIAnsweredCountsTheUserOnce() {
    // when
    String printed = run(":qotd\n:as carol\n:click I answered\n:click I answered\n/dbq streak\n");

    // then
    assertTrue(printed.contains("Counted: you took part"), printed);
    assertTrue(printed.contains("You are already counted"), printed);
    assertTrue(printed.contains("Current streak: 1 · Best streak: 1 · Team streak: 1 (best 1)"), printed);
  }

  @Test
  void clickPressesAButtonOfTheLastMessageByLabelPrefix() {
    // when
    String printed = run("/dbq show q1\n:click detail\n");

    // then
    assertTrue(printed.contains("Atomicity"), printed);
  }

  @EachBackend
  void aReplyAfterARestartOnTheSameDatabaseCountsInThatDaysRound(TestDatabase database) {
    // given: yesterday's console session posted a round and took a reply, then exited
    run(database, "", Instant.parse("2026-12-07T08:00:00Z"), ":time 2026-12-07T09:05\n:reply a\n");

    // when: a new console process on the same database does the same the next day
    String printed = run(database, "", Instant.parse("2026-12-08T08:00:00Z"), ":time 2026-12-08T09:05\n:reply a\n");

    // then
    assertTrue(printed.contains("(you: counted for today's question)"), printed);
  }

  @Test
  void aReplyIsCountedWithGrammarThatFitsEveryName() {
    // when
    String printed = run(":qotd\n:reply mine\n:reply again\n");

    // then
    assertTrue(printed.contains("(you: counted for today's question)"), printed);
    assertTrue(printed.contains("(you: already counted for today's question)"), printed);
  }

  @Test
  void threadMessagesFitTheRenderWidthWithTheirIndent() {
    // when
    String printed = run(":time 2026-11-27T09:00\n:time 2026-11-27T17:00\n");

    // then
    List<String> tooWide = printed.lines().filter(l -> l.length() > 100).toList();
    assertEquals(List.of(), tooWide, printed);
    assertTrue(printed.contains("  │ Quick answer"), printed);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        ":time 9999-12-31T23:59  | The console's clock runs from 2000 to 2100",
        ":time 2027-11-28T09:00  | at most 366 days",
      })
  void theSimulatedClockRefusesHugeJumpsWithOneLine(String line, String expected) {
    String printed = run(line + "\n");
    assertTrue(printed.contains(expected), printed);
    assertEquals(1, printed.lines().count(), printed);
  }

  @Test
  void aStartOutsideTheSupportedYearsIsRefusedBeforeAnythingRuns() {
    IllegalArgumentException refused =
        assertThrows(
            IllegalArgumentException.class, () -> ConsoleClock.checkSupported(Instant.parse("0001-01-01T00:00:00Z")));
    assertTrue(refused.getMessage().contains("2000 to 2100"), refused.getMessage());
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        ":as @everyone                    | You are now @\u200Beveryone.",
        ":as <!channel>                   | You are now <\u200B!channel>.",
      })
  void switchingUserEchoesTheNameWithoutPings(String line, String expected) {
    String printed = run(line + "\n");
    assertEquals(expected, printed);
  }

  @Test
  void aUserNamedLikeAMentionRepliesWithoutPingingAnyone() {
    // when
    String printed = run(":qotd\n:as <!channel>\n:reply hi\n");

    // then
    assertFalse(printed.contains("<!channel>"), printed);
    assertTrue(printed.contains("<\u200B!channel>: counted"), printed);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        ":as a\u001b[2Jb",
        ":as a\u0007\u0000b",
        ":reply x\u001b[2J\u009b\u0007y",
        "/dbq show q1\u202E",
        "/dbq random topic:cap\u2066x\u2069",
        ":click \u001b]0;title\u0007",
      })
  void controlAndBidiCharactersNeverReachTheTerminal(String line) {
    // when
    String printed = run(":qotd\n" + line + "\n");

    // then
    assertEquals(List.of(), UserTextProbe.unsafeCharacters(printed), printed);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        ":frob                   | Unknown console line :frob.",
        ":clik Code              | Did you mean :click?",
        "hello there             | Type a command such as /dbq help",
        "/dbx random             | Only /dbq commands exist here",
        ":click                  | No message with buttons yet",
        ":as two words           | Usage: :as NAME",
        ":reply hi               | There is no question of the day to reply to yet",
        ":time tomorrow          | Usage: :time ISO-DATETIME",
        ":time 2026-11-01T09:00  | The clock only moves forward",
      })
  void otherLinesGetAOneLineHint(String line, String expected) {
    String printed = run(line + "\n");
    assertTrue(printed.contains(expected), printed);
    assertEquals(1, printed.lines().count(), printed);
  }
}
