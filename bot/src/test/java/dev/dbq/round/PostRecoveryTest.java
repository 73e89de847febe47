package dev.dbq.round;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dbq.chat.ChannelKey;
import dev.dbq.store.RoundRepository;
import dev.dbq.testsupport.EachBackend;
import dev.dbq.testsupport.RecordingGateway;
import dev.dbq.testsupport.TestBot;
import dev.dbq.testsupport.TestDatabase;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A round claimed whose post did not land (the platform failed, or the process died mid-post)
 * is posted by a later run within the grace period, once even with two instances, and skipped
 * after it. Schedule: 09:00 UTC on weekdays, 2 h grace.
 */
class PostRecoveryTest {

  private static final ChannelKey GENERAL = TestBot.GENERAL;
  private static final Instant MONDAY_0900 = Instant.parse("2026-11-30T09:00:00Z");
  private static final LocalDate MONDAY = LocalDate.parse("2026-11-30");

  private static TestBot bot(TestDatabase database, Instant now) {
    TestBot bot = TestBot.on(database.openAnother(), "", now);
    bot.bot().rounds().enroll(GENERAL);
    return bot;
  }

  private static Round monday(TestBot bot) {
    return bot.bot().rounds().todaysRound(GENERAL).orElseThrow();
  }

  @EachBackend
  void aPostThePlatformRefusedOnceIsPostedByTheNextRunExactlyOnce(TestDatabase database) {
    // given: the platform answers the 09:00 post with a 429
    TestBot bot = bot(database, MONDAY_0900);
    bot.gateway().failNextPosts(1);
    bot.bot().rounds().runDue();
    assertEquals(0, bot.gateway().posts().size());
    assertNull(monday(bot).messageRef());

    // when: the runs of the next minutes
    bot.clock().set(MONDAY_0900.plusSeconds(30));
    bot.bot().rounds().runDue();
    int beforeRetry = bot.gateway().posts().size();
    bot.clock().set(MONDAY_0900.plusSeconds(60));
    bot.bot().rounds().runDue();
    bot.clock().set(MONDAY_0900.plusSeconds(120));
    bot.bot().rounds().runDue();

    // then
    assertEquals(0, beforeRetry);
    assertEquals(1, bot.gateway().posts().size());
    assertNotNull(monday(bot).threadRef());
    // and both attempts carried the round's key, so a platform that knows it posts once
    assertEquals(List.of("round-" + monday(bot).id(), "round-" + monday(bot).id()), bot.gateway().postKeys());
  }

  @EachBackend
  void aChannelThePlatformSaysIsGoneHasItsQuestionTurnedOffAfterOneTry(TestDatabase database) {
    // given: the channel was deleted before Monday's 09:00 post
    TestBot bot = bot(database, MONDAY_0900);
    bot.gateway().deleteChannel();

    // when: the runs of that morning and the next day's
    for (int minute = 0; minute <= 3; minute++) {
      bot.clock().set(MONDAY_0900.plusSeconds(60L * minute));
      bot.bot().rounds().runDue();
    }
    Round monday = monday(bot);
    bot.clock().set(MONDAY_0900.plus(Duration.ofDays(1)));
    bot.bot().rounds().runDue();

    // then: one try, the schedule off (an admin can turn it on again), the round out of streaks
    assertEquals(1, bot.gateway().postKeys().size());
    assertFalse(bot.bot().rounds().settings(GENERAL).schedule().enabled());
    assertNotNull(monday.skippedAt());
  }

  @EachBackend
  void aChannelDeletedAfterItsRoundPostedHasItsQuestionTurnedOffAtTheNextThreadPost(TestDatabase database) {
    // given: Monday's round posted, then the channel was deleted
    TestBot bot = bot(database, MONDAY_0900);
    bot.bot().rounds().runDue();
    bot.gateway().deleteChannel();

    // when: the reveal's time comes
    bot.clock().set(MONDAY_0900.plus(Duration.ofHours(8)));
    bot.bot().rounds().runDue();

    // then
    assertFalse(bot.bot().rounds().settings(GENERAL).schedule().enabled());
  }

  @EachBackend
  void aPostCutOffByACrashIsPostedOnceByOneOfTwoInstancesWhenItsLeaseRunsOut(TestDatabase database) {
    // given: an instance claimed Monday's round at 09:00 and died before its post landed
    new RoundRepository(database.openAnother())
        .claim(GENERAL, MONDAY, "database-architecture/q1", MONDAY_0900, MONDAY_0900.plus(Duration.ofMinutes(2)));
    TestBot first = bot(database, MONDAY_0900.plusSeconds(60));
    TestBot second = bot(database, MONDAY_0900.plusSeconds(60));

    // when: both run while the dead instance's lease holds, then after it ran out
    first.bot().rounds().runDue();
    second.bot().rounds().runDue();
    int whileLeased = first.gateway().posts().size() + second.gateway().posts().size();
    first.clock().set(MONDAY_0900.plusSeconds(121));
    second.clock().set(MONDAY_0900.plusSeconds(121));
    first.bot().rounds().runDue();
    second.bot().rounds().runDue();

    // then
    assertEquals(0, whileLeased);
    assertEquals(1, first.gateway().posts().size() + second.gateway().posts().size());
    assertTrue(first.gateway().posts().get(0).text().contains("Question of the day"));
  }

  @EachBackend
  void aRoundNotPostedWithinTheGracePeriodIsSkippedAndCountsForNobody(TestDatabase database) {
    // given: every post fails until the grace period is over
    TestBot bot = bot(database, MONDAY_0900);
    bot.gateway().failNextPosts(Integer.MAX_VALUE);
    for (Instant at = MONDAY_0900; !at.isAfter(MONDAY_0900.plus(Duration.ofHours(2))); at = at.plusSeconds(60)) {
      bot.clock().set(at);
      bot.bot().rounds().runDue();
    }
    bot.gateway().failNextPosts(0);

    // when
    bot.clock().set(MONDAY_0900.plus(Duration.ofHours(2)).plusSeconds(60));
    bot.bot().rounds().runDue();
    Round skipped = monday(bot);
    String answered = bot.command("alice", "/dbq answered " + skipped.id()).blocks().toString();

    // then
    assertEquals(0, bot.gateway().posts().size());
    assertNotNull(skipped.skippedAt());
    assertTrue(answered.contains("not a question of the day"), answered);
    assertTrue(bot.command("alice", "/dbq streak").blocks().toString().contains("Current streak: 0"));
  }

  @EachBackend
  void aQuestionPostedAfterTheRevealTimeIsRevealedWhenTheNextOneIsPostedAndSaysSo(TestDatabase database) {
    // given: posted by hand on Monday at 18:00, after the 17:00 reveal
    TestBot bot = bot(database, MONDAY_0900.plus(Duration.ofHours(9)));
    bot.bot().rounds().postNow(GENERAL);
    String post = bot.gateway().posts().get(0).text();

    // when: Tuesday's round is posted
    bot.clock().set(MONDAY_0900.plus(Duration.ofDays(1)));
    bot.bot().rounds().runDue();

    // then: the post said when, and Monday's answer came before Tuesday's question
    assertTrue(post.contains("the quick answer is revealed there on Tue 1 Dec at 09:00 (UTC)"), post);
    var messages = bot.gateway().messages();
    int reveal = indexOf(messages, "Quick answer");
    int tuesday = indexOf(messages, "Question of the day · Tue 1 Dec");
    assertTrue(reveal >= 0 && reveal < tuesday, messages::toString);
  }

  @EachBackend
  void aFollowUpAndARevealThePlatformRefusedAreSentByTheNextRunOnce(TestDatabase database) {
    // given: the first follow-up (09:00) and the reveal (17:00) each fail once
    TestBot bot = bot(database, MONDAY_0900);
    bot.gateway().failNextThreadPosts(1);
    bot.bot().rounds().runDue();
    bot.clock().set(MONDAY_0900.plusSeconds(60));
    bot.bot().rounds().runDue();
    bot.gateway().failNextThreadPosts(1);
    bot.clock().set(MONDAY_0900.plus(Duration.ofHours(8)));
    bot.bot().rounds().runDue();

    // when
    bot.clock().set(MONDAY_0900.plus(Duration.ofHours(8)).plusSeconds(60));
    bot.bot().rounds().runDue();
    bot.clock().set(MONDAY_0900.plus(Duration.ofHours(8)).plusSeconds(120));
    bot.bot().rounds().runDue();

    // then
    var thread = bot.gateway().messages().stream().filter(m -> !m.isPost()).map(m -> m.text()).toList();
    assertEquals(1, thread.stream().filter(t -> t.contains("Follow-up 1/")).count(), thread::toString);
    assertEquals(1, thread.stream().filter(t -> t.contains("Quick answer")).count(), thread::toString);
  }

  private static int indexOf(List<RecordingGateway.Message> messages, String text) {
    for (int i = 0; i < messages.size(); i++) {
      if (messages.get(i).text().contains(text)) {
        return i;
      }
    }
    return -1;
  }
}
