package dev.dbq.schedule;

import dev.dbq.round.WakeUp;
import java.text.ParseException;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TimeZone;
import org.quartz.CronExpression;

/**
 * A routine's {@link WakeUp} as a Quartz cron expression ({@code seconds minutes hours ? * days}),
 * read in the channel's own time zone so a 09:00 post stays at 09:00 local across daylight-saving
 * changes.
 *
 * <p>Cron resolves DST edges differently from {@link PostTimes}: it skips a time inside a
 * spring-forward gap for that day, and fires at the later of two overlapping times on a
 * fall-back night. That is harmless because these triggers only make {@code runDue} punctual:
 * the scheduler's tick also calls it, and {@code runDue} posts by {@link PostTimes}.
 */
public final class CronSchedules {

  private static final String EVERY_DAY = "*";

  private CronSchedules() {}

  /** A Quartz cron expression and the time zone its fields are read in. */
  public record Cron(String expression, TimeZone timeZone) {

    /** This cron as Quartz parses it, bound to its time zone. */
    public CronExpression toCronExpression() {
      try {
        CronExpression cron = new CronExpression(expression);
        cron.setTimeZone(timeZone);
        return cron;
      } catch (ParseException e) {
        throw new IllegalStateException("not a Quartz cron expression: " + expression, e);
      }
    }
  }

  /** Fires at the wake-up's local time on its days, in its zone. */
  public static Cron of(WakeUp wakeUp) {
    LocalTime fireAt = wholeSecondAtOrAfter(wakeUp.at());
    String expression =
        fireAt.getSecond() + " " + fireAt.getMinute() + " " + fireAt.getHour() + " ? * " + daysOfWeek(wakeUp.days());
    return new Cron(expression, TimeZone.getTimeZone(wakeUp.zone()));
  }

  /**
   * Cron has no fractions of a second; firing before the time would find nothing due yet. (The
   * last second of the day wraps to midnight, a harmless extra run the tick makes up for.)
   */
  private static LocalTime wholeSecondAtOrAfter(LocalTime time) {
    LocalTime seconds = time.truncatedTo(ChronoUnit.SECONDS);
    return seconds.equals(time) ? time : seconds.plusSeconds(1);
  }

  /**
   * The day-of-week field: {@code *}, or runs of consecutive days in Monday-first order such as
   * {@code MON-FRI} or {@code MON,WED,FRI}. Quartz numbers Sunday 1, so it reads a run ending on
   * Sunday ({@code SAT-SUN}) as wrapping round the week, which is the run meant.
   */
  private static String daysOfWeek(Set<DayOfWeek> days) {
    if (days.size() == DayOfWeek.values().length) {
      return EVERY_DAY;
    }
    List<DayOfWeek> sorted = days.stream().sorted().toList();
    List<String> runs = new ArrayList<>();
    int runStart = 0;
    for (int i = 1; i <= sorted.size(); i++) {
      boolean runEnds = i == sorted.size() || sorted.get(i).getValue() != sorted.get(i - 1).getValue() + 1;
      if (runEnds) {
        runs.add(run(sorted.get(runStart), sorted.get(i - 1)));
        runStart = i;
      }
    }
    return String.join(",", runs);
  }

  private static String run(DayOfWeek first, DayOfWeek last) {
    return first == last ? abbreviation(first) : abbreviation(first) + "-" + abbreviation(last);
  }

  private static String abbreviation(DayOfWeek day) {
    return day.name().substring(0, 3).toUpperCase(Locale.ROOT);
  }
}
