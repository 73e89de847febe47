package dev.dbq.discord;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ButtonIdsTest {

  @Test
  void shortActionIsKeptAsTypedAndDecodesWithoutAnyState() {
    // when
    String id = ButtonIds.encode("/dbq answer q5 detailed").orElseThrow();

    // then
    assertEquals("dbq:answer q5 detailed", id);
    assertEquals(Optional.of("/dbq answer q5 detailed"), ButtonIds.decode(id, List.of()));
  }

  @Test
  void actionOver100CharactersDigestsLongIdsAndResolvesThemAgainstTheBanks() {
    // given
    String longId = "system-design-interviews-for-distributed-databases-volume-two/replication-and-consensus-q17";
    String action = "/dbq answer " + longId + " detailed";

    // when
    String id = ButtonIds.encode(action).orElseThrow();

    // then
    assertTrue(id.length() <= ButtonIds.LIMIT, id);
    assertEquals(Optional.of(action), ButtonIds.decode(id, List.of("q1", longId, "other/q2")));
  }

  @Test
  void digestOfAnIdNoLongerInTheBanksDecodesToNothing() {
    // given
    String longId = "x".repeat(120);
    String id = ButtonIds.encode("/dbq show " + longId).orElseThrow();

    // when / then
    assertEquals(Optional.empty(), ButtonIds.decode(id, List.of("q1")));
  }

  @Test
  void foreignCustomIdDecodesToNothing() {
    assertEquals(Optional.empty(), ButtonIds.decode("someone-else:42", List.of()));
  }

  @Test
  void actionOfManyShortWordsThatCannotFitIsRefused() {
    // given: 60 two-letter words, none long enough to digest
    String action = "/dbq search " + "ab ".repeat(60);

    // when / then
    assertEquals(Optional.empty(), ButtonIds.encode(action));
  }
}
