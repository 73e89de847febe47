package dev.dbq.round;

import dev.dbq.chat.Lane;
import dev.dbq.chat.RateLimitedException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executor;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the scheduled work of the channels due at once concurrently, within each platform's
 * limits: at most its {@link Lane}'s width of channels of one lane at a time, each channel's work
 * on one thread (so one post at a time per channel), and {@value #MOST_WORKERS} threads in all.
 * Jobs of a lane start in the order given.
 *
 * <p>A job the platform rate-limits ({@link RateLimitedException}) frees its thread and runs again
 * once the {@code Retry-After} has passed: alone when the limit names the channel, and with its
 * whole lane held back meanwhile when it names the lane; nothing else waits. After {@value
 * #MOST_RATE_LIMITS} limits in one run it is left to the next run. Whatever a job does is claimed
 * in the database, so running one again (or on two instances) does it once.
 *
 * <p>{@link #runAll} returns once every job has finished: a tick still ends when its work is done,
 * and ticks do not overlap.
 */
final class FanOut {

  /** One channel's work; {@code again} when it runs after a rate limit (the channel may have changed). */
  record Job(String name, Lane lane, BiConsumer<Instant, Boolean> work) {
    Job {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(lane, "lane");
      Objects.requireNonNull(work, "work");
    }
  }

  /** Threads posting at once, over every lane: bounds the process's threads and the database's queue. */
  static final int MOST_WORKERS = 48;
  /** Rate limits one job may meet in one run before it is left to the next. */
  static final int MOST_RATE_LIMITS = 5;

  private static final Logger log = LoggerFactory.getLogger(FanOut.class);

  private final Executor workers;
  private final RetryTimer delays;
  private final Clock clock;

  FanOut(Executor workers, RetryTimer delays, Clock clock) {
    this.workers = Objects.requireNonNull(workers, "workers");
    this.delays = Objects.requireNonNull(delays, "delays");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /** Daemon threads that end when idle: a process with nothing due keeps none. */
  static FanOut live(Clock clock, RetryTimer timer) {
    ThreadPoolExecutor workers = new ThreadPoolExecutor(MOST_WORKERS, MOST_WORKERS, 30, TimeUnit.SECONDS,
        new LinkedBlockingQueue<>(), daemons("dbq-fan-out-"));
    workers.allowCoreThreadTimeOut(true);
    return new FanOut(workers, timer, clock);
  }

  /** A daemon timer thread that ends when idle. */
  static RetryTimer liveTimer() {
    ScheduledThreadPoolExecutor timer = new ScheduledThreadPoolExecutor(1, daemons("dbq-fan-out-timer-"));
    timer.setKeepAliveTime(30, TimeUnit.SECONDS);
    timer.allowCoreThreadTimeOut(true);
    timer.setRemoveOnCancelPolicy(true);
    return (delay, task) -> timer.schedule(task, delay.toNanos(), TimeUnit.NANOSECONDS);
  }

  private static ThreadFactory daemons(String prefix) {
    AtomicInteger count = new AtomicInteger();
    return task -> {
      Thread thread = new Thread(task, prefix + count.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    };
  }

  /**
   * Runs every job, the first time at {@code now} and after a rate limit at the clock's instant;
   * returns when each has finished or been left to the next run. A job's exception other than a
   * rate limit is the job's to log: it ends that job only.
   */
  void runAll(List<Job> jobs, Instant now) {
    try {
      start(jobs, now).await();
    } catch (InterruptedException e) {
      // Shutting down: what has not run stays due for the next start.
      Thread.currentThread().interrupt();
    }
  }

  /** Starts every job as {@link #runAll} does; the latch opens when each has finished. */
  CountDownLatch start(List<Job> jobs, Instant now) {
    Run run = new Run(jobs.size(), now);
    List<LaneState> lanes = new ArrayList<>();
    for (Job job : jobs) {
      LaneState lane = run.lane(job.lane());
      if (lane.waiting.isEmpty() && lane.running == 0) {
        lanes.add(lane);
      }
      lane.waiting.addLast(new Attempt(job));
    }
    lanes.forEach(run::pump); // in the order of their first jobs
    return run.done;
  }

  /** A job and how often it was rate-limited in this run. */
  private static final class Attempt {
    final Job job;
    int rateLimits;

    Attempt(Job job) {
      this.job = job;
    }
  }

  /** A lane's jobs waiting, running and whether a limit on the lane holds it back. */
  private static final class LaneState {
    final Lane lane;
    final Deque<Attempt> waiting = new ArrayDeque<>();
    int running;
    int holds;

    LaneState(Lane lane) {
      this.lane = lane;
    }
  }

  /** One call of {@link #runAll}; its state is guarded by the run itself. */
  private final class Run {
    final Map<String, LaneState> lanes = new HashMap<>();
    final CountDownLatch done;
    final Instant firstNow;

    Run(int jobs, Instant firstNow) {
      this.done = new CountDownLatch(jobs);
      this.firstNow = firstNow;
    }

    synchronized LaneState lane(Lane lane) {
      return lanes.computeIfAbsent(lane.key(), key -> new LaneState(lane));
    }

    /** Starts as many of the lane's waiting jobs as it has room for. */
    void pump(LaneState lane) {
      List<Attempt> starting = new ArrayList<>();
      synchronized (this) {
        while (lane.holds == 0 && lane.running < lane.lane.width() && !lane.waiting.isEmpty()) {
          lane.running++;
          starting.add(lane.waiting.pollFirst());
        }
      }
      starting.forEach(attempt -> workers.execute(() -> execute(lane, attempt)));
    }

    private void execute(LaneState lane, Attempt attempt) {
      boolean again = attempt.rateLimits > 0;
      try {
        attempt.job.work().accept(again ? clock.instant() : firstNow, again);
        finished(lane);
      } catch (RateLimitedException limited) {
        rateLimited(lane, attempt, limited);
      } catch (RuntimeException | Error e) {
        log.error("{}: its scheduled work failed", attempt.job.name(), e);
        finished(lane);
      }
    }

    private void finished(LaneState lane) {
      synchronized (this) {
        lane.running--;
      }
      done.countDown();
      pump(lane);
    }

    private void rateLimited(LaneState lane, Attempt attempt, RateLimitedException limited) {
      Duration wait = limited.retryAfter();
      boolean givenUp;
      synchronized (this) {
        lane.running--;
        attempt.rateLimits++;
        givenUp = attempt.rateLimits > MOST_RATE_LIMITS;
        if (!givenUp && limited.scope() == RateLimitedException.Scope.LANE) {
          lane.holds++;
          lane.waiting.addFirst(attempt);
        }
      }
      if (givenUp) {
        log.warn("{}: rate-limited {} times in this run; left to the next run", attempt.job.name(), attempt.rateLimits);
        done.countDown();
      } else if (limited.scope() == RateLimitedException.Scope.LANE) {
        log.info("{}: the platform holds back {} for {} ms", attempt.job.name(), lane.lane.key(), wait.toMillis());
        delays.after(wait, () -> {
          synchronized (this) {
            lane.holds--;
          }
          pump(lane);
        });
      } else {
        delays.after(wait, () -> {
          synchronized (this) {
            lane.waiting.addFirst(attempt); // it has waited longest
          }
          pump(lane);
        });
      }
      pump(lane);
    }
  }
}
