package dev.dbq.round;

import static dev.dbq.round.Schedules.instant;
import static dev.dbq.round.Schedules.schedule;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RevealTimesTest {

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          # case                                    | zone             | post  | reveal | round date | posted at                 | revealed at
          on the round's date                       | Europe/Berlin    | 09:00 | 17:00  | 2026-03-02 | 2026-03-02T09:00+01:00    | 2026-03-02T17:00+01:00
          a late catch-up post keeps the date's     | Europe/Berlin    | 09:00 | 17:00  | 2026-03-02 | 2026-03-02T10:45+01:00    | 2026-03-02T17:00+01:00
          reveal before the post: next day's        | Europe/Berlin    | 18:00 | 17:00  | 2026-03-02 | 2026-03-02T18:00+01:00    | 2026-03-03T17:00+01:00
          reveal equal to the post: next day's      | Europe/Berlin    | 09:00 | 09:00  | 2026-03-02 | 2026-03-02T09:00+01:00    | 2026-03-03T09:00+01:00
          posted by hand after the reveal time      | Europe/Berlin    | 09:00 | 17:00  | 2026-03-02 | 2026-03-02T17:30+01:00    | 2026-03-03T17:00+01:00
          catch-up after midnight: first after post | Europe/Berlin    | 23:30 | 17:00  | 2026-03-02 | 2026-03-03T00:30+01:00    | 2026-03-03T17:00+01:00
          posted days after its date: that day's    | Europe/Berlin    | 09:00 | 17:00  | 2026-03-02 | 2026-03-05T10:00+01:00    | 2026-03-05T17:00+01:00
          on the spring-forward Sunday              | Europe/Berlin    | 09:00 | 17:00  | 2026-03-29 | 2026-03-29T09:00+02:00    | 2026-03-29T17:00+02:00
          a reveal time in the gap moves forward    | Europe/Berlin    | 23:00 | 02:30  | 2026-03-28 | 2026-03-28T23:00+01:00    | 2026-03-29T03:30+02:00
          on the fall-back Sunday in New York       | America/New_York | 09:00 | 17:00  | 2026-11-01 | 2026-11-01T09:00-05:00    | 2026-11-01T17:00-05:00
          Auckland, a UTC date earlier              | Pacific/Auckland | 09:00 | 12:00  | 2026-03-02 | 2026-03-01T20:00Z         | 2026-03-02T12:00+13:00
          """)
  void revealsAtRevealTimeButAlwaysAfterThePost(
      String description,
      String zone,
      String postAt,
      LocalTime revealAt,
      LocalDate roundDate,
      String postedAt,
      String revealedAt) {
    // given
    ChannelSchedule schedule = schedule(postAt, zone, "daily", revealAt);

    // when
    Instant reveal = RevealTimes.revealAt(schedule, roundDate, instant(postedAt));

    // then
    assertEquals(instant(revealedAt), reveal);
  }
}
