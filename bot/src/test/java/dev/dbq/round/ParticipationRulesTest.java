package dev.dbq.round;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.dbq.round.ParticipationRules.Event;
import dev.dbq.round.ParticipationRules.Verdict;
import java.time.Instant;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The round was posted at 2026-03-02T09:00Z; "next round" is when the channel's next one was. */
class ParticipationRulesTest {

  private static final Instant POSTED_AT = Instant.parse("2026-03-02T09:00:00Z");

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      nullValues = "none",
      textBlock =
          """
          # case                                 | bot   | edit  | at                              | next round           | verdict
          a person replies while open            | false | false | 2026-03-02T09:05:00Z            | none                 | COUNTS
          exactly when the round is posted       | false | false | 2026-03-02T09:00:00Z            | none                 | COUNTS
          a nanosecond before the post           | false | false | 2026-03-02T08:59:59.999999999Z  | none                 | BEFORE_ROUND
          days later, no next round yet          | false | false | 2026-03-09T18:00:00Z            | none                 | COUNTS
          just before the next round             | false | false | 2026-03-03T08:59:59.999999999Z  | 2026-03-03T09:00:00Z | COUNTS
          exactly when the next round is posted  | false | false | 2026-03-03T09:00:00Z            | 2026-03-03T09:00:00Z | ROUND_CLOSED
          after the next round                   | false | false | 2026-03-03T12:00:00Z            | 2026-03-03T09:00:00Z | ROUND_CLOSED
          a bot                                  | true  | false | 2026-03-02T09:05:00Z            | none                 | BOT
          an edit                                | false | true  | 2026-03-02T09:05:00Z            | none                 | EDIT
          a bot editing late: the bot decides    | true  | true  | 2026-03-04T09:05:00Z            | 2026-03-03T09:00:00Z | BOT
          """)
  void countsOnlyNewMessagesFromPeopleWhileTheRoundIsOpen(
      String description,
      boolean fromBot,
      boolean edit,
      Instant at,
      Instant nextRoundPostedAt,
      Verdict expected) {
    // given
    Event event = new Event("U1", fromBot, edit, at);

    // when
    Verdict verdict = ParticipationRules.judge(event, POSTED_AT, nextRoundPostedAt);

    // then
    assertEquals(expected, verdict);
    assertEquals(expected == Verdict.COUNTS, verdict.counts());
  }
}
