package dev.dbq.streak;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RoundHistoryTest {

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          dates out of order                  | 03-03: a; 03-02: a
          two rounds on one date              | 03-02: a; 03-02: b
          an open round that is not the newest | 03-02*: a; 03-03: a
          """)
  void rejectsHistoriesTheStoreCannotProduce(String description, String rounds) {
    // when / then
    assertThrows(IllegalArgumentException.class, () -> Histories.parse(rounds));
  }

  @Test
  void listsEveryParticipantOnceSortedById() {
    // given
    RoundHistory history = Histories.parse("03-02: carol alice; 03-03: bob alice; 03-04*: dave");

    // when
    Set<String> participants = history.everyParticipant();

    // then
    assertEquals("[alice, bob, carol, dave]", participants.toString());
  }
}
