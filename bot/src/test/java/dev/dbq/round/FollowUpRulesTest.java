package dev.dbq.round;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.dbq.chat.ChannelKey;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Times are UTC on the round's date, 2026-03-02; "none" is no value. */
class FollowUpRulesTest {

  private static final LocalDate DATE = LocalDate.of(2026, 3, 2);
  private static final ChannelKey CHANNEL = new ChannelKey("console", "local", "general");

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      nullValues = "none",
      textBlock =
          """
          # case                                        | posted | sent | last follow-up | last reply | follow-ups | interval | next round | due
          the first goes out as the round is posted     | 09:00  | 0    | none           | none       | 3          | PT1H     | none       | 09:00
          the first does not wait for replies           | 09:00  | 0    | none           | 09:05      | 3          | PT1H     | none       | 09:00
          not posted yet                                | none   | 0    | none           | none       | 3          | PT1H     | none       | none
          no replies since the last follow-up           | 09:00  | 1    | 09:00          | none       | 3          | PT1H     | none       | none
          the last reply is older than the follow-up    | 09:00  | 1    | 10:00          | 09:30      | 3          | PT1H     | none       | none
          a reply at the follow-up's instant answers it  | 09:00  | 1    | 09:00          | 09:00      | 3          | PT1H     | none       | 10:00
          a reply within the interval waits for it      | 09:00  | 1    | 09:00          | 09:10      | 3          | PT1H     | none       | 10:00
          a reply exactly at the interval's end         | 09:00  | 1    | 09:00          | 10:00      | 3          | PT1H     | none       | 10:00
          a reply after the interval: due at the reply  | 09:00  | 1    | 09:00          | 10:30      | 3          | PT1H     | none       | 10:30
          the third after the second                    | 09:00  | 2    | 11:00          | 11:20      | 3          | PT1H     | none       | 12:00
          a shorter interval                            | 09:00  | 1    | 09:00          | 09:10      | 3          | PT30M    | none       | 09:30
          all follow-ups sent                           | 09:00  | 3    | 11:00          | 11:20      | 3          | PT1H     | none       | none
          the question has no follow-ups                | 09:00  | 0    | none           | none       | 0          | PT1H     | none       | none
          the round is closed                           | 09:00  | 1    | 09:00          | 09:10      | 3          | PT1H     | 23:00      | none
          the first, but the round is closed            | 09:00  | 0    | none           | none       | 3          | PT1H     | 23:00      | none
          """)
  void nextFollowUpIsDueAfterNewRepliesAndAnInterval(
      String description,
      LocalTime postedAt,
      int followUpsSent,
      LocalTime lastFollowUpAt,
      LocalTime lastReplyAt,
      int followUpCount,
      Duration interval,
      LocalTime nextRoundPostedAt,
      LocalTime due) {
    // given
    Round round = round(at(postedAt), followUpsSent, at(lastFollowUpAt), at(lastReplyAt));
    FollowUpRules rules = new FollowUpRules(interval);

    // when
    Optional<Instant> next = rules.nextDue(round, followUpCount, at(nextRoundPostedAt));

    // then
    assertEquals(Optional.ofNullable(at(due)), next);
  }

  @Test
  void rejectsARoundWithFollowUpsSentButNoTimeOfTheLast() {
    // given
    Round inconsistent = round(at(LocalTime.of(9, 0)), 1, null, at(LocalTime.of(9, 30)));
    FollowUpRules rules = new FollowUpRules(FollowUpRules.DEFAULT_INTERVAL);

    // when / then
    assertThrows(IllegalArgumentException.class, () -> rules.nextDue(inconsistent, 3, null));
  }

  @Test
  void rejectsANegativeInterval() {
    assertThrows(IllegalArgumentException.class, () -> new FollowUpRules(Duration.ofMinutes(-1)));
  }

  private static Round round(
      Instant postedAt, int followUpsSent, Instant lastFollowUpAt, Instant lastReplyAt) {
    return new Round(
        1, CHANNEL, DATE, "database-architecture/q1", postedAt, "m1", "t1", followUpsSent,
        lastFollowUpAt, null, lastReplyAt, null, null, RoundState.POSTED);
  }

  private static Instant at(LocalTime time) {
    return time == null ? null : DATE.atTime(time).toInstant(ZoneOffset.UTC);
  }
}
