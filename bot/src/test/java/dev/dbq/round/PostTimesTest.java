package dev.dbq.round;

import static dev.dbq.round.Schedules.instant;
import static dev.dbq.round.Schedules.schedule;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/** 2026: 03-02 is a Monday; DST starts 03-08 (New York) and 03-29 (Berlin), ends 10-25/11-01. */
class PostTimesTest {

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          # case                                   | post  | zone             | days        | strictly after              | round date | posted at
          later the same day                       | 09:00 | Europe/Berlin    | weekdays    | 2026-03-02T08:59:59+01:00    | 2026-03-02 | 2026-03-02T09:00+01:00
          exactly at a post: the next one          | 09:00 | Europe/Berlin    | weekdays    | 2026-03-02T09:00+01:00       | 2026-03-03 | 2026-03-03T09:00+01:00
          weekdays skip the weekend                | 09:00 | Europe/Berlin    | weekdays    | 2026-03-06T10:00+01:00       | 2026-03-09 | 2026-03-09T09:00+01:00
          daily includes the weekend               | 09:00 | Europe/Berlin    | daily       | 2026-03-06T10:00+01:00       | 2026-03-07 | 2026-03-07T09:00+01:00
          custom days skip the others              | 09:00 | Europe/Berlin    | MON,WED,FRI | 2026-03-02T09:30+01:00       | 2026-03-04 | 2026-03-04T09:00+01:00
          custom single day, a week later          | 09:00 | Europe/Berlin    | TUE         | 2026-03-03T09:00+01:00       | 2026-03-10 | 2026-03-10T09:00+01:00
          Berlin spring forward keeps 09:00 local  | 09:00 | Europe/Berlin    | weekdays    | 2026-03-27T09:00+01:00       | 2026-03-30 | 2026-03-30T09:00+02:00
          Berlin on the spring-forward Sunday      | 09:00 | Europe/Berlin    | daily       | 2026-03-28T12:00+01:00       | 2026-03-29 | 2026-03-29T09:00+02:00
          Berlin fall back keeps 09:00 local       | 09:00 | Europe/Berlin    | daily       | 2026-10-24T12:00+02:00       | 2026-10-25 | 2026-10-25T09:00+01:00
          Berlin 02:30 in the gap moves to 03:30   | 02:30 | Europe/Berlin    | daily       | 2026-03-28T12:00+01:00       | 2026-03-29 | 2026-03-29T03:30+02:00
          Berlin 02:30 in the overlap: earlier one | 02:30 | Europe/Berlin    | daily       | 2026-10-24T12:00+02:00       | 2026-10-25 | 2026-10-25T02:30+02:00
          Berlin the day after the gap is normal   | 02:30 | Europe/Berlin    | daily       | 2026-03-29T03:30+02:00       | 2026-03-30 | 2026-03-30T02:30+02:00
          New York spring forward keeps 09:00      | 09:00 | America/New_York | daily       | 2026-03-07T12:00-05:00       | 2026-03-08 | 2026-03-08T09:00-04:00
          New York fall back keeps 09:00           | 09:00 | America/New_York | weekdays    | 2026-10-30T10:00-04:00       | 2026-11-02 | 2026-11-02T09:00-05:00
          New York 02:30 in the gap moves to 03:30 | 02:30 | America/New_York | daily       | 2026-03-07T12:00-05:00       | 2026-03-08 | 2026-03-08T03:30-04:00
          New York 01:30 in the overlap: earlier   | 01:30 | America/New_York | daily       | 2026-10-31T12:00-04:00       | 2026-11-01 | 2026-11-01T01:30-04:00
          Auckland Monday is Sunday in UTC         | 09:00 | Pacific/Auckland | weekdays    | 2026-03-01T19:00Z            | 2026-03-02 | 2026-03-02T09:00+13:00
          Auckland Friday post, weekend in UTC too | 09:00 | Pacific/Auckland | weekdays    | 2026-03-05T21:00Z            | 2026-03-09 | 2026-03-09T09:00+13:00
          Kolkata 03:00 is the evening before UTC  | 03:00 | Asia/Kolkata     | daily       | 2026-03-01T12:00Z            | 2026-03-02 | 2026-03-01T21:30Z
          """)
  void nextPostIsTheFirstLocalPostTimeOnAnAllowedDayStrictlyAfter(
      String description,
      String postAt,
      String zone,
      String days,
      String after,
      LocalDate roundDate,
      String postedAt) {
    // given
    ChannelSchedule schedule = schedule(postAt, zone, days);

    // when
    Optional<PostSlot> next = PostTimes.nextAfter(schedule, instant(after));

    // then
    assertEquals(Optional.of(new PostSlot(roundDate, instant(postedAt))), next);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          # case                                  | post  | zone             | days     | at or before               | round date | posted at
          exactly at a post: that one             | 09:00 | Europe/Berlin    | weekdays | 2026-03-30T09:00+02:00      | 2026-03-30 | 2026-03-30T09:00+02:00
          Monday before the post: last Friday     | 09:00 | Europe/Berlin    | weekdays | 2026-03-30T08:59+02:00      | 2026-03-27 | 2026-03-27T09:00+01:00
          fall-back morning: yesterday's          | 09:00 | Europe/Berlin    | daily    | 2026-10-25T08:59+01:00      | 2026-10-24 | 2026-10-24T09:00+02:00
          custom day, days ago                    | 09:00 | America/New_York | SAT      | 2026-03-12T12:00-04:00      | 2026-03-07 | 2026-03-07T09:00-05:00
          Auckland Monday while UTC is Sunday     | 09:00 | Pacific/Auckland | weekdays | 2026-03-01T21:00Z           | 2026-03-02 | 2026-03-02T09:00+13:00
          Kolkata date ahead of UTC               | 03:00 | Asia/Kolkata     | weekdays | 2026-03-01T22:00Z           | 2026-03-02 | 2026-03-02T03:00+05:30
          """)
  void latestPostIsTheLastOneAtOrBefore(
      String description,
      String postAt,
      String zone,
      String days,
      String at,
      LocalDate roundDate,
      String postedAt) {
    // given
    ChannelSchedule schedule = schedule(postAt, zone, days);

    // when
    Optional<PostSlot> latest = PostTimes.latestAtOrBefore(schedule, instant(at));

    // then
    assertEquals(Optional.of(new PostSlot(roundDate, instant(postedAt))), latest);
  }

  static Stream<Arguments> schedulesWithoutPosts() {
    ChannelSchedule weekdays = schedule("09:00", "Europe/Berlin", "weekdays");
    return Stream.of(
        Arguments.of(
            "turned off",
            new ChannelSchedule(
                weekdays.postAt(), weekdays.zone(), weekdays.days(), weekdays.revealAt(), false)),
        Arguments.of(
            "no days",
            new ChannelSchedule(
                LocalTime.of(9, 0), ZoneId.of("Europe/Berlin"), Set.<DayOfWeek>of(),
                LocalTime.of(17, 0), true)));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("schedulesWithoutPosts")
  void aScheduleThatIsOffOrHasNoDaysHasNoPosts(String description, ChannelSchedule schedule) {
    // given
    Instant now = instant("2026-03-04T12:00+01:00");

    // when / then
    assertEquals(Optional.empty(), PostTimes.nextAfter(schedule, now));
    assertEquals(Optional.empty(), PostTimes.latestAtOrBefore(schedule, now));
  }

  @ParameterizedTest(name = "{0} {1}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          Pacific/Auckland | 2026-03-01T20:00Z      | 2026-03-02
          Asia/Kolkata     | 2026-03-01T21:30Z      | 2026-03-02
          America/New_York | 2026-03-02T03:00Z      | 2026-03-01
          Europe/Berlin    | 2026-03-01T23:00Z      | 2026-03-02
          Europe/Berlin    | 2026-03-01T22:59:59Z   | 2026-03-01
          """)
  void roundDateIsTheLocalDateInTheSchedulesZone(String zone, String postedAt, LocalDate date) {
    // given
    ChannelSchedule schedule = schedule("09:00", zone, "daily");

    // when
    LocalDate roundDate = PostTimes.roundDate(schedule, instant(postedAt));

    // then
    assertEquals(date, roundDate);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          # Samoa skipped 2011-12-30 when it moved across the date line
          09:00 | 2011-12-29T12:00-10:00 | 2011-12-31 | 2011-12-31T09:00+14:00
          """)
  void aDateTheZoneSkippedHasNoPost(
      String postAt, String after, LocalDate roundDate, String postedAt) {
    // given
    ChannelSchedule schedule = schedule(postAt, "Pacific/Apia", "daily");

    // when
    Optional<PostSlot> next = PostTimes.nextAfter(schedule, instant(after));

    // then
    assertEquals(Optional.of(new PostSlot(roundDate, instant(postedAt))), next);
  }
}
