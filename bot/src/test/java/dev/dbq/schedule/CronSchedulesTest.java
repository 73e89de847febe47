package dev.dbq.schedule;

import static dev.dbq.round.Schedules.instant;
import static dev.dbq.round.Schedules.schedule;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.dbq.round.ChannelSchedule;
import dev.dbq.round.PostRoutine;
import dev.dbq.round.PostTimes;
import dev.dbq.round.RevealRoutine;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Date;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/** 2026: 03-02 is a Monday; DST starts 03-08 (New York) and 03-29 (Berlin), ends 10-25/11-01. */
class CronSchedulesTest {

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          # case                           | post         | days                | cron
          weekdays                         | 09:00        | weekdays            | 0 0 9 ? * MON-FRI
          daily                            | 09:00        | daily               | 0 0 9 ? * *
          mon,wed,fri                      | 09:00        | MON,WED,FRI         | 0 0 9 ? * MON,WED,FRI
          a single day                     | 09:00        | TUE                 | 0 0 9 ? * TUE
          the weekend                      | 09:00        | SAT,SUN             | 0 0 9 ? * SAT-SUN
          two runs of days                 | 09:00        | MON,TUE,THU,FRI,SAT | 0 0 9 ? * MON-TUE,THU-SAT
          minutes and seconds are kept     | 07:15:30     | weekdays            | 30 15 7 ? * MON-FRI
          a fraction rounds up to a second | 07:15:30.250 | weekdays            | 31 15 7 ? * MON-FRI
          """)
  void postCronFiresAtThePostTimeOnTheSchedulesDays(
      String description, String postAt, String days, String expected) {
    // given
    ChannelSchedule schedule = schedule(postAt, "Europe/Berlin", days);

    // when
    Optional<String> cron = post(schedule).map(CronSchedules.Cron::expression);

    // then
    assertEquals(Optional.of(expected), cron);
  }

  @Test
  void revealCronFiresAtTheRevealTimeEveryDay() {
    // given
    ChannelSchedule schedule = schedule("09:00", "Europe/Berlin", "MON,WED", LocalTime.of(17, 30));

    // when
    Optional<String> cron = reveal(schedule).map(CronSchedules.Cron::expression);

    // then
    assertEquals(Optional.of("0 30 17 ? * *"), cron);
  }

  @Test
  void bothCronsAreReadInTheSchedulesTimeZone() {
    // given
    ChannelSchedule schedule = schedule("09:00", "America/New_York", "weekdays");

    // when
    String postZone = post(schedule).orElseThrow().timeZone().getID();
    String revealZone = reveal(schedule).orElseThrow().timeZone().getID();

    // then
    assertEquals("America/New_York", postZone);
    assertEquals("America/New_York", revealZone);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          # case                                     | post  | zone             | days     | strictly after          | fires at
          later the same day                         | 09:00 | Europe/Berlin    | weekdays | 2026-03-02T08:59+01:00  | 2026-03-02T09:00+01:00
          weekdays skip the weekend                  | 09:00 | Europe/Berlin    | weekdays | 2026-03-06T10:00+01:00  | 2026-03-09T09:00+01:00
          Berlin spring forward keeps 09:00 local    | 09:00 | Europe/Berlin    | weekdays | 2026-03-27T09:00+01:00  | 2026-03-30T09:00+02:00
          Berlin on the spring-forward Sunday        | 09:00 | Europe/Berlin    | daily    | 2026-03-28T12:00+01:00  | 2026-03-29T09:00+02:00
          Berlin fall back keeps 09:00 local         | 09:00 | Europe/Berlin    | daily    | 2026-10-24T12:00+02:00  | 2026-10-25T09:00+01:00
          New York spring forward keeps 09:00        | 09:00 | America/New_York | daily    | 2026-03-07T12:00-05:00  | 2026-03-08T09:00-04:00
          New York fall back keeps 09:00             | 09:00 | America/New_York | weekdays | 2026-10-30T10:00-04:00  | 2026-11-02T09:00-05:00
          the weekend range wraps past Sunday        | 09:00 | Europe/Berlin    | SAT,SUN  | 2026-03-07T10:00+01:00  | 2026-03-08T09:00+01:00
          Auckland Monday is Sunday in UTC           | 09:00 | Pacific/Auckland | weekdays | 2026-03-01T19:00Z       | 2026-03-02T09:00+13:00
          in the spring-forward gap cron skips a day | 02:30 | Europe/Berlin    | daily    | 2026-03-28T12:00+01:00  | 2026-03-30T02:30+02:00
          """)
  void quartzFiresThePostCronAtTheLocalPostTime(
      String description, String postAt, String zone, String days, String after, String firesAt) {
    // given
    ChannelSchedule schedule = schedule(postAt, zone, days);
    CronSchedules.Cron cron = post(schedule).orElseThrow();

    // when
    Date next = cron.toCronExpression().getNextValidTimeAfter(Date.from(instant(after)));

    // then
    assertEquals(instant(firesAt), next.toInstant());
  }

  @Test
  void revealCronFiresOnADayWithoutARoundToo() {
    // given: a Friday evening post is revealed on Saturday (see RevealTimes)
    ChannelSchedule schedule = schedule("09:00", "Europe/Berlin", "weekdays");
    CronSchedules.Cron cron = reveal(schedule).orElseThrow();

    // when
    Date next = cron.toCronExpression().getNextValidTimeAfter(Date.from(instant("2026-03-06T18:00+01:00")));

    // then
    assertEquals(instant("2026-03-07T17:00+01:00"), next.toInstant());
  }

  static Stream<Arguments> schedulesWithoutRounds() {
    ChannelSchedule weekdays = schedule("09:00", "Europe/Berlin", "weekdays");
    return Stream.of(
        Arguments.of(
            "turned off",
            new ChannelSchedule(weekdays.postAt(), weekdays.zone(), weekdays.days(), weekdays.revealAt(), false)),
        Arguments.of(
            "no days",
            new ChannelSchedule(
                LocalTime.of(9, 0), ZoneId.of("Europe/Berlin"), Set.<DayOfWeek>of(), LocalTime.of(17, 0), true)));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("schedulesWithoutRounds")
  void aScheduleThatIsOffOrHasNoDaysHasNoCrons(String description, ChannelSchedule schedule) {
    // when
    Optional<CronSchedules.Cron> post = post(schedule);
    Optional<CronSchedules.Cron> reveal = reveal(schedule);

    // then
    assertEquals(Optional.empty(), post);
    assertEquals(Optional.empty(), reveal);
  }

  @Test
  void postCronAgreesWithPostTimesAwayFromDstEdges() {
    // given
    ChannelSchedule schedule = schedule("08:45:10", "Asia/Kolkata", "MON,THU");
    Instant after = instant("2026-03-05T08:45:10+05:30");

    // when
    Date next = post(schedule).orElseThrow().toCronExpression().getNextValidTimeAfter(Date.from(after));

    // then
    assertEquals(PostTimes.nextAfter(schedule, after).orElseThrow().at(), next.toInstant());
  }

  /** The post's cron, as the scheduler makes it from the post routine's wake-up. */
  private static Optional<CronSchedules.Cron> post(ChannelSchedule schedule) {
    return PostRoutine.wakeUpOf(schedule).map(CronSchedules::of);
  }

  private static Optional<CronSchedules.Cron> reveal(ChannelSchedule schedule) {
    return RevealRoutine.wakeUpOf(schedule).map(CronSchedules::of);
  }
}
