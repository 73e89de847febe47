package dev.dbq.streak;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dbq.chat.Reply;
import dev.dbq.chat.ThreadMessage;
import dev.dbq.round.Participation;
import dev.dbq.round.ParticipationOutcome;
import dev.dbq.store.Store;
import dev.dbq.testsupport.CountingStore;
import dev.dbq.testsupport.EachBackend;
import dev.dbq.testsupport.TestBot;
import dev.dbq.testsupport.TestDatabase;
import java.time.Instant;
import java.util.stream.Collectors;

/**
 * Streaks and the leaderboard are kept in memory between commands (ChannelHistories), yet every
 * command answers from what the database holds: a write by another instance (or another process
 * on the same SQLite file) shows in the next command, on SQLite a command reads nothing while the
 * file is unchanged, and a restarted instance starts from the database.
 */
class StandingsAcrossInstancesTest {

  private static final Instant MONDAY_0900 = Instant.parse("2026-11-30T09:00:00Z");

  private static String text(Reply reply) {
    return reply.blocks().stream()
        .filter(Reply.Text.class::isInstance)
        .map(block -> ((Reply.Text) block).markdown())
        .collect(Collectors.joining("\n"));
  }

  private static TestBot postedRound(TestDatabase database) {
    TestBot bot = TestBot.on(database.openAnother(), "", MONDAY_0900);
    bot.bot().rounds().enroll(TestBot.GENERAL);
    bot.bot().rounds().runDue();
    return bot;
  }

  private static void reply(TestBot instance, TestBot poster, String user, String eventId) {
    String thread = poster.bot().rounds().currentRound(TestBot.GENERAL).orElseThrow().threadRef();
    assertEquals(ParticipationOutcome.COUNTED,
        instance.bot().rounds().reply(TestBot.GENERAL, thread, ThreadMessage.byPerson(user, eventId)));
  }

  @EachBackend
  void aReplyRecordedByAnotherInstanceShowsInTheNextLeaderboardAndStreak(TestDatabase database) {
    // given: instance A answered both commands before anyone replied
    TestBot a = postedRound(database);
    TestBot b = TestBot.on(database.openAnother(), "", MONDAY_0900.plusSeconds(60));
    String emptyBoard = text(a.command("alice", "leaderboard"));
    String noStreak = text(a.command("alice", "streak"));

    // when: alice's reply lands on instance B
    reply(b, a, "alice", "Ev1");

    // then: A's next commands count it
    assertTrue(emptyBoard.startsWith("Nobody has answered"), emptyBoard);
    assertTrue(noStreak.startsWith("Current streak: 0"), noStreak);
    String board = text(a.command("bob", "leaderboard"));
    assertTrue(board.contains("alice"), board);
    assertTrue(text(a.command("alice", "streak")).startsWith("Current streak: 1"));
  }

  @EachBackend
  void aRepeatedCommandAnswersTheSameAndANewReplyOnTheSameInstanceShowsAtOnce(TestDatabase database) {
    // given
    TestBot bot = postedRound(database);
    reply(bot, bot, "alice", "Ev1");
    String first = text(bot.command("carol", "leaderboard"));

    // when
    String again = text(bot.command("carol", "leaderboard"));
    reply(bot, bot, "bob", "Ev2");
    String afterBob = text(bot.command("carol", "leaderboard"));

    // then
    assertEquals(first, again);
    assertTrue(!first.contains("bob") && afterBob.contains("bob") && afterBob.contains("alice"), afterBob);
  }

  @EachBackend
  void whileTheDatabaseIsUnchangedACommandReadsNothingAndThenSeesTheWrite(TestDatabase database) {
    // given: a channel with a posted round, and its standings kept while the database is unchanged
    TestBot bot = postedRound(database);
    long round = bot.bot().rounds().currentRound(TestBot.GENERAL).orElseThrow().id();
    CountingStore store = new CountingStore(Store.on(database.database()));
    ChannelHistories histories = ChannelHistories.whileUnchanged(store, database.database()::changeStamp);
    histories.standing(TestBot.GENERAL);
    store.reset();

    // when
    Standing unchanged = histories.standing(TestBot.GENERAL);
    long readsWhileNothingWasWritten = store.statements();
    store.participations().record(new Participation(round, "alice", MONDAY_0900.plusSeconds(60), Participation.Source.ANSWERED_BUTTON));
    Standing afterWrite = histories.standing(TestBot.GENERAL);

    // then
    assertEquals(0, readsWhileNothingWasWritten);
    assertEquals(0, unchanged.personal("alice").roundsAnswered());
    assertEquals(1, afterWrite.personal("alice").roundsAnswered());
  }

  @EachBackend
  void aRestartedInstanceAnswersFromTheDatabase(TestDatabase database) {
    // given: alice replied, and the instance that recorded it answered her streak
    TestBot before = postedRound(database);
    reply(before, before, "alice", "Ev1");
    String streakBefore = text(before.command("alice", "streak"));

    // when: another process starts on the same database
    TestBot after = TestBot.on(database.openAnother(), "", MONDAY_0900.plusSeconds(120));

    // then
    assertEquals(streakBefore, text(after.command("alice", "streak")));
    assertTrue(text(after.command("bob", "leaderboard")).contains("alice"));
  }
}
