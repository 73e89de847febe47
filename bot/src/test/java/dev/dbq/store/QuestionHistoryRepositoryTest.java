package dev.dbq.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dbq.chat.ChannelKey;
import dev.dbq.testsupport.EachBackend;
import java.time.Instant;
import java.util.List;
import java.util.Set;

class QuestionHistoryRepositoryTest {

  private static final ChannelKey TEAM = new ChannelKey("slack", "T1", "C1");
  private static final Instant MONDAY = Instant.parse("2025-03-03T08:00:00Z");

  @EachBackend
  void startsAtCycleZeroWithNothingAsked(Database database) {
    // given
    QuestionHistoryRepository history = new QuestionHistoryRepository(database);

    // then
    assertEquals(0, history.currentCycle(TEAM));
    assertEquals(Set.of(), history.askedIn(TEAM, 0));
  }

  @EachBackend
  void keepsQuestionsPerCycleInOrderAsked(Database database) {
    // given
    QuestionHistoryRepository history = new QuestionHistoryRepository(database);
    history.recordAsked(TEAM, 0, "q-b", MONDAY);
    history.recordAsked(TEAM, 0, "q-a", MONDAY.plusSeconds(86_400));

    // when the bank is used up and the next cycle starts with a question asked before
    history.recordAsked(TEAM, 1, "q-b", MONDAY.plusSeconds(2 * 86_400));

    // then
    assertEquals(1, history.currentCycle(TEAM));
    assertEquals(List.of("q-b", "q-a"), List.copyOf(history.askedIn(TEAM, 0)));
    assertEquals(Set.of("q-b"), history.askedIn(TEAM, 1));
  }

  @EachBackend
  void recordsQuestionOncePerCycle(Database database) {
    // given
    QuestionHistoryRepository history = new QuestionHistoryRepository(database);

    // when
    boolean first = history.recordAsked(TEAM, 0, "q-a", MONDAY);
    boolean again = history.recordAsked(TEAM, 0, "q-a", MONDAY.plusSeconds(60));

    // then
    assertTrue(first);
    assertFalse(again);
    assertEquals(Set.of("q-a"), history.askedIn(TEAM, 0));
  }

  @EachBackend
  void keepsHistoryOfEachChannelApart(Database database) {
    // given
    QuestionHistoryRepository history = new QuestionHistoryRepository(database);
    ChannelKey sameIdOnDiscord = new ChannelKey("discord", "T1", "C1");
    history.recordAsked(TEAM, 3, "q-a", MONDAY);

    // then
    assertEquals(0, history.currentCycle(sameIdOnDiscord));
    assertEquals(Set.of(), history.askedIn(sameIdOnDiscord, 3));
  }
}
