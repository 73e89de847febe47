package dev.dbq.testsupport.discord;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Predicate;

/** An append-only log that tests can wait on: the waits end as soon as entries arrive. */
public final class AwaitableLog<T> {

  private final String what;
  private final ReentrantLock lock = new ReentrantLock();
  private final Condition appended = lock.newCondition();
  private final List<T> entries = new ArrayList<>();

  public AwaitableLog(String what) {
    this.what = what;
  }

  public void add(T entry) {
    lock.lock();
    try {
      entries.add(entry);
      appended.signalAll();
    } finally {
      lock.unlock();
    }
  }

  public List<T> snapshot() {
    lock.lock();
    try {
      return List.copyOf(entries);
    } finally {
      lock.unlock();
    }
  }

  public List<T> matching(Predicate<? super T> filter) {
    return snapshot().stream().filter(filter::test).toList();
  }

  /**
   * The first {@code count} entries matching {@code filter}, waiting up to {@code timeout} for
   * them; fails with what did arrive otherwise.
   */
  public List<T> await(Predicate<? super T> filter, int count, Duration timeout, String description) {
    long deadline = System.nanoTime() + timeout.toNanos();
    lock.lock();
    try {
      while (true) {
        List<T> found = entries.stream().filter(filter::test).limit(count).toList();
        if (found.size() == count) {
          return found;
        }
        long left = deadline - System.nanoTime();
        if (left <= 0) {
          throw new AssertionError("Timed out after " + timeout + " waiting for " + count + " x "
              + description + "; " + what + " so far: " + entries);
        }
        appended.await(left, TimeUnit.NANOSECONDS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("Interrupted waiting for " + description, e);
    } finally {
      lock.unlock();
    }
  }
}
