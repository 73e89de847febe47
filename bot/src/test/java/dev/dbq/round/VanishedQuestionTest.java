package dev.dbq.round;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dbq.chat.ChannelKey;
import dev.dbq.store.RoundRepository;
import dev.dbq.testsupport.EachBackend;
import dev.dbq.testsupport.TestBot;
import dev.dbq.testsupport.TestDatabase;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;

/**
 * A round claimed with a question that a bank reload then removed (an instance died mid-post,
 * the bank was edited meanwhile) posts another question instead of none.
 */
class VanishedQuestionTest {

  private static final ChannelKey GENERAL = TestBot.GENERAL;
  private static final Instant MONDAY_0900 = Instant.parse("2026-11-30T09:00:00Z");
  private static final LocalDate MONDAY = LocalDate.parse("2026-11-30");
  private static final String GONE = "database-architecture/q999";

  @EachBackend
  void aClaimedRoundWhoseQuestionLeftTheBanksPostsAnotherQuestionRecordedInTheRound(TestDatabase database) {
    // given: Monday's round was claimed with a question the banks no longer hold, and its lease ran out
    new RoundRepository(database.openAnother()).claim(GENERAL, MONDAY, GONE, MONDAY_0900, MONDAY_0900.plus(Duration.ofMinutes(2)));
    TestBot bot = TestBot.on(database.openAnother(), "", MONDAY_0900.plusSeconds(121));
    bot.bot().rounds().enroll(GENERAL);

    // when
    bot.bot().rounds().runDue();

    // then: one post, with a question the banks hold, and the round says which
    assertEquals(1, bot.gateway().posts().size());
    Round monday = bot.bot().rounds().todaysRound(GENERAL).orElseThrow();
    assertNotEquals(GONE, monday.questionId());
    assertTrue(bot.bot().banks().question(monday.questionId()).isPresent(), monday.questionId());
    assertTrue(bot.gateway().posts().get(0).text().contains("Question of the day"));
  }
}
