package dev.dbq.round;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dbq.chat.Lane;
import dev.dbq.chat.RateLimitedException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * The fan-out on a hand-run executor and timer: each test starts the jobs, then runs the tasks
 * the fan-out handed to its workers one by one and fires the Retry-After waits when it says, so
 * what runs concurrently and what waits is seen exactly, with no thread and no sleep.
 */
class FanOutTest {

  private static final Instant TICK = Instant.parse("2026-12-01T09:00:00Z");
  private static final Instant LATER = TICK.plusSeconds(2);
  private static final Lane WORKSPACE = new Lane("slack:T1", 2);
  private static final Lane OTHER_WORKSPACE = new Lane("slack:T2", 1);

  /** The tasks handed to the workers, not yet run. */
  private final Deque<Runnable> workers = new ArrayDeque<>();
  /** The waits asked for, not yet over. */
  private final List<Duration> waits = new ArrayList<>();
  private final Deque<Runnable> afterWaits = new ArrayDeque<>();
  /** Every start of a job's work: its name, and "again" when it ran after a rate limit. */
  private final List<String> started = new CopyOnWriteArrayList<>();
  private final List<Instant> startedAt = new CopyOnWriteArrayList<>();

  private final Executor executor = workers::addLast;
  private final FanOut fanOut = new FanOut(executor, (delay, task) -> {
    waits.add(delay);
    afterWaits.addLast(task);
  }, Clock.fixed(LATER, ZoneOffset.UTC));

  @Test
  void aLaneRunsAtMostItsWidthOfChannelsAtOnceAndTheNextStartsWhenOneEnds() {
    // GIVEN four channels in a workspace two wide and two in another one wide
    List<FanOut.Job> jobs = List.of(job("a1", WORKSPACE), job("a2", WORKSPACE), job("b1", OTHER_WORKSPACE),
        job("a3", WORKSPACE), job("b2", OTHER_WORKSPACE), job("a4", WORKSPACE));

    // WHEN the fan-out starts
    CountDownLatch done = fanOut.start(jobs, TICK);

    // THEN two of the first workspace and one of the other run at once, in the given order
    assertEquals(List.of("a1", "a2", "b1"), runHanded());
    // and as each ends the next of its lane starts, until every one ran once
    assertEquals(List.of("a3", "a4", "b2"), runHanded());
    assertEquals(List.of(), runHanded());
    assertEquals(0, done.getCount());
    assertEquals(List.of(TICK, TICK, TICK, TICK, TICK, TICK), startedAt);
  }

  @Test
  void aRateLimitOnAChannelHoldsBackThatChannelOnlyUntilItsRetryAfter() {
    // GIVEN three channels one at a time, the first rate-limited once for 2 s
    AtomicInteger posts = new AtomicInteger();
    FanOut.Job limited = new FanOut.Job("x", OTHER_WORKSPACE, (now, again) -> {
      started.add(again ? "x again" : "x");
      startedAt.add(now);
      if (posts.getAndIncrement() == 0) {
        throw new RateLimitedException("429", Duration.ofSeconds(2), RateLimitedException.Scope.CHANNEL);
      }
    });
    CountDownLatch done = fanOut.start(List.of(limited, job("y", OTHER_WORKSPACE), job("z", OTHER_WORKSPACE)), TICK);

    // WHEN the first is rate-limited, THEN the others go on at once; it waits 2 s and nothing else waits
    assertEquals(List.of("x", "y", "z"), runAll());
    assertEquals(List.of(Duration.ofSeconds(2)), waits);
    assertEquals(1, done.getCount());

    // WHEN its wait is over, THEN it runs again, by the clock's time then, and the run is done
    fireWaits();
    assertEquals(List.of("x again"), runAll());
    assertEquals(LATER, startedAt.get(startedAt.size() - 1));
    assertEquals(0, done.getCount());
  }

  @Test
  void aRateLimitOnTheLaneHoldsBackThatLaneAndNoOther() {
    // GIVEN three channels of a workspace two wide, the first rate-limited once on the whole workspace
    AtomicInteger posts = new AtomicInteger();
    FanOut.Job limited = new FanOut.Job("a1", WORKSPACE, (now, again) -> {
      started.add(again ? "a1 again" : "a1");
      if (posts.getAndIncrement() == 0) {
        throw new RateLimitedException("429", Duration.ofSeconds(1), RateLimitedException.Scope.LANE);
      }
    });
    List<FanOut.Job> jobs = List.of(limited, job("a2", WORKSPACE), job("b1", OTHER_WORKSPACE),
        job("a3", WORKSPACE), job("b2", OTHER_WORKSPACE));
    CountDownLatch done = fanOut.start(jobs, TICK);

    // WHEN the workspace is rate-limited, THEN what already ran there ends, the other workspace
    // carries on, and nothing more of the limited workspace starts
    assertEquals(List.of("a1", "a2", "b1", "b2"), runAll());
    assertEquals(List.of(Duration.ofSeconds(1)), waits);
    assertEquals(2, done.getCount());

    // WHEN the wait is over, THEN the limited channel goes first, then the rest of its workspace
    fireWaits();
    assertEquals(List.of("a1 again", "a3"), runAll());
    assertEquals(0, done.getCount());
  }

  @Test
  void aChannelRateLimitedTooOftenIsLeftToTheNextRun() {
    // GIVEN a channel the platform always rate-limits
    AtomicInteger runs = new AtomicInteger();
    FanOut.Job limited = new FanOut.Job("x", WORKSPACE, (now, again) -> {
      runs.incrementAndGet();
      throw new RateLimitedException("429", Duration.ofSeconds(1), RateLimitedException.Scope.CHANNEL);
    });
    CountDownLatch done = fanOut.start(List.of(limited), TICK);

    // WHEN it keeps being limited, THEN the run gives it up after the most limits it allows
    for (int attempt = 0; attempt <= FanOut.MOST_RATE_LIMITS; attempt++) {
      runAll();
      fireWaits();
    }
    assertEquals(FanOut.MOST_RATE_LIMITS + 1, runs.get());
    assertEquals(0, done.getCount());
    assertTrue(workers.isEmpty() && afterWaits.isEmpty());
  }

  @Test
  void aFailingChannelEndsOnlyItsOwnWork() {
    // GIVEN a channel whose work fails, before another of its lane
    FanOut.Job failing = new FanOut.Job("x", OTHER_WORKSPACE, (now, again) -> {
      started.add("x");
      throw new IllegalStateException("the platform is down");
    });
    CountDownLatch done = fanOut.start(List.of(failing, job("y", OTHER_WORKSPACE)), TICK);

    // WHEN it runs, THEN the next one runs too and the run ends, nothing retried
    assertEquals(List.of("x", "y"), runAll());
    assertEquals(0, done.getCount());
    assertEquals(List.of(), waits);
  }

  @Test
  void nothingDueIsDoneAtOnce() {
    assertEquals(0, fanOut.start(List.of(), TICK).getCount());
  }

  private FanOut.Job job(String name, Lane lane) {
    return new FanOut.Job(name, lane, (now, again) -> {
      started.add(again ? name + " again" : name);
      startedAt.add(now);
    });
  }

  /** Runs the tasks handed to the workers so far, none they hand on: the jobs that started. */
  private List<String> runHanded() {
    int before = started.size();
    List<Runnable> handed = new ArrayList<>(workers);
    workers.clear();
    handed.forEach(Runnable::run);
    return new ArrayList<>(started.subList(before, started.size()));
  }

  /** Runs tasks until the workers have none left: the jobs that started. */
  private List<String> runAll() {
    List<String> ran = new ArrayList<>();
    while (!workers.isEmpty()) {
      ran.addAll(runHanded());
    }
    return ran;
  }

  private void fireWaits() {
    List<Runnable> due = new ArrayList<>(afterWaits);
    afterWaits.clear();
    due.forEach(Runnable::run);
  }
}
