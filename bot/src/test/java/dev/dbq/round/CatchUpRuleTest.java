package dev.dbq.round;

import static dev.dbq.round.Schedules.instant;
import static dev.dbq.round.Schedules.schedule;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Berlin, weekdays at 09:00 unless a row says otherwise; 2026-03-02 is a Monday. */
class CatchUpRuleTest {

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      nullValues = "none",
      textBlock =
          """
          # case                                   | post  | days     | now                        | grace | existing rounds        | decision    | slot date  | late
          on time                                  | 09:00 | weekdays | 2026-03-02T09:00+01:00     | PT2H  | none                   | PostNow     | 2026-03-02 | PT0S
          within the grace period                  | 09:00 | weekdays | 2026-03-02T10:00+01:00     | PT2H  | 2026-02-27             | PostNow     | 2026-03-02 | PT1H
          exactly at the end of the grace period   | 09:00 | weekdays | 2026-03-02T11:00+01:00     | PT2H  | none                   | PostNow     | 2026-03-02 | PT2H
          a second after the grace period          | 09:00 | weekdays | 2026-03-02T11:00:01+01:00  | PT2H  | none                   | SkipTooLate | 2026-03-02 | PT2H1S
          a longer grace period                    | 09:00 | weekdays | 2026-03-02T11:00:01+01:00  | PT3H  | none                   | PostNow     | 2026-03-02 | PT2H1S
          the round already exists                 | 09:00 | weekdays | 2026-03-02T10:00+01:00     | PT2H  | 2026-02-27, 2026-03-02 | NothingDue  | none       | none
          Saturday: Friday's post was missed       | 09:00 | weekdays | 2026-03-07T10:00+01:00     | PT2H  | none                   | SkipTooLate | 2026-03-06 | PT25H
          Saturday: Friday's round exists          | 09:00 | weekdays | 2026-03-07T10:00+01:00     | PT2H  | 2026-03-06             | NothingDue  | none       | none
          before today's post, yesterday's exists  | 09:00 | weekdays | 2026-03-03T08:59+01:00     | PT2H  | 2026-03-02             | NothingDue  | none       | none
          after midnight, for the scheduled date   | 23:30 | daily    | 2026-03-03T00:30+01:00     | PT2H  | none                   | PostNow     | 2026-03-02 | PT1H
          """)
  void decidesAboutTheLatestDuePost(
      String description,
      String postAt,
      String days,
      String now,
      Duration grace,
      String existingRounds,
      String decision,
      LocalDate slotDate,
      Duration late) {
    // given
    ChannelSchedule schedule = schedule(postAt, "Europe/Berlin", days);
    Set<LocalDate> roundDates = dates(existingRounds);

    // when
    CatchUpDecision actual =
        CatchUpRule.decide(schedule, instant(now), grace, roundDates::contains);

    // then
    CatchUpDecision expected = expected(decision, schedule, slotDate, late);
    assertEquals(expected, actual);
  }

  @Test
  void aTurnedOffScheduleHasNothingDue() {
    // given
    ChannelSchedule on = schedule("09:00", "Europe/Berlin", "weekdays");
    ChannelSchedule off =
        new ChannelSchedule(on.postAt(), on.zone(), on.days(), on.revealAt(), false);

    // when
    CatchUpDecision decision =
        CatchUpRule.decide(
            off, instant("2026-03-02T09:30+01:00"), CatchUpRule.DEFAULT_GRACE, date -> false);

    // then
    assertEquals(new CatchUpDecision.NothingDue(), decision);
  }

  @Test
  void rejectsANegativeGracePeriod() {
    // given
    ChannelSchedule schedule = schedule("09:00", "Europe/Berlin", "weekdays");

    // when / then
    assertThrows(
        IllegalArgumentException.class,
        () ->
            CatchUpRule.decide(
                schedule, instant("2026-03-02T09:30+01:00"), Duration.ofMinutes(-1), d -> false));
  }

  private static CatchUpDecision expected(
      String decision, ChannelSchedule schedule, LocalDate slotDate, Duration late) {
    if (decision.equals("NothingDue")) {
      return new CatchUpDecision.NothingDue();
    }
    Instant postAt = slotDate.atTime(schedule.postAt()).atZone(schedule.zone()).toInstant();
    PostSlot slot = new PostSlot(slotDate, postAt);
    return decision.equals("PostNow")
        ? new CatchUpDecision.PostNow(slot, late)
        : new CatchUpDecision.SkipTooLate(slot, late);
  }

  private static Set<LocalDate> dates(String commaSeparated) {
    if (commaSeparated == null) {
      return Set.of();
    }
    return Stream.of(commaSeparated.split(","))
        .map(String::trim)
        .map(LocalDate::parse)
        .collect(Collectors.toSet());
  }
}
