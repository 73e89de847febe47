package dev.dbq.testsupport;

import dev.dbq.round.RoundStore;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Supplier;

/**
 * A store that counts what its callers ask of the database: every repository call is one SQL
 * statement, and a transaction is either one call on its own (autocommit) or one {@link
 * #atomically} block, however many calls it makes. Benchmarks and tests read the counts.
 */
public final class CountingStore implements RoundStore {

  private final RoundStore store;
  private final LongAdder statements = new LongAdder();
  private final LongAdder transactions = new LongAdder();
  // Calls inside an atomically block belong to its transaction.
  private final ThreadLocal<Integer> depth = ThreadLocal.withInitial(() -> 0);
  private final Channels channels;
  private final Rounds rounds;
  private final Participations participations;
  private final QuestionHistory history;
  private final ProcessedEvents events;

  public CountingStore(RoundStore store) {
    this.store = store;
    this.channels = counting(Channels.class, store.channels());
    this.rounds = counting(Rounds.class, store.rounds());
    this.participations = counting(Participations.class, store.participations());
    this.history = counting(QuestionHistory.class, store.history());
    this.events = counting(ProcessedEvents.class, store.events());
  }

  /** Repository calls so far: each is one SQL statement. */
  public long statements() {
    return statements.sum();
  }

  /** Transactions so far: calls outside {@link #atomically}, plus one per block. */
  public long transactions() {
    return transactions.sum();
  }

  public void reset() {
    statements.reset();
    transactions.reset();
  }

  @Override
  public Channels channels() {
    return channels;
  }

  @Override
  public Rounds rounds() {
    return rounds;
  }

  @Override
  public Participations participations() {
    return participations;
  }

  @Override
  public QuestionHistory history() {
    return history;
  }

  @Override
  public ProcessedEvents events() {
    return events;
  }

  @Override
  public <T> T atomically(String action, Supplier<T> work) {
    int outer = depth.get();
    if (outer == 0) {
      transactions.increment();
    }
    depth.set(outer + 1);
    try {
      return store.atomically(action, work);
    } finally {
      depth.set(outer);
    }
  }

  private <T> T counting(Class<T> type, T target) {
    return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, (self, method, args) -> {
      if (method.getDeclaringClass() == Object.class) {
        return method.invoke(target, args);
      }
      // A default method (e.g. record without an event) calls the counted one: count that one.
      if (method.isDefault()) {
        return InvocationHandler.invokeDefault(self, method, args);
      }
      statements.increment();
      if (depth.get() == 0) {
        transactions.increment();
      }
      try {
        return method.invoke(target, args);
      } catch (InvocationTargetException e) {
        throw e.getCause();
      }
    }));
  }
}
