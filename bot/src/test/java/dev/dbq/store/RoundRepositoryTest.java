package dev.dbq.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dbq.chat.ChannelKey;
import dev.dbq.round.Round;
import dev.dbq.round.RoundState;
import dev.dbq.testsupport.EachBackend;
import dev.dbq.testsupport.TestDatabase;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

class RoundRepositoryTest {

  private static final ChannelKey TEAM = new ChannelKey("slack", "T1", "C1");
  private static final LocalDate MONDAY = LocalDate.parse("2025-03-03");
  private static final Instant POSTED = Instant.parse("2025-03-03T08:00:00Z");

  @EachBackend
  void claimsRoundOncePerChannelAndDate(Database database) {
    // given
    RoundRepository rounds = new RoundRepository(database);
    Round first = rounds.claim(TEAM, MONDAY, "q-index", POSTED).orElseThrow();

    // when
    Optional<Round> second = rounds.claim(TEAM, MONDAY, "q-other", POSTED.plusSeconds(5));

    // then
    assertTrue(second.isEmpty());
    assertEquals(List.of(first), rounds.all(TEAM));
    assertEquals("q-index", first.questionId());
    assertEquals(POSTED, first.postedAt());
    assertEquals(0, first.followUpsSent());
    assertNull(first.threadRef());
  }

  @EachBackend
  void claimsRoundsOfOtherChannelsAndDates(Database database) {
    // given
    RoundRepository rounds = new RoundRepository(database);
    rounds.claim(TEAM, MONDAY, "q1", POSTED).orElseThrow();

    // when
    Optional<Round> nextDay = rounds.claim(TEAM, MONDAY.plusDays(1), "q2", POSTED);
    Optional<Round> otherWorkspace =
        rounds.claim(new ChannelKey("slack", "T2", "C1"), MONDAY, "q1", POSTED);
    Optional<Round> otherPlatform =
        rounds.claim(new ChannelKey("discord", "T1", "C1"), MONDAY, "q1", POSTED);

    // then
    assertTrue(nextDay.isPresent() && otherWorkspace.isPresent() && otherPlatform.isPresent());
    assertEquals(2, rounds.all(TEAM).size());
    assertEquals(1, rounds.all(new ChannelKey("slack", "T2", "C1")).size());
  }

  @EachBackend
  void concurrentClaimsFromTwoInstancesCreateOneRound(TestDatabase test) throws Exception {
    // given two bot instances on one database, each with several claiming threads
    List<RoundRepository> instances =
        List.of(new RoundRepository(test.database()), new RoundRepository(test.openAnother()));
    int claimers = 8;
    CountDownLatch startGate = new CountDownLatch(1);
    ExecutorService threads = Executors.newFixedThreadPool(claimers);
    List<Future<Optional<Round>>> claims = new ArrayList<>();
    try {
      for (int i = 0; i < claimers; i++) {
        RoundRepository rounds = instances.get(i % 2);
        String questionId = "q" + i;
        claims.add(
            threads.submit(
                () -> {
                  startGate.await();
                  return rounds.claim(TEAM, MONDAY, questionId, POSTED);
                }));
      }

      // when
      startGate.countDown();
      List<Round> won = new ArrayList<>();
      for (Future<Optional<Round>> claim : claims) {
        claim.get().ifPresent(won::add);
      }

      // then
      assertEquals(1, won.size(), "exactly one claim wins");
      assertEquals(won, instances.get(1).all(TEAM));
    } finally {
      threads.shutdownNow();
    }
  }

  @EachBackend
  void findsPostedRoundByThreadAndId(Database database) {
    // given
    RoundRepository rounds = new RoundRepository(database);
    long id = rounds.claim(TEAM, MONDAY, "q1", POSTED).orElseThrow().id();

    // when
    rounds.markPosted(id, "msg-1", "thread-1");

    // then
    Round posted = rounds.byThread(TEAM, "thread-1").orElseThrow();
    assertEquals(id, posted.id());
    assertEquals("msg-1", posted.messageRef());
    assertEquals(Optional.of(posted), rounds.find(id));
    assertEquals(Optional.of(posted), rounds.forDate(TEAM, MONDAY));
    assertTrue(rounds.byThread(new ChannelKey("slack", "T2", "C1"), "thread-1").isEmpty());
  }

  @EachBackend
  void findsLatestAndListsAllOldestFirst(Database database) {
    // given rounds claimed out of date order
    RoundRepository rounds = new RoundRepository(database);
    rounds.claim(TEAM, MONDAY.plusDays(1), "q2", POSTED);
    rounds.claim(TEAM, MONDAY, "q1", POSTED);
    rounds.claim(TEAM, MONDAY.plusDays(2), "q3", POSTED);

    // when
    Round latest = rounds.latest(TEAM).orElseThrow();
    List<LocalDate> dates = rounds.all(TEAM).stream().map(Round::date).toList();

    // then
    assertEquals(MONDAY.plusDays(2), latest.date());
    assertEquals(List.of(MONDAY, MONDAY.plusDays(1), MONDAY.plusDays(2)), dates);
    assertTrue(rounds.latest(new ChannelKey("slack", "T1", "C2")).isEmpty());
  }

  @EachBackend
  void countsFollowUpsAndRemembersTheLast(Database database) {
    // given
    RoundRepository rounds = new RoundRepository(database);
    long id = rounds.claim(TEAM, MONDAY, "q1", POSTED).orElseThrow().id();
    rounds.markPosted(id, "m1", "t1");

    // when
    boolean first = rounds.recordFollowUp(id, 0, POSTED.plusSeconds(60));
    boolean second = rounds.recordFollowUp(id, 1, POSTED.plusSeconds(3600));

    // then
    assertTrue(first && second);
    Round round = rounds.find(id).orElseThrow();
    assertEquals(2, round.followUpsSent());
    assertEquals(POSTED.plusSeconds(3600), round.lastFollowUpAt());
  }

  @EachBackend
  void aFollowUpIsCountedOnceWhenTwoInstancesSeeTheSameCount(Database database) {
    // given
    RoundRepository rounds = new RoundRepository(database);
    long id = rounds.claim(TEAM, MONDAY, "q1", POSTED).orElseThrow().id();
    rounds.markPosted(id, "m1", "t1");

    // when
    boolean first = rounds.recordFollowUp(id, 0, POSTED);
    boolean second = rounds.recordFollowUp(id, 0, POSTED);

    // then
    assertTrue(first);
    assertFalse(second);
    assertEquals(1, rounds.find(id).orElseThrow().followUpsSent());
  }

  @EachBackend
  void revealsOnlyOnce(Database database) {
    // given
    RoundRepository rounds = new RoundRepository(database);
    long id = rounds.claim(TEAM, MONDAY, "q1", POSTED).orElseThrow().id();
    rounds.markPosted(id, "m1", "t1");
    Instant reveal = Instant.parse("2025-03-03T16:00:00Z");

    // when
    boolean first = rounds.markRevealed(id, reveal);
    boolean second = rounds.markRevealed(id, reveal.plusSeconds(1));

    // then
    assertTrue(first);
    assertFalse(second);
    assertEquals(reveal, rounds.find(id).orElseThrow().revealedAt());
  }

  @EachBackend
  void aRoundWhosePostHasNotLandedTakesNoRevealAndNoFollowUp(Database database) {
    // given
    RoundRepository rounds = new RoundRepository(database);
    long id = rounds.claim(TEAM, MONDAY, "q1", POSTED).orElseThrow().id();

    // when
    boolean revealed = rounds.markRevealed(id, POSTED.plusSeconds(60));
    boolean followedUp = rounds.recordFollowUp(id, 0, POSTED.plusSeconds(60));

    // then
    assertFalse(revealed || followedUp);
    assertEquals(RoundState.CLAIMED, rounds.find(id).orElseThrow().state());
  }

  @EachBackend
  void claimingTheNextRoundClosesTheOpenOneAndOnlyItsPostLeftIsStillClaimed(Database database) {
    // given: Monday's round posted and revealed, Tuesday's claimed but never posted
    RoundRepository rounds = new RoundRepository(database);
    long monday = rounds.claim(TEAM, MONDAY, "q1", POSTED).orElseThrow().id();
    rounds.markPosted(monday, "m1", "t1");
    rounds.markRevealed(monday, POSTED.plusSeconds(3600));
    long tuesday = rounds.claim(TEAM, MONDAY.plusDays(1), "q2", POSTED.plusSeconds(86_400)).orElseThrow().id();

    // when
    long wednesday = rounds.claim(TEAM, MONDAY.plusDays(2), "q3", POSTED.plusSeconds(2 * 86_400)).orElseThrow().id();

    // then
    assertEquals(RoundState.CLOSED, rounds.find(monday).orElseThrow().state());
    assertEquals(RoundState.CLAIMED, rounds.find(tuesday).orElseThrow().state());
    assertEquals(RoundState.CLAIMED, rounds.find(wednesday).orElseThrow().state());
    assertFalse(rounds.markRevealed(monday, POSTED.plusSeconds(2 * 86_400)));
  }

  @EachBackend
  void aRevealHandedBackLeavesTheRoundPostedToBeRevealedAgain(Database database) {
    // given
    RoundRepository rounds = new RoundRepository(database);
    long id = rounds.claim(TEAM, MONDAY, "q1", POSTED).orElseThrow().id();
    rounds.markPosted(id, "m1", "t1");
    Instant reveal = POSTED.plusSeconds(3600);
    rounds.markRevealed(id, reveal);

    // when
    rounds.undoReveal(id, reveal);

    // then
    Round round = rounds.find(id).orElseThrow();
    assertEquals(RoundState.POSTED, round.state());
    assertNull(round.revealedAt());
    assertTrue(rounds.markRevealed(id, reveal.plusSeconds(60)));
  }

  @EachBackend
  void keepsLatestReplyTimeWhenRepliesArriveOutOfOrder(Database database) {
    // given
    RoundRepository rounds = new RoundRepository(database);
    long id = rounds.claim(TEAM, MONDAY, "q1", POSTED).orElseThrow().id();

    // when
    rounds.touchReply(id, POSTED.plusSeconds(120));
    rounds.touchReply(id, POSTED.plusSeconds(60));

    // then
    assertEquals(POSTED.plusSeconds(120), rounds.find(id).orElseThrow().lastReplyAt());
  }

  @EachBackend
  void refusesToUpdateUnknownRound(Database database) {
    // given
    RoundRepository rounds = new RoundRepository(database);

    // when
    StoreException thrown =
        assertThrows(StoreException.class, () -> rounds.markPosted(404, "msg", "thread"));

    // then
    assertEquals("Failed to mark round 404 posted: no round with id 404", thrown.getMessage());
  }
}
