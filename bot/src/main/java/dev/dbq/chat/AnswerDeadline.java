package dev.dbq.chat;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The one policy for platforms that must hear back within a deadline (a Slack slash command, a
 * Discord interaction): answer at once when the reply is ready within the budget, else
 * acknowledge before the budget runs out and deliver the reply later, through the platform's
 * follow-up channel, while that channel still takes it; a reply later than that is lost (and
 * said so, once). The platform supplies only its {@link Budget} and how to do each step
 * ({@link Delivery}); the race between the reply and the clock is decided here, once.
 *
 * <p>Exactly one of {@link Delivery#answer} and {@link Delivery#acknowledge} happens; after an
 * acknowledgement exactly one of {@link Delivery#deliverLater} and {@link Delivery#lost}. The
 * steps run on whichever thread got there: the caller's (replies from memory), a worker (the
 * reply) or a timer (the acknowledgement, the loss). No wall clock is read: the budgets are
 * timers, so a test injects short ones and waits on latches.
 */
public final class AnswerDeadline {

  /**
   * A platform's windows.
   *
   * @param answerWithin how long the platform waits for the answer (or an acknowledgement)
   * @param headroom what to leave of it for the network and the rendering: the reply is awaited
   *     for {@code answerWithin - headroom} before acknowledging instead
   * @param deliverWithin how long after the request the platform still takes a deferred reply
   */
  public record Budget(Duration answerWithin, Duration headroom, Duration deliverWithin) {

    /**
     * Slack: 3 s to answer the HTTP slash command or acknowledge the Socket Mode envelope; the
     * {@code response_url} then takes replies for 30 minutes. One second is left for the way back.
     */
    public static final Budget SLACK = new Budget(Duration.ofSeconds(3), Duration.ofSeconds(1), Duration.ofMinutes(30));

    /**
     * Discord: 3 s to answer an interaction; its token takes the deferred reply (an edit of the
     * original, follow-ups) for 15 minutes. The deferral is itself a REST call through JDA's
     * queue, so half the window is left for it.
     */
    public static final Budget DISCORD = new Budget(Duration.ofSeconds(3), Duration.ofMillis(1500), Duration.ofMinutes(15));

    public Budget {
      Objects.requireNonNull(answerWithin, "answerWithin");
      Objects.requireNonNull(headroom, "headroom");
      Objects.requireNonNull(deliverWithin, "deliverWithin");
      if (headroom.isNegative() || headroom.compareTo(answerWithin) >= 0) {
        throw new IllegalArgumentException("the headroom " + headroom + " must be less than the window " + answerWithin);
      }
      if (deliverWithin.compareTo(answerWithin) < 0) {
        throw new IllegalArgumentException("the follow-up window " + deliverWithin + " is shorter than " + answerWithin);
      }
    }

    /** How long the reply is awaited before acknowledging. */
    public Duration acknowledgeAfter() {
      return answerWithin.minus(headroom);
    }
  }

  /** How a platform does each step for one request; {@code R} is its reply (rendered or not). */
  public interface Delivery<R> {

    /** The reply came within the budget: it is the answer (Slack: the ack's body; Discord: the reply). */
    void answer(R reply);

    /** The budget ran out first: tell the platform the answer comes later (Slack: an empty ack; Discord: a deferral). */
    void acknowledge();

    /** The reply, after {@link #acknowledge} (Slack: the {@code response_url}; Discord: the edit of the original). */
    void deliverLater(R reply);

    /** The follow-up window closed before the reply was ready; {@code reason} is {@code expired}. */
    void lost(String reason);

    /** What to show when working out the reply threw (after logging it). */
    R failed(RuntimeException e);
  }

  /** Where one request stands; each step is one transition, so a late timer or reply does nothing. */
  private enum State { WAITING, ANSWERED, ACKNOWLEDGED, DELIVERED, LOST }

  private final Budget budget;
  private final Executor work;
  private final ScheduledExecutorService timers;

  /**
   * @param work where replies not answered from memory are worked out
   * @param timers where the acknowledgement and the end of the follow-up window fire
   */
  public AnswerDeadline(Budget budget, Executor work, ScheduledExecutorService timers) {
    this.budget = Objects.requireNonNull(budget, "budget");
    this.work = Objects.requireNonNull(work, "work");
    this.timers = Objects.requireNonNull(timers, "timers");
  }

  public Budget budget() {
    return budget;
  }

  /**
   * Answers one request. A reply {@code fromMemory} ({@link Inbound#answersAtOnce}) is worked
   * out on the calling thread and answered before this returns: handing it to a worker would
   * only add two thread switches. Any other goes to a worker, raced against the budget.
   */
  public <R> void handle(boolean fromMemory, Supplier<R> reply, Delivery<R> delivery) {
    if (fromMemory) {
      delivery.answer(workOut(reply, delivery::failed));
      return;
    }
    AtomicReference<State> state = new AtomicReference<>(State.WAITING);
    ScheduledFuture<?> acknowledging = timers.schedule(() -> {
      if (state.compareAndSet(State.WAITING, State.ACKNOWLEDGED)) {
        delivery.acknowledge();
      }
    }, budget.acknowledgeAfter().toNanos(), TimeUnit.NANOSECONDS);
    ScheduledFuture<?> expiring = timers.schedule(() -> {
      if (state.compareAndSet(State.ACKNOWLEDGED, State.LOST)) {
        delivery.lost("expired");
      }
    }, budget.deliverWithin().toNanos(), TimeUnit.NANOSECONDS);
    work.execute(() -> {
      R ready = workOut(reply, delivery::failed);
      if (state.compareAndSet(State.WAITING, State.ANSWERED)) {
        acknowledging.cancel(false);
        expiring.cancel(false);
        delivery.answer(ready);
      } else if (state.compareAndSet(State.ACKNOWLEDGED, State.DELIVERED)) {
        expiring.cancel(false);
        delivery.deliverLater(ready);
      }
      // else LOST: the follow-up window closed first, and the loss was reported.
    });
  }

  private static <R> R workOut(Supplier<R> reply, Function<RuntimeException, R> failed) {
    try {
      return reply.get();
    } catch (RuntimeException e) {
      return failed.apply(e);
    }
  }
}
