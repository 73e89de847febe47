package dev.dbq.round;

import dev.dbq.chat.CommandContext;
import dev.dbq.command.builtin.Dealer;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.random.RandomGenerator;

/**
 * Each person's deal of {@code /dbq random} (or of scenarios): no question twice until every
 * question matching their filters was dealt, then a new shuffled deal that does not open with the question just
 * dealt (the same rule as the question of the day, {@link QuestionPicker}).
 *
 * <p>Kept in memory, for at most {@code capacity} people (the least recently served is
 * forgotten first), so it costs at most a few MB whatever the traffic. A restart, or a second
 * instance answering the same person, starts a fresh deal: a question may then come again
 * sooner. That is acceptable for practice draws, and keeps {@code random} answering from memory
 * when the database is down.
 */
public final class RandomDeals implements Dealer {

  public static final int DEFAULT_CAPACITY = 10_000;

  private record Person(String platform, String workspace, String user) {}

  private static final class Deal {
    final Set<String> dealt = new HashSet<>();
    String last;
  }

  private final QuestionPicker picker;
  private final Map<Person, Deal> deals;

  public RandomDeals(RandomGenerator random, int capacity) {
    this.picker = new QuestionPicker(random);
    this.deals = new LinkedHashMap<>(16, 0.75f, true) {
      @Override
      protected boolean removeEldestEntry(Map.Entry<Person, Deal> eldest) {
        return size() > capacity;
      }
    };
  }

  @Override
  public synchronized Optional<String> next(CommandContext caller, List<String> candidates) {
    Person person = new Person(caller.channel().platform(), caller.channel().workspace(), caller.userId());
    Deal deal = deals.computeIfAbsent(person, p -> new Deal());
    return picker.pick(candidates, deal.dealt, deal.last).map(pick -> {
      if (pick.startsNewCycle()) {
        deal.dealt.clear();
      }
      deal.dealt.add(pick.questionId());
      deal.last = pick.questionId();
      return pick.questionId();
    });
  }

  /** How many people have a deal in memory. */
  public synchronized int people() {
    return deals.size();
  }
}
