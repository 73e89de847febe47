package dev.dbq.console;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;

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
