package dev.dbq.command;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dbq.bank.BankLibrary;
import dev.dbq.chat.ChannelKey;
import dev.dbq.chat.CommandContext;
import dev.dbq.chat.Reply;
import dev.dbq.testsupport.Backend;
import dev.dbq.testsupport.TestBanks;
import dev.dbq.testsupport.TestBot;
import dev.dbq.testsupport.TestDatabase;
import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The {@code /dbq} grammar against the real bank: every subcommand, every filter, bad input. */
class CommandsTest {

  private static final BankLibrary LIBRARY = TestBanks.library();
  private static final CommandContext ALICE =
      new CommandContext(new ChannelKey("test", "team", "general"), "alice", false);

  private static TestDatabase database;
  private static Commands commands;

  @BeforeAll
  static void startBot() {
    database = Backend.SQLITE.create();
    commands = TestBot.on(database.database(), "", Instant.parse("2026-12-01T08:00:00Z")).bot().commands();
  }

  @AfterAll
  static void stopBot() throws Exception {
    database.close();
  }

  private Reply run(String line) {
    return commands.dispatch(ALICE, line);
  }

  /** Everything a reply shows, as one string: title, blocks and button labels. */
  static String text(Reply reply) {
    return reply.title() + "\n"
        + reply.blocks().stream()
            .map(b -> b instanceof Reply.Text t ? t.markdown() : ((Reply.Code) b).code())
            .collect(Collectors.joining("\n"))
        + "\n" + reply.buttons().stream().map(Reply.Button::label).collect(Collectors.joining(" | "));
  }

  @ParameterizedTest
  @ValueSource(strings = {"/dbq", "/dbq help", "help", "/DBQ HELP"})
  void helpListsEverySubcommandWithItsUsage(String line) {
    // when
    Reply reply = run(line);

    // then
    String shown = text(reply);
    for (CommandHandler handler : commands.handlers().stream().filter(CommandHandler::listed).toList()) {
      assertTrue(shown.contains(handler.usage()), () -> "help lacks " + handler.usage() + ":\n" + shown);
    }
    assertTrue(shown.contains("12 questions and 3 scenarios"), shown);
  }

  @Test
  void randomWithDifficultyStaffGivesAStaffQuestionWithItsQuickAnswer() {
    for (int i = 0; i < 20; i++) {
      // when
      Reply reply = run("/dbq random difficulty:staff");

      // then
      String shown = text(reply);
      assertTrue(shown.contains("**Staff**"), shown);
      assertTrue(reply.title().matches("Q\\d+ · .+"), reply.title());
      var question = LIBRARY.questions().stream()
          .filter(q -> reply.title().equals(QuestionCards.heading(q))).findFirst().orElseThrow();
      assertEquals("Staff", question.difficulty());
      assertTrue(shown.contains(question.quickAnswer()), shown);
      assertTrue(reply.buttons().stream().anyMatch(b -> b.label().equals("Detailed answer")));
    }
  }

  @ParameterizedTest(name = "{0} picks only from {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "topic:\"CAP theorem\"                    | q3 q4",
        "topic:cap theorem                        | q3 q4",
        "TOPIC:ACID                               | q1 q2",
        "difficulty:SENIOR company:stripe        | ",
        "company:Stripe                           | q7 q8",
        "company:google difficulty:staff         | q9",
        "bank:database-architecture difficulty:senior topic:scaling | q6",
        "difficulty:senior difficulty:staff topic:security | q9 q10",
        "tag:\"saga pattern\"                     | q1",
      })
  void randomHonoursEveryFilter(String filters, String expectedIds) {
    // given
    List<String> expected = expectedIds == null ? List.of() : List.of(expectedIds.trim().split(" "));

    // when
    var seen = new java.util.TreeSet<String>();
    for (int i = 0; i < 40; i++) {
      Reply reply = run("/dbq random " + filters);
      LIBRARY.questions().stream()
          .filter(q -> reply.title().equals(QuestionCards.heading(q)))
          .forEach(q -> seen.add(q.shortId()));
      if (expected.isEmpty()) {
        assertTrue(text(reply).contains("No question matches"), text(reply));
      }
    }

    // then
    assertEquals(new java.util.TreeSet<>(expected), seen);
  }

  @ParameterizedTest(name = "{0} → {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "/dbq random difficulty:staf       | Did you mean `difficulty:staff`?",
        "/dbq random difficulty:junior     | Known: `Senior`, `Staff`",
        "/dbq random company:gogle         | Did you mean `company:google`?",
        "/dbq random colour:red            | Unknown filter `colour:`",
        "/dbq random dificulty:staff       | Did you mean `difficulty:`?",
        "/dbq random staff                 | Filters look like `key:value`",
        "/dbq random topic:                | `topic:` needs a value",
        "/dbq randmo                       | Did you mean `random`?",
        "/dbq hlep                         | Did you mean `help`?",
        "/dbq shwo q1                      | Did you mean `show`?",
        "/dbq show 99                      | No question `99`. Ids run q1–q12",
        "/dbq frobnicate                   | Try `help`, `random`",
        "/dbq show                         | Usage: `/dbq show ID`",
        "/dbq show q99                     | No question `q99`. Ids run q1–q12",
        "/dbq show other-bank/q1           | No question `other-bank/q1`",
        "/dbq answer q1 detaled            | Did you mean `detailed`?",
        "/dbq answer                       | Usage: `/dbq answer ID [quick|detailed]`",
        "/dbq search                       | Usage: `/dbq search WORDS...`",
        "/dbq search xyzzy plugh           | No question matches `xyzzy plugh`",
        "/dbq scenario 9                   | No scenario `9`. Ids run s1–s3",
        "/dbq scenario 1 2                 | Usage: `/dbq scenario [N]`",
        "/dbq topics please                | takes no arguments",
        "/dbq show q2147483648             | No question `q2147483648`",
        "/dbq show s99999999999999999999   | No scenario `s99999999999999999999`",
        "/dbq scenario 9223372036854775808 | No scenario `9223372036854775808`",
        "/dbq answer q2147483648 quick     | No question `q2147483648`",
        "/dbq answered 9223372036854775808 | Press **I answered**",
      })
  void badInputGetsAShortReplyNamingWhatIsValid(String line, String expected) {
    // when
    Reply reply = run(line);

    // then
    String shown = text(reply);
    assertTrue(shown.contains(expected), () -> line + " gave:\n" + shown);
    assertTrue(shown.length() < 600, () -> "too long for a hint: " + shown);
  }

  @ParameterizedTest
  @ValueSource(strings = {"q5", "Q5", "5", "database-architecture/q5", "DATABASE-ARCHITECTURE/Q5", "database-architecture/5"})
  void showAcceptsEveryIdSpellingABareNumberToo(String id) {
    // when
    Reply reply = run("/dbq show " + id);

    // then
    assertEquals("Q5 · Design a database architecture for handling 100M+ users", reply.title());
  }

  @Test
  void showOfAScenarioIdShowsTheScenario() {
    // when
    Reply reply = run("/dbq show s2");

    // then
    assertEquals("Scenario 2 of 3 · Uber's Real-Time Location Database", reply.title());
  }

  @Test
  void answerDetailedGivesTheDetailedAnswerAndItsCode() {
    // when
    Reply reply = run("/dbq answer q1 detailed");

    // then
    var q1 = LIBRARY.question("database-architecture/q1").orElseThrow();
    assertTrue(text(reply).contains(q1.detailedAnswer()));
    assertTrue(reply.blocks().stream().anyMatch(b -> b instanceof Reply.Code c && c.language().equals("sql")));
    assertFalse(reply.buttons().stream().anyMatch(b -> b.label().equals("Detailed answer")));
  }

  @ParameterizedTest
  @CsvSource({"quick, Quick answer", "code, Code", "mistakes, Common mistakes", "followups, Follow-ups", "context, Real-world context"})
  void everyAnswerPartHasAButtonThatRunsIt(String keyword, String label) {
    // given
    Reply shown = run("/dbq answer q3 " + (keyword.equals("quick") ? "detailed" : "quick"));
    Reply.Button button = shown.buttons().stream().filter(b -> b.label().equals(label)).findFirst().orElseThrow();

    // when
    Reply pressed = run(button.action());

    // then
    assertEquals(run("/dbq answer q3 " + keyword), pressed);
  }

  @Test
  void searchRanksTitleHitsAboveBodyHits() {
    // when
    Reply reply = run("/dbq search replication");

    // then
    String list = text(reply);
    int titleHit = list.indexOf("Q6 · Explain database replication strategies");
    assertTrue(titleHit >= 0, list);
    var q6First = list.lines().filter(l -> l.startsWith("1. ")).findFirst().orElseThrow();
    assertTrue(q6First.contains("Q6 ·"), list);
    assertTrue(reply.buttons().get(0).action().endsWith("database-architecture/q6"));
  }

  @Test
  void searchWithSeveralWordsPrefersQuestionsMatchingMoreOfThemInTheTitle() {
    // when
    Reply reply = run("/dbq search zero downtime migration");

    // then
    assertTrue(text(reply).lines().anyMatch(l -> l.startsWith("1. ") && l.contains("Q7 ·")), text(reply));
  }

  @Test
  void topicsCountsTopicsDifficultiesAndCompanies() {
    // when
    String shown = text(run("/dbq topics"));

    // then
    assertAll(
        () -> assertTrue(shown.contains("- ACID Properties & Transaction Management (2)"), shown),
        () -> assertTrue(shown.contains("Senior (5)"), shown),
        () -> assertTrue(shown.contains("Staff (7)"), shown),
        () -> assertTrue(shown.contains("12 questions, 3 scenarios"), shown),
        () -> assertTrue(shown.contains("*TL;DR*"), shown));
  }

  @Test
  void scenarioShowsEveryPartAndItsInterviewQuestions() {
    // when
    Reply reply = run("/dbq scenario 1");

    // then
    String shown = text(reply);
    assertEquals("Scenario 1 of 3 · Netflix Content Delivery Database Architecture", reply.title());
    assertTrue(shown.contains("*Problem Statement*"), shown);
    assertTrue(shown.contains("How would you handle content licensing changes across regions?"), shown);
  }

  @ParameterizedTest
  @ValueSource(strings = {"@everyone", "@here", "<!channel>", "<@U024BE7LH>", "<@&123456789>"})
  void textAUserTypedCannotPingAnyone(String ping) {
    // when
    String shown = text(run("/dbq " + ping)) + text(run("/dbq random company:" + ping)) + text(run("/dbq search " + ping));

    // then
    assertFalse(shown.contains(ping), shown);
  }

  @Test
  void aFailingHandlerIsAnsweredWithoutAStackTrace() {
    // given
    CommandHandler broken = new CommandHandler() {
      @Override public String name() { return "broken"; }
      @Override public String arguments() { return ""; }
      @Override public String summary() { return "fails"; }
      @Override public Reply handle(CommandContext context, List<String> args) {
        throw new IllegalStateException("database on fire");
      }
    };

    // when
    Reply reply = new Commands(List.of(broken)).dispatch(ALICE, "/dbq broken");

    // then
    assertEquals("Sorry, `/dbq broken` failed on our side. It was logged; please try again.", text(reply).strip());
  }

  @Test
  void aLineOverTheLengthLimitIsRefusedBeforeAnyParsing() {
    // given: over Slack's own 4,000-character limit for a command
    String line = "/dbq show q" + "1".repeat(Commands.MAX_LINE_LENGTH);

    // when
    String shown = text(run(line));

    // then
    assertTrue(shown.contains("is too long"), shown);
    assertFalse(shown.contains("1111111111"), shown);
    assertTrue(shown.length() < 200, shown);
  }

  @Test
  void typedOptionsOverTheLengthLimitAreRefusedToo() {
    // when
    String shown =
        text(commands.dispatch(ALICE, List.of("random"), java.util.Map.of("topic", "cap ".repeat(Commands.MAX_LINE_LENGTH))));

    // then
    assertTrue(shown.contains("is too long"), shown);
  }
}
