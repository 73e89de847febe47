package dev.dbq.round;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumSet;
import org.junit.jupiter.api.Test;

class RoundStateTest {

  @Test
  void aClaimedRoundIsPostedOrSkippedAndASkippedOneCanStillBePostedByHand() {
    assertTrue(RoundState.CLAIMED.canMoveTo(RoundState.POSTED));
    assertTrue(RoundState.CLAIMED.canMoveTo(RoundState.SKIPPED));
    assertTrue(RoundState.SKIPPED.canMoveTo(RoundState.POSTED));
    assertFalse(RoundState.CLAIMED.canMoveTo(RoundState.REVEALED));
    assertFalse(RoundState.CLAIMED.canMoveTo(RoundState.CLOSED));
  }

  @Test
  void onlyAnOpenRoundIsRevealedOrClosedAndAClosedRoundMovesNoMore() {
    assertEquals(EnumSet.of(RoundState.POSTED), RoundState.from(RoundState.REVEALED));
    assertEquals(EnumSet.of(RoundState.POSTED, RoundState.REVEALED), RoundState.from(RoundState.CLOSED));
    for (RoundState target : RoundState.values()) {
      assertFalse(RoundState.CLOSED.canMoveTo(target), "closed -> " + target);
    }
  }

  @Test
  void statesAreStoredInLowerCaseAndListedForAnSqlGuardInDeclarationOrder() {
    assertEquals("revealed", RoundState.REVEALED.column());
    assertEquals(RoundState.SKIPPED, RoundState.ofColumn("skipped"));
    assertEquals("('claimed', 'skipped')", RoundState.sqlList(EnumSet.of(RoundState.SKIPPED, RoundState.CLAIMED)));
  }
}
