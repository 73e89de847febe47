package dev.dbq.console;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * The console's clock: the real time until {@code --now} or {@code :time} sets it, then a
 * simulated time that only moves when told to.
 */
public final class ConsoleClock extends Clock {

  private final ZoneId zone;
  private volatile Instant simulated;

  public ConsoleClock(ZoneId zone, Instant start) {
    this.zone = zone;
    this.simulated = start;
  }

  /**
   * The simulated years. Rounds, follow-ups and reveals run at every due instant the clock
   * passes, so a far-off date meant tens of thousands of rounds; no one practises before 2000
   * or after 2100.
   */
  public static final int FIRST_YEAR = 2000;

  public static final int LAST_YEAR = 2100;

  /** The longest single move: a year of rounds (leap years included) is a few hundred posts. */
  public static final Duration LONGEST_MOVE = Duration.ofDays(366);

  /** Refuses a simulated time outside {@link #FIRST_YEAR}–{@link #LAST_YEAR}, with one line saying so. */
  public static void checkSupported(Instant instant) {
    int year = instant.atZone(ZoneOffset.UTC).getYear();
    if (year < FIRST_YEAR || year > LAST_YEAR) {
      throw new IllegalArgumentException(
          "The console's clock runs from " + FIRST_YEAR + " to " + LAST_YEAR + "; " + year + " is outside.");
    }
  }

  public boolean isSimulated() {
    return simulated != null;
  }

  /** Moves the clock to {@code instant}; from then on it stands still between moves. */
  public void set(Instant instant) {
    simulated = instant;
  }

  @Override
  public Instant instant() {
    Instant now = simulated;
    return now != null ? now : Instant.now();
  }

  @Override
  public ZoneId getZone() {
    return zone;
  }

  @Override
  public Clock withZone(ZoneId otherZone) {
    ConsoleClock copy = new ConsoleClock(otherZone, simulated);
    return copy;
  }
}
