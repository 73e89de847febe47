package dev.dbq.round;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dbq.bank.Question;
import dev.dbq.chat.ChannelKey;
import dev.dbq.chat.ThreadMessage;
import dev.dbq.store.ProcessedEventRepository;
import dev.dbq.testsupport.EachBackend;
import dev.dbq.testsupport.RecordingGateway;
import dev.dbq.testsupport.TestBanks;
import dev.dbq.testsupport.TestBot;
import dev.dbq.testsupport.TestDatabase;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * The question of the day against a real database: restarts, several instances, the no-repeat
 * order and what counts as participation. Schedule: 09:00 UTC on weekdays, 2 h grace.
 */
class RoundServiceTest {

  private static final ChannelKey GENERAL = TestBot.GENERAL;
  private static final Instant MONDAY_0900 = Instant.parse("2026-11-30T09:00:00Z");

  private static TestBot bot(TestDatabase database, Instant now) {
    TestBot bot = TestBot.on(database.openAnother(), "", now);
    bot.bot().rounds().enroll(GENERAL);
    return bot;
  }

  private static int posts(TestBot... bots) {
    int posts = 0;
    for (TestBot bot : bots) {
      posts += bot.gateway().posts().size();
    }
    return posts;
  }

  @EachBackend
  void aBotStartedWithinTheGracePeriodPostsTheMissedRoundOnceEvenWhenStartedTwice(TestDatabase database) {
    // given: the bot was down at 09:00 and starts at 10:30, then restarts at 10:45
    TestBot first = bot(database, MONDAY_0900.plusSeconds(90 * 60));
    TestBot second = bot(database, MONDAY_0900.plusSeconds(105 * 60));

    // when
    first.bot().rounds().runDue();
    second.bot().rounds().runDue();

    // then
    assertEquals(1, posts(first, second));
    assertEquals(1, first.gateway().posts().size());
  }

  @EachBackend
  void handledPlatformEventsAreForgottenAfterAWeekAtMostHourly(TestDatabase database) {
    // given: one event handled eight days ago and one yesterday
    TestBot bot = bot(database, MONDAY_0900);
    ProcessedEventRepository events = new ProcessedEventRepository(database.database());
    events.firstSeen("slack", "Ev-old", MONDAY_0900.minus(Duration.ofDays(8)));
    events.firstSeen("slack", "Ev-yesterday", MONDAY_0900.minus(Duration.ofDays(1)));

    // when the scheduler runs, then once more after the other old event arrives
    bot.bot().rounds().runDue();
    events.firstSeen("slack", "Ev-late", MONDAY_0900.minus(Duration.ofDays(9)));
    bot.clock().set(MONDAY_0900.plus(Duration.ofMinutes(10)));
    bot.bot().rounds().runDue();
    boolean lateKeptWithinTheHour = !events.firstSeen("slack", "Ev-late", MONDAY_0900);
    bot.clock().set(MONDAY_0900.plus(Duration.ofMinutes(61)));
    events.firstSeen("slack", "Ev-late-2", MONDAY_0900.minus(Duration.ofDays(9)));
    bot.bot().rounds().runDue();

    // then: a redelivery of a week-old event would count as new; yesterday's is still known
    assertTrue(events.firstSeen("slack", "Ev-old", MONDAY_0900), "forgotten");
    assertFalse(events.firstSeen("slack", "Ev-yesterday", MONDAY_0900), "remembered");
    assertTrue(lateKeptWithinTheHour, "no second purge within the hour");
    assertTrue(events.firstSeen("slack", "Ev-late-2", MONDAY_0900), "forgotten at the next hour");
  }

  @EachBackend
  void aBotStartedAfterTheGracePeriodSkipsThatDateAndPostsTheNextDay(TestDatabase database) {
    // given: started at 11:01, more than 2 h after the post time
    TestBot bot = bot(database, MONDAY_0900.plusSeconds(2 * 3600 + 60));

    // when
    bot.bot().rounds().runDue();
    int thatDay = posts(bot);
    bot.clock().set(MONDAY_0900.plusSeconds(24 * 3600));
    bot.bot().rounds().runDue();

    // then
    assertEquals(0, thatDay);
    assertEquals(1, posts(bot));
    assertEquals("2026-12-01", bot.bot().rounds().currentRound(GENERAL).orElseThrow().date().toString());
  }

  @EachBackend
  void twoInstancesSharingOneDatabasePostEachRoundOnce(TestDatabase database) throws Exception {
    // given
    TestBot one = bot(database, MONDAY_0900);
    TestBot two = bot(database, MONDAY_0900);
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      for (int day = 0; day < 5; day++) {
        Instant at = MONDAY_0900.plusSeconds(day * 24 * 3600L);
        one.clock().set(at);
        two.clock().set(at);
        CountDownLatch go = new CountDownLatch(1);

        // when: both fire at the same instant
        List<Future<?>> runs = new ArrayList<>();
        for (TestBot bot : List.of(one, two)) {
          runs.add(pool.submit(() -> {
            go.await();
            bot.bot().rounds().runDue();
            return null;
          }));
        }
        go.countDown();
        for (Future<?> run : runs) {
          run.get(30, TimeUnit.SECONDS);
        }

        // then
        assertEquals(day + 1, posts(one, two), "posts after day " + (day + 1));
      }
    } finally {
      pool.shutdownNow();
    }
    List<RecordingGateway.Message> firstFollowUps = new ArrayList<>();
    for (TestBot bot : List.of(one, two)) {
      // Thread messages also hold each day's reveal, caught up when the next round is posted.
      bot.gateway().messages().stream().filter(m -> !m.isPost() && m.text().contains("Follow-up 1/")).forEach(firstFollowUps::add);
    }
    assertEquals(5, firstFollowUps.size(), "one first follow-up per round");
  }

  @EachBackend
  void questionsDoNotRepeatInAChannelUntilTheBankIsUsedUp(TestDatabase database) {
    // given
    TestBot bot = bot(database, MONDAY_0900);
    int bankSize = TestBanks.library().questions().size();
    List<String> asked = new ArrayList<>();

    // when: one round a day, every day, for a bank and a half
    for (int day = 0; day < bankSize + 6; day++) {
      bot.clock().set(MONDAY_0900.plusSeconds(day * 24L * 3600));
      bot.bot().rounds().postNow(GENERAL);
      asked.add(bot.bot().rounds().currentRound(GENERAL).orElseThrow().questionId());
    }

    // then
    assertEquals(bankSize, new HashSet<>(asked.subList(0, bankSize)).size(), asked::toString);
    assertEquals(6, new HashSet<>(asked.subList(bankSize, asked.size())).size(), asked::toString);
    assertTrue(!asked.get(bankSize).equals(asked.get(bankSize - 1)), "no question twice in a row");
  }

  @EachBackend
  void theConfiguredFiltersChooseTheQuestions(TestDatabase database) {
    // given
    TestBot bot = TestBot.on(database.openAnother(), "rounds:\n  filters: difficulty:senior\n", MONDAY_0900);
    bot.bot().rounds().enroll(GENERAL);
    Set<String> difficulties = new HashSet<>();

    // when
    for (int day = 0; day < 7; day++) {
      bot.clock().set(MONDAY_0900.plusSeconds(day * 24L * 3600));
      bot.bot().rounds().postNow(GENERAL);
      String id = bot.bot().rounds().currentRound(GENERAL).orElseThrow().questionId();
      difficulties.add(TestBanks.library().question(id).map(Question::difficulty).orElseThrow());
    }

    // then
    assertEquals(Set.of("Senior"), difficulties);
  }

  @EachBackend
  void repliesCountOncePerUserAndNeverForBotsEditsDuplicatesOrLateReplies(TestDatabase database) {
    // given: Monday's round is open
    TestBot bot = bot(database, MONDAY_0900);
    RoundService rounds = bot.bot().rounds();
    rounds.runDue();
    String monday = rounds.currentRound(GENERAL).orElseThrow().threadRef();

    // when / then
    assertEquals(ParticipationOutcome.COUNTED, rounds.reply(GENERAL, monday, ThreadMessage.byPerson("alice", "e1")));
    assertEquals(ParticipationOutcome.DUPLICATE_DELIVERY, rounds.reply(GENERAL, monday, ThreadMessage.byPerson("alice", "e1")));
    assertEquals(ParticipationOutcome.ALREADY_COUNTED, rounds.reply(GENERAL, monday, ThreadMessage.byPerson("alice", "e2")));
    assertEquals(ParticipationOutcome.NOT_COUNTED_BOT_OR_EDIT, rounds.reply(GENERAL, monday, new ThreadMessage("dbq", true, false, "e3")));
    assertEquals(ParticipationOutcome.NOT_COUNTED_BOT_OR_EDIT, rounds.reply(GENERAL, monday, new ThreadMessage("bob", false, true, "e4")));
    assertEquals(
        ParticipationOutcome.NOT_A_ROUND,
        rounds.reply(new ChannelKey("test", "other-team", "general"), monday, ThreadMessage.byPerson("bob", "e5")));

    // and when Tuesday's round is posted, Monday's is closed
    bot.clock().set(MONDAY_0900.plusSeconds(24 * 3600));
    rounds.runDue();
    assertEquals(ParticipationOutcome.ROUND_CLOSED, rounds.reply(GENERAL, monday, ThreadMessage.byPerson("bob", "e6")));
    assertTrue(bot.command("bob", "/dbq streak").blocks().toString().contains("Current streak: 0 · Best streak: 0"));
  }

  @EachBackend
  void theScheduleCanBeChangedByAdminsOnlyAndOffMeansNoRounds(TestDatabase database) {
    // given
    TestBot bot = bot(database, MONDAY_0900.minusSeconds(3600));

    // when
    String refused = bot.command("bob", "/dbq schedule off").blocks().toString();
    String saved = bot.adminCommand("alice", "/dbq schedule off").blocks().toString();
    bot.clock().set(MONDAY_0900);
    bot.bot().rounds().runDue();

    // then
    assertTrue(refused.contains("Only admins can change the schedule"), refused);
    assertTrue(saved.contains("The question of the day is off here"), saved);
    assertEquals(0, bot.gateway().posts().size());
  }

  @EachBackend
  void scheduleSetMovesThePostTimeInTheChannelsZone(TestDatabase database) {
    // given
    TestBot bot = bot(database, Instant.parse("2026-11-30T07:00:00Z"));

    // when: 09:30 in Berlin is 08:30 UTC in winter
    String saved = bot.adminCommand("alice", "/dbq schedule set 09:30 Europe/Berlin daily").blocks().toString();
    bot.clock().set(Instant.parse("2026-11-30T08:29:00Z"));
    bot.bot().rounds().runDue();
    int before = bot.gateway().posts().size();
    bot.clock().set(Instant.parse("2026-11-30T08:30:00Z"));
    bot.bot().rounds().runDue();

    // then
    assertTrue(saved.contains("Question of the day at 09:30 Europe/Berlin, daily"), saved);
    assertEquals(0, before);
    assertEquals(1, bot.gateway().posts().size());
  }
}
