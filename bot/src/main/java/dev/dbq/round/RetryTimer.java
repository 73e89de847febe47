package dev.dbq.round;

import java.time.Duration;

/**
 * Runs a task once a platform's {@code Retry-After} has passed: a timer thread live; a test's
 * runs it at once and notes the wait (the bot's clock is the test's to move).
 */
@FunctionalInterface
public interface RetryTimer {

  void after(Duration delay, Runnable task);
}
