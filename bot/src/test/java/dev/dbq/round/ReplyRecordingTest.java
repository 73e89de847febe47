package dev.dbq.round;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.dbq.app.Features;
import dev.dbq.chat.ChannelKey;
import dev.dbq.chat.ThreadMessage;
import dev.dbq.store.ProcessedEventRepository;
import dev.dbq.store.Store;
import dev.dbq.testsupport.CountingStore;
import dev.dbq.testsupport.EachBackend;
import dev.dbq.testsupport.RecordingGateway;
import dev.dbq.testsupport.TestBanks;
import dev.dbq.testsupport.TestBot;
import dev.dbq.testsupport.TestDatabase;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.SplittableRandom;

/**
 * A reply's way into the store: a user's first reply in a round is one write (the participation,
 * which carries its event id), and every guarantee holds without the processed-event row.
 */
class ReplyRecordingTest {

  private static final ChannelKey GENERAL = TestBot.GENERAL;
  private static final Instant MONDAY_0900 = Instant.parse("2026-11-30T09:00:00Z");
  // Later than any event a test records: purging before it counts the processed events.
  private static final Instant END_OF_TIME = Instant.parse("3000-01-01T00:00:00Z");

  private static TestBot openRound(TestDatabase database) {
    TestBot bot = TestBot.on(database.openAnother(), "", MONDAY_0900);
    bot.bot().rounds().enroll(GENERAL);
    bot.bot().rounds().runDue();
    return bot;
  }

  private static String thread(TestBot bot) {
    return bot.bot().rounds().currentRound(GENERAL).orElseThrow().threadRef();
  }

  private static int processedEvents(TestDatabase database) {
    return new ProcessedEventRepository(database.database()).purgeBefore(END_OF_TIME);
  }

  @EachBackend
  void aUsersFirstReplyWritesNoProcessedEventAndItsRedeliveryIsStillADuplicate(TestDatabase database) {
    // given
    TestBot bot = openRound(database);
    RoundService rounds = bot.bot().rounds();

    // when
    ParticipationOutcome first = rounds.reply(GENERAL, thread(bot), ThreadMessage.byPerson("alice", "Ev1"));
    int eventsAfterFirst = processedEvents(database);
    ParticipationOutcome redelivered = rounds.reply(GENERAL, thread(bot), ThreadMessage.byPerson("alice", "Ev1"));

    // then
    assertEquals(ParticipationOutcome.COUNTED, first);
    assertEquals(0, eventsAfterFirst, "the first reply is one write: its participation");
    assertEquals(ParticipationOutcome.DUPLICATE_DELIVERY, redelivered);
  }

  @EachBackend
  void aLaterReplyOfACountedUserIsDedupedByItsEventAndNeverCountsTwice(TestDatabase database) {
    // given: alice pressed "I answered" first
    TestBot bot = openRound(database);
    RoundService rounds = bot.bot().rounds();
    long round = rounds.currentRound(GENERAL).orElseThrow().id();
    rounds.answered(GENERAL, round, "alice");

    // when
    ParticipationOutcome reply = rounds.reply(GENERAL, thread(bot), ThreadMessage.byPerson("alice", "Ev2"));
    ParticipationOutcome redelivered = rounds.reply(GENERAL, thread(bot), ThreadMessage.byPerson("alice", "Ev2"));

    // then
    assertEquals(ParticipationOutcome.ALREADY_COUNTED, reply);
    assertEquals(ParticipationOutcome.DUPLICATE_DELIVERY, redelivered);
  }

  @EachBackend
  void aFirstReplyStillBringsTheNextFollowUpAndItsRedeliveryDoesNot(TestDatabase database) {
    // given: the round and its first follow-up went out at 09:00
    TestBot bot = openRound(database);
    RoundService rounds = bot.bot().rounds();
    int followUpsAtPost = bot.gateway().messages().size();

    // when: alice replies at 09:10; the next follow-up is due an interval after the last, at 10:00
    bot.clock().set(MONDAY_0900.plusSeconds(10 * 60));
    rounds.reply(GENERAL, thread(bot), ThreadMessage.byPerson("alice", "Ev3"));
    bot.clock().set(MONDAY_0900.plusSeconds(60 * 60));
    rounds.runDue();
    int afterReply = bot.gateway().messages().size();
    // and her reply is delivered again at 11:30, when another follow-up would be due after a new reply
    bot.clock().set(MONDAY_0900.plusSeconds(150 * 60));
    ParticipationOutcome redelivered = rounds.reply(GENERAL, thread(bot), ThreadMessage.byPerson("alice", "Ev3"));
    rounds.runDue();

    // then
    assertEquals(followUpsAtPost + 1, afterReply, "the first reply brought the next follow-up");
    assertEquals(ParticipationOutcome.DUPLICATE_DELIVERY, redelivered);
    assertEquals(afterReply, bot.gateway().messages().size(), "a redelivery is not a new reply");
  }

  @EachBackend
  void aUsersFirstReplyInAnOpenRoundIsOneStatementHoweverManyRepliedBefore(TestDatabase database) {
    // given: an open round with a follow-up still to come, and a hundred repliers already counted
    TestBot bot = openRound(database);
    CountingStore store = new CountingStore(Store.on(database.database()));
    RoundService rounds = new RoundService(
        () -> TestBanks.library(), store, new RecordingGateway(), bot.clock(), new SplittableRandom(1),
        new RoundPolicy(Duration.ofHours(2), Duration.ofHours(1),
            new ChannelSchedule(LocalTime.of(9, 0), ZoneOffset.UTC, EnumSet.allOf(DayOfWeek.class), LocalTime.of(11, 0), true), ""),
        (channel, outcome) -> {},
        Features::routines);
    bot.clock().set(MONDAY_0900.plusSeconds(60));
    for (int i = 0; i < 100; i++) {
      rounds.reply(GENERAL, thread(bot), ThreadMessage.byPerson("u" + i, "Ev-u" + i));
    }
    store.reset();

    // when
    ParticipationOutcome outcome = rounds.reply(GENERAL, thread(bot), ThreadMessage.byPerson("alice", "Ev-alice"));

    // then
    assertEquals(ParticipationOutcome.COUNTED, outcome);
    assertEquals(1, store.statements());
    assertEquals(1, store.transactions());
  }
}
