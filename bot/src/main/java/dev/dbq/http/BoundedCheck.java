package dev.dbq.http;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;

/**
 * A yes/no check (does the database answer?) that a caller waits for at most a budget: a dead
 * PostgreSQL must not hold {@code /readyz} for the pool's 5 s timeout. The check runs on its own
 * thread; while one is still running, callers wait for that one instead of starting more, so a
 * hanging database costs one thread, not one per probe.
 */
final class BoundedCheck implements AutoCloseable {

  private final BooleanSupplier check;
  private final Duration budget;
  private final ExecutorService executor;
  private Future<Boolean> running;

  BoundedCheck(String name, BooleanSupplier check, Duration budget) {
    this.check = check;
    this.budget = budget;
    this.executor = Executors.newSingleThreadExecutor(runnable -> {
      Thread thread = new Thread(runnable, name);
      thread.setDaemon(true);
      return thread;
    });
  }

  /** The check's answer, or empty when it did not come within the budget (it goes on in the background). */
  Optional<Boolean> answer() throws InterruptedException {
    Future<Boolean> future = current();
    try {
      return Optional.of(future.get(budget.toMillis(), TimeUnit.MILLISECONDS));
    } catch (TimeoutException e) {
      return Optional.empty();
    } catch (ExecutionException e) {
      return Optional.of(false);
    }
  }

  private synchronized Future<Boolean> current() {
    if (running == null || running.isDone()) {
      running = executor.submit(check::getAsBoolean);
    }
    return running;
  }

  @Override
  public void close() {
    executor.shutdownNow();
  }
}
