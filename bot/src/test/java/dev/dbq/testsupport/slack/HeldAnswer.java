package dev.dbq.testsupport.slack;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * A call the fake Slack carried out (a post is in the channel) whose answer it holds back until
 * the test {@link #release}s it: the client waits, as it would for a slow Slack, and a test can
 * kill it in between.
 */
public final class HeldAnswer {

  /** Long enough for any test; a held answer is never kept for ever. */
  private static final Duration LONGEST_HOLD = Duration.ofMinutes(5);

  private final SlackCall call;
  private final CountDownLatch released = new CountDownLatch(1);

  HeldAnswer(SlackCall call) {
    this.call = call;
  }

  public SlackCall call() {
    return call;
  }

  /** Sends the answer (to nobody, if the client is gone). */
  public void release() {
    released.countDown();
  }

  void awaitRelease() throws InterruptedException {
    released.await(LONGEST_HOLD.toMillis(), TimeUnit.MILLISECONDS);
  }

  @Override
  public String toString() {
    return "held " + call;
  }
}
