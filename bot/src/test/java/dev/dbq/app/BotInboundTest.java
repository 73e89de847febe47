package dev.dbq.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Level;
import dev.dbq.chat.Caller;
import dev.dbq.chat.ChannelKey;
import dev.dbq.chat.CommandSpec;
import dev.dbq.chat.OptionSpec;
import dev.dbq.chat.Reply;
import dev.dbq.testsupport.Backend;
import dev.dbq.testsupport.CapturedLog;
import dev.dbq.testsupport.TestBot;
import dev.dbq.testsupport.TestDatabase;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The typed side of the inbound entry: command descriptions, typed options and suggestions. */
class BotInboundTest {

  private static TestDatabase database;
  private static TestBot bot;

  @BeforeAll
  static void startBot() {
    database = Backend.SQLITE.create();
    bot = TestBot.on(database.database(), "", Instant.parse("2026-12-07T08:00:00Z"));
  }

  @AfterAll
  static void stopBot() throws Exception {
    database.close();
  }

  @Test
  void everyListedSubcommandIsDescribedWithinDiscordsLimits() {
    // when
    List<CommandSpec> specs = bot.bot().inbound().commands();

    // then: the contract's subcommands, in help order, with names and texts Discord accepts
    assertEquals(
        List.of("help", "random", "show", "answer", "search", "topics", "scenario", "streak", "leaderboard", "schedule"),
        specs.stream().map(CommandSpec::name).toList());
    Stream.concat(specs.stream(), specs.stream().flatMap(s -> s.subcommands().stream())).forEach(spec -> {
      assertTrue(spec.name().matches("[a-z]{1,32}"), spec.name());
      assertTrue(!spec.summary().isEmpty() && spec.summary().length() <= 100, spec.name() + ": " + spec.summary());
      spec.options().forEach(option -> {
        assertTrue(option.name().matches("[a-z]{1,32}"), option.name());
        assertTrue(option.description().length() <= 100, option.description());
        assertTrue(option.choices().size() <= 25, option.name() + " has too many choices");
      });
    });
  }

  @Test
  void theScheduleGroupTakesTypedOptionsAndNeedsAnAdmin() {
    // given
    Caller admin = new Caller(TestBot.GENERAL, "ann", true);
    Caller member = new Caller(TestBot.GENERAL, "bob", false);
    Map<String, String> options = Map.of("time", "09:30", "zone", "Europe/Berlin", "days", "mon,wed");

    // when
    Reply refused = bot.bot().inbound().command(member, List.of("schedule", "set"), options);
    Reply saved = bot.bot().inbound().command(admin, List.of("schedule", "set"), options);

    // then
    assertTrue(text(refused).startsWith("Only admins"), text(refused));
    assertTrue(text(saved).contains("09:30 Europe/Berlin"), text(saved));
    assertTrue(bot.bot().inbound().commands().stream().filter(CommandSpec::adminOnly).map(CommandSpec::name).toList()
        .equals(List.of("schedule")));
  }

  @ParameterizedTest(name = "{0} answers at once: {1}")
  @CsvSource({
      "random topic:cap, true",
      "/dbq show q5, true",
      "'', true",
      "help, true",
      "search index, true",
      "nonsense words, true",
      "streak, true",
      "leaderboard, true",
      "schedule set 09:00, false",
      "reload, false",
      "answered, false"})
  void onSqliteOnlyCommandsThatNeedNoPlatformApiAndAtMostAFewRowsAnswerAtOnce(String line, boolean atOnce) {
    assertEquals(atOnce, bot.bot().inbound().answersAtOnce(line));
  }

  @Test
  void onADatabaseServerOnlyCommandsThatNeedNoStorageAnswerAtOnce() {
    // given storage across the network, which may stall (PostgreSQL)
    boolean storageIsLocal = false;

    // when / then: streak and leaderboard keep their worker and deadline
    assertFalse(bot.bot().commands().answersAtOnce("streak", storageIsLocal));
    assertFalse(bot.bot().commands().answersAtOnce("leaderboard", storageIsLocal));
    assertTrue(bot.bot().commands().answersAtOnce("random", storageIsLocal));
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {
      "random", "show q1", "answer q1 detailed", "search index", "topics", "scenario 1", "help", "nonsense",
      "streak", "leaderboard", "schedule show"})
  void aCommandThatNeedsNoAdminNeverAsksThePlatformWhetherTheCallerIsOne(String line) {
    // given a platform whose admin check would cost an API call
    AtomicInteger asked = new AtomicInteger();
    Caller caller = new Caller(TestBot.GENERAL, "cid", () -> asked.incrementAndGet() > 0);

    // when
    bot.bot().inbound().command(caller, line);

    // then
    assertEquals(0, asked.get());
  }

  @Test
  void aChangeAsksThePlatformOnce() {
    // given
    AtomicInteger asked = new AtomicInteger();
    Caller caller = new Caller(TestBot.GENERAL, "cid", () -> asked.incrementAndGet() > 0);

    // when
    bot.bot().inbound().command(caller, "schedule off");

    // then
    assertEquals(1, asked.get());
  }

  @Test
  void aQuickCommandIsLoggedAtDebugOnly() {
    // given an operator's default level, and then debug
    CapturedLog atInfo = CapturedLog.of(BotInbound.class).withLevel("dev.dbq", Level.INFO);
    try (atInfo) {
      bot.bot().inbound().command(new Caller(TestBot.GENERAL, "ann", false), "random");
    }
    CapturedLog atDebug = CapturedLog.of(BotInbound.class).withLevel("dev.dbq", Level.DEBUG);
    try (atDebug) {
      bot.bot().inbound().command(new Caller(TestBot.GENERAL, "ann", false), "random");
    }

    // then the default log stays quiet; debug names the command and the channel
    assertEquals(List.of(), atInfo.events());
    assertEquals(1, atDebug.at(Level.DEBUG).size());
    assertTrue(atDebug.at(Level.DEBUG).get(0).getFormattedMessage().startsWith("random " + TestBot.GENERAL + " in "),
        atDebug.at(Level.DEBUG).get(0).getFormattedMessage());
  }

  @Test
  void questionIdsAreSuggestedByTheirShortFormFirst() {
    // when
    List<String> suggestions = bot.bot().inbound().complete(OptionSpec.Completion.QUESTION_ID, "Q1", 25);

    // then: q1, q10, q11, q12 (prefix matches) before ids that merely contain "q1"
    assertEquals("database-architecture/q1", suggestions.get(0));
    assertTrue(suggestions.size() <= 25);
    assertTrue(suggestions.stream().allMatch(id -> id.contains("q1")), suggestions.toString());
  }

  @Test
  void topicsAndCompaniesAreSuggestedFromTheBanks() {
    // when
    List<String> companies = bot.bot().inbound().complete(OptionSpec.Completion.COMPANY, "goo", 5);
    List<String> anything = bot.bot().inbound().complete(OptionSpec.Completion.TOPIC, "", 3);

    // then
    assertEquals(List.of("Google"), companies);
    assertEquals(3, anything.size());
  }

  private static String text(Reply reply) {
    return reply.blocks().stream().map(b -> b instanceof Reply.Text t ? t.markdown() : "").reduce("", String::concat);
  }

  @Test
  void aSubmissionOfAFormNoFeatureOpensIsAnsweredAsStaleNotAsAFailure() {
    // GIVEN no feature opens forms yet
    Caller caller = new Caller(new ChannelKey("slack", "T1", "C1"), "U1", false);

    // WHEN a submission arrives anyway (a modal left open across an upgrade)
    Reply reply = bot.bot().inbound().submit(caller, "suggest", Map.of("title", "What is MVCC?"));

    // THEN the person is told to run the command again, privately
    assertEquals(Reply.Visibility.CALLER, reply.visibility());
    assertEquals("This form is no longer in use: run the command again.", ((Reply.Text) reply.blocks().get(0)).markdown());
  }
}
