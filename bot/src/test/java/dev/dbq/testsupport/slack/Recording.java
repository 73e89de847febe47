package dev.dbq.testsupport.slack;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * A thread-safe, append-only list that tests can wait on: the fake's server threads add, the
 * test thread awaits with a timeout (a condition, never a sleep).
 */
final class Recording<T> {

  private final ReentrantLock lock = new ReentrantLock();
  private final Condition added = lock.newCondition();
  private final List<T> items = new ArrayList<>();

  void add(T item) {
    lock.lock();
    try {
      items.add(item);
      added.signalAll();
    } finally {
      lock.unlock();
    }
  }

  List<T> matching(Predicate<? super T> filter) {
    lock.lock();
    try {
      return items.stream().filter(filter).collect(Collectors.toUnmodifiableList());
    } finally {
      lock.unlock();
    }
  }

  /**
   * Waits until at least {@code count} items match, then returns all that match so far (in
   * arrival order). Fails with an {@link AssertionError} naming {@code what} on timeout.
   */
  List<T> await(Predicate<? super T> filter, int count, Duration timeout, String what) {
    awaitUntil(all -> all.stream().filter(filter).count() >= count, timeout, count + " " + what);
    return matching(filter);
  }

  /** Waits until {@code done} holds for everything recorded so far (re-checked on each add). */
  void awaitUntil(Predicate<List<T>> done, Duration timeout, String what) {
    long deadline = System.nanoTime() + timeout.toNanos();
    lock.lock();
    try {
      while (!done.test(List.copyOf(items))) {
        long left = deadline - System.nanoTime();
        if (left <= 0) {
          throw new AssertionError(
              "expected " + what + " within " + timeout + "; everything recorded: " + items);
        }
        added.await(left, TimeUnit.NANOSECONDS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted while waiting for " + what, e);
    } finally {
      lock.unlock();
    }
  }
}
