package dev.dbq.discord;

import dev.dbq.chat.Caller;
import dev.dbq.chat.ChannelKey;
import dev.dbq.chat.CommandSpec;
import dev.dbq.chat.Inbound;
import dev.dbq.chat.OptionSpec;
import dev.dbq.chat.Reply;
import dev.dbq.chat.ThreadMessage;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The bot's real inbound, remembering each thread message it handled and the reply the core
 * gave, so a test can wait until the platform has delivered a reply instead of sleeping.
 */
final class RecordingInbound implements Inbound {

  /** A thread message as the core got it, and its verdict. */
  record Delivered(ChannelKey channel, String threadRef, ThreadMessage message, Reply verdict) {
    String verdictText() {
      return ((Reply.Text) verdict.blocks().get(0)).markdown();
    }
  }

  private final Inbound delegate;
  private final ReentrantLock lock = new ReentrantLock();
  private final Condition delivered = lock.newCondition();
  private final List<Delivered> threadMessages = new ArrayList<>();
  /** While closed, typed commands wait here: a test makes a command slow without sleeping. */
  private volatile CountDownLatch commandGate = new CountDownLatch(0);

  RecordingInbound(Inbound delegate) {
    this.delegate = delegate;
  }

  @Override
  public Reply threadMessage(ChannelKey channel, String threadRef, ThreadMessage message) {
    Reply verdict = delegate.threadMessage(channel, threadRef, message);
    lock.lock();
    try {
      threadMessages.add(new Delivered(channel, threadRef, message, verdict));
      delivered.signalAll();
    } finally {
      lock.unlock();
    }
    return verdict;
  }

  /** The thread message of {@code userId}, waiting up to {@code timeout} for the core to get it. */
  Delivered awaitThreadMessageFrom(String userId, Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    lock.lock();
    try {
      while (true) {
        for (Delivered d : threadMessages) {
          if (d.message().userId().equals(userId)) {
            return d;
          }
        }
        long left = deadline - System.nanoTime();
        if (left <= 0) {
          throw new AssertionError("no thread message from " + userId + " reached the core within " + timeout
              + "; got " + threadMessages);
        }
        delivered.await(left, TimeUnit.NANOSECONDS);
      }
    } finally {
      lock.unlock();
    }
  }

  @Override
  public Reply command(Caller caller, String line) {
    return delegate.command(caller, line);
  }

  @Override
  public boolean answersAtOnce(String line) {
    return delegate.answersAtOnce(line);
  }

  @Override
  public Reply command(Caller caller, List<String> path, Map<String, String> options) {
    try {
      if (!commandGate.await(1, TimeUnit.MINUTES)) {
        throw new IllegalStateException("the test never released the held command");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
    return delegate.command(caller, path, options);
  }

  /** Holds every typed command until {@link #releaseCommands()}. */
  void holdCommands() {
    commandGate = new CountDownLatch(1);
  }

  void releaseCommands() {
    commandGate.countDown();
  }

  @Override
  public Reply press(Caller caller, String action) {
    return delegate.press(caller, action);
  }

  @Override
  public Reply submit(Caller caller, String formId, Map<String, String> values) {
    return delegate.submit(caller, formId, values);
  }

  @Override
  public List<String> complete(OptionSpec.Completion what, String typed, int limit) {
    return delegate.complete(what, typed, limit);
  }

  @Override
  public List<CommandSpec> commands() {
    return delegate.commands();
  }

  @Override
  public Reply home(String platform, String workspace, String userId) {
    return delegate.home(platform, workspace, userId);
  }
}
