package dev.dbq.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dbq.testsupport.EachBackend;
import java.time.Instant;

class ProcessedEventRepositoryTest {

  private static final Instant NOON = Instant.parse("2025-03-03T12:00:00Z");

  @EachBackend
  void seesEachEventOfAPlatformOnce(Database database) {
    // given
    ProcessedEventRepository events = new ProcessedEventRepository(database);

    // when
    boolean first = events.firstSeen("slack", "Ev1", NOON);
    boolean redelivered = events.firstSeen("slack", "Ev1", NOON.plusSeconds(30));
    boolean sameIdOtherPlatform = events.firstSeen("discord", "Ev1", NOON);

    // then
    assertTrue(first);
    assertFalse(redelivered);
    assertTrue(sameIdOtherPlatform);
  }

  @EachBackend
  void purgesOnlyEventsSeenBeforeCutoff(Database database) {
    // given
    ProcessedEventRepository events = new ProcessedEventRepository(database);
    events.firstSeen("slack", "old", NOON.minusSeconds(7200));
    events.firstSeen("slack", "recent", NOON);

    // when
    int purged = events.purgeBefore(NOON.minusSeconds(3600));

    // then
    assertEquals(1, purged);
    assertTrue(events.firstSeen("slack", "old", NOON), "a purged event is forgotten");
    assertFalse(events.firstSeen("slack", "recent", NOON), "a recent event is kept");
  }
}
