package dev.dbq.chat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The answer-or-acknowledge race, on short budgets: a held reply waits on a latch the test opens
 * only after it saw the step it expects, so no outcome depends on the machine's speed.
 */
class AnswerDeadlineTest {

  private static final Duration WAIT = Duration.ofSeconds(10);
  /** Acknowledges after 20 ms; the follow-up window is long enough for any test. */
  private static final AnswerDeadline.Budget SHORT =
      new AnswerDeadline.Budget(Duration.ofMillis(40), Duration.ofMillis(20), Duration.ofMinutes(1));

  private final ExecutorService work = Executors.newCachedThreadPool();
  private final ScheduledThreadPoolExecutor timers = new ScheduledThreadPoolExecutor(1);
  private final Steps steps = new Steps();

  AnswerDeadlineTest() {
    timers.setRemoveOnCancelPolicy(true); // a cancelled timer leaves the queue: "nothing pending" is checkable
  }

  @AfterEach
  void stop() {
    work.shutdownNow();
    timers.shutdownNow();
  }

  @Test
  void aReplyFromMemoryIsTheAnswerOnTheCallersThreadAndNoTimerIsSet() {
    // given
    AnswerDeadline deadline = new AnswerDeadline(SHORT, work, timers);
    Thread caller = Thread.currentThread();

    // when
    deadline.handle(true, () -> "help on " + (Thread.currentThread() == caller ? "the caller" : "a worker"), steps);

    // then: answered before handle returned
    assertEquals(List.of("answer:help on the caller"), steps.sofar());
    assertEquals(0, timers.getQueue().size());
  }

  @Test
  void aReplyReadyWithinTheBudgetIsTheAnswerAndItsTimersAreCancelled() throws Exception {
    // given a budget no test machine runs out of
    AnswerDeadline deadline = new AnswerDeadline(AnswerDeadline.Budget.SLACK, work, timers);

    // when
    deadline.handle(false, () -> "streak", steps);

    // then
    assertEquals("answer:streak", steps.next());
    assertEquals(0, timers.getQueue().size());
  }

  @Test
  void aReplyLaterThanTheBudgetIsAcknowledgedThenDeliveredLater() throws Exception {
    // given
    AnswerDeadline deadline = new AnswerDeadline(SHORT, work, timers);
    CountDownLatch held = new CountDownLatch(1);

    // when
    deadline.handle(false, () -> awaitThen(held, "schedule saved"), steps);
    String first = steps.next();
    held.countDown();

    // then
    assertEquals("acknowledge", first);
    assertEquals("later:schedule saved", steps.next());
    assertEquals(0, timers.getQueue().size(), "the follow-up window's timer is cancelled");
  }

  @Test
  void aReplyLaterThanTheFollowUpWindowIsLostOnceAndNeverDelivered() throws Exception {
    // given a follow-up window of 100 ms
    AnswerDeadline deadline = new AnswerDeadline(
        new AnswerDeadline.Budget(Duration.ofMillis(40), Duration.ofMillis(20), Duration.ofMillis(100)), work, timers);
    CountDownLatch held = new CountDownLatch(1);
    CountDownLatch done = new CountDownLatch(1);

    // when the reply is held past it
    deadline.handle(false, () -> {
      try {
        return awaitThen(held, "too late");
      } finally {
        done.countDown();
      }
    }, steps);
    List<String> beforeRelease = List.of(steps.next(), steps.next());
    held.countDown();
    assertTrue(done.await(WAIT.toMillis(), TimeUnit.MILLISECONDS));
    work.shutdown();
    assertTrue(work.awaitTermination(WAIT.toMillis(), TimeUnit.MILLISECONDS));

    // then
    assertEquals(List.of("acknowledge", "lost:expired"), beforeRelease);
    assertEquals(List.of(), steps.sofar(), "nothing after the loss");
  }

  @Test
  void aReplyThatThrowsIsAnsweredWithWhatThePlatformShowsForAFailure() throws Exception {
    // given
    AnswerDeadline deadline = new AnswerDeadline(AnswerDeadline.Budget.DISCORD, work, timers);

    // when: on a worker, then on the caller's thread
    deadline.handle(false, () -> {
      throw new IllegalStateException("the database is down");
    }, steps);
    String onAWorker = steps.next();
    deadline.handle(true, () -> {
      throw new IllegalStateException("again");
    }, steps);

    // then
    assertEquals("answer:sorry (the database is down)", onAWorker);
    assertEquals("answer:sorry (again)", steps.next());
  }

  @Test
  void aBudgetLeavesRoomForTheWayBackAndAFollowUpWindowNoShorterThanIt() {
    assertEquals(Duration.ofSeconds(2), AnswerDeadline.Budget.SLACK.acknowledgeAfter());
    assertEquals(Duration.ofMillis(1500), AnswerDeadline.Budget.DISCORD.acknowledgeAfter());
    assertEquals(Duration.ofMinutes(15), AnswerDeadline.Budget.DISCORD.deliverWithin());
    assertThrows(IllegalArgumentException.class,
        () -> new AnswerDeadline.Budget(Duration.ofSeconds(3), Duration.ofSeconds(3), Duration.ofMinutes(1)));
    assertThrows(IllegalArgumentException.class,
        () -> new AnswerDeadline.Budget(Duration.ofSeconds(3), Duration.ofSeconds(1), Duration.ofSeconds(2)));
  }

  private static String awaitThen(CountDownLatch held, String reply) {
    try {
      if (!held.await(WAIT.toMillis(), TimeUnit.MILLISECONDS)) {
        throw new IllegalStateException("the test never let the reply go");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return reply;
  }

  /** Records each step in order, for the test to take one by one. */
  private static final class Steps implements AnswerDeadline.Delivery<String> {

    private final BlockingQueue<String> steps = new LinkedBlockingQueue<>();

    String next() throws InterruptedException {
      String step = steps.poll(WAIT.toMillis(), TimeUnit.MILLISECONDS);
      if (step == null) {
        throw new AssertionError("no step within " + WAIT);
      }
      return step;
    }

    List<String> sofar() {
      return List.copyOf(steps);
    }

    @Override
    public void answer(String reply) {
      steps.add("answer:" + reply);
    }

    @Override
    public void acknowledge() {
      steps.add("acknowledge");
    }

    @Override
    public void deliverLater(String reply) {
      steps.add("later:" + reply);
    }

    @Override
    public void lost(String reason) {
      steps.add("lost:" + reason);
    }

    @Override
    public String failed(RuntimeException e) {
      return "sorry (" + e.getMessage() + ")";
    }
  }
}
