package dev.dbq.bank;

import java.util.concurrent.TimeUnit;

/**
 * How a load shares the CPU with the requests served meanwhile. A reload runs beside live
 * traffic on a machine with few cores: after each file (and after building the indexes) it
 * pauses in proportion to the CPU time the step took, so it takes at most a set share of a core
 * on average and requests keep their throughput (issue 16: 0.57x during an unpaced reload). The
 * start-up load, with nothing to share with, does not pause.
 */
@FunctionalInterface
public interface Pace {

  /** No pause: start-up, tools, tests. */
  Pace NONE = busyNanos -> { };

  /** Called after a step that kept this thread busy for {@code busyNanos}. */
  void after(long busyNanos);

  /**
   * Pauses so that the steps take about {@code share} (0-1] of one core on average: a step of
   * 100 ms at 0.1 is followed by 900 ms of pause. An interrupt ends the pause and is kept.
   */
  static Pace share(double share) {
    if (!(share > 0 && share <= 1)) {
      throw new IllegalArgumentException("share must be in (0, 1], got " + share);
    }
    return busyNanos -> {
      long pause = (long) (busyNanos * (1 - share) / share);
      if (pause <= 0) {
        return;
      }
      try {
        TimeUnit.NANOSECONDS.sleep(pause);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    };
  }
}
