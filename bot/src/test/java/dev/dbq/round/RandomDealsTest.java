package dev.dbq.round;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import dev.dbq.bank.BankLibrary;
import dev.dbq.chat.ChannelKey;
import dev.dbq.chat.CommandContext;
import dev.dbq.command.builtin.RandomCommand;
import dev.dbq.command.builtin.ScenarioCommand;
import dev.dbq.testsupport.TestBanks;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** {@code /dbq random} as each person sees it: a deal of the questions their filters match, no repeats. */
class RandomDealsTest {

  private static final BankLibrary LIBRARY = TestBanks.library();
  private static final ChannelKey GENERAL = new ChannelKey("test", "team", "general");

  private final RandomDeals deals = new RandomDeals(new SplittableRandom(7), RandomDeals.DEFAULT_CAPACITY);
  private final RandomCommand random = new RandomCommand(() -> LIBRARY, deals);

  /** The title of the question {@code user} is dealt: "Q5 · …". */
  private String draw(RandomCommand command, String user, String... filters) {
    return command.handle(new CommandContext(GENERAL, user, false), List.of(filters)).title();
  }

  private List<String> draws(RandomCommand command, String user, int count, String... filters) {
    List<String> titles = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      titles.add(draw(command, user, filters));
    }
    return titles;
  }

  @Test
  void twentyFourDrawsGiveEveryQuestionOnceThenANewDealThatDoesNotOpenWithTheLast() {
    // given
    int bank = LIBRARY.questions().size();

    // when: the 24 draws with seed 7 (Q10 came four times, Q3, Q6 and Q7 never)
    List<String> titles = draws(random, "alice", 2 * bank);

    // then
    assertEquals(bank, new HashSet<>(titles.subList(0, bank)).size(), titles.toString());
    assertEquals(bank, new HashSet<>(titles.subList(bank, 2 * bank)).size(), titles.toString());
    assertNotEquals(titles.get(bank - 1), titles.get(bank), titles.toString());
  }

  @Test
  void aFilteredDealGoesThroughTheQuestionsThatMatchBeforeAnyComesAgain() {
    // given
    long staff = LIBRARY.questions().stream().filter(q -> q.difficulty().equalsIgnoreCase("staff")).count();

    // when
    List<String> titles = draws(random, "alice", (int) staff, "difficulty:staff");

    // then
    assertEquals(staff, new HashSet<>(titles).size(), titles.toString());
  }

  @Test
  void eachPersonHasTheirOwnDeal() {
    // given
    int bank = LIBRARY.questions().size();
    List<String> alice = new ArrayList<>();
    List<String> bob = new ArrayList<>();

    // when: turns interleaved
    for (int i = 0; i < bank; i++) {
      alice.add(draw(random, "alice"));
      bob.add(draw(random, "bob"));
    }

    // then
    assertEquals(bank, new HashSet<>(alice).size(), alice.toString());
    assertEquals(bank, new HashSet<>(bob).size(), bob.toString());
  }

  @Test
  void memoryHoldsAtMostTheCapacityForgettingTheLeastRecentlyServed() {
    // given
    RandomDeals small = new RandomDeals(new SplittableRandom(7), 2);
    RandomCommand command = new RandomCommand(() -> LIBRARY, small);
    List<String> alice = new ArrayList<>(draws(command, "alice", 3));

    // when: bob, then alice again, then carol: bob is the least recently served
    draws(command, "bob", 3);
    alice.addAll(draws(command, "alice", 3));
    draws(command, "carol", 3);
    alice.addAll(draws(command, "alice", 3));

    // then: alice kept her deal throughout, and no more than two people are remembered
    assertEquals(9, new HashSet<>(alice).size(), alice.toString());
    assertEquals(2, small.people());
  }

  @Test
  void scenariosWithoutANumberAreDealtTheSameWay() {
    // given
    ScenarioCommand scenario = new ScenarioCommand(() -> LIBRARY, new RandomDeals(new SplittableRandom(7), RandomDeals.DEFAULT_CAPACITY));
    int scenarios = LIBRARY.scenarios().size();
    CommandContext alice = new CommandContext(GENERAL, "alice", false);

    // when
    List<String> titles = new ArrayList<>();
    for (int i = 0; i < 2 * scenarios; i++) {
      titles.add(scenario.handle(alice, List.of()).title());
    }

    // then
    assertEquals(scenarios, new HashSet<>(titles.subList(0, scenarios)).size(), titles.toString());
    assertEquals(scenarios, new HashSet<>(titles.subList(scenarios, 2 * scenarios)).size(), titles.toString());
    assertNotEquals(titles.get(scenarios - 1), titles.get(scenarios), titles.toString());
  }
}
