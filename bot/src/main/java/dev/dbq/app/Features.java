package dev.dbq.app;

import dev.dbq.bank.BankLibrary;
import dev.dbq.chat.ChannelKey;
import dev.dbq.command.CommandHandler;
import dev.dbq.command.Commands;
import dev.dbq.command.builtin.AnswerCommand;
import dev.dbq.command.builtin.HelpCommand;
import dev.dbq.command.builtin.RandomCommand;
import dev.dbq.command.builtin.ReloadCommand;
import dev.dbq.command.builtin.ScenarioCommand;
import dev.dbq.command.builtin.SearchCommand;
import dev.dbq.command.builtin.ShowCommand;
import dev.dbq.command.builtin.TopicsCommand;
import dev.dbq.round.AnsweredCommand;
import dev.dbq.round.FollowUpRoutine;
import dev.dbq.round.PostRoutine;
import dev.dbq.round.RandomDeals;
import dev.dbq.round.RevealRoutine;
import dev.dbq.round.RoundService;
import dev.dbq.round.Routine;
import dev.dbq.schedule.ScheduleCommand;
import dev.dbq.streak.ChannelHistories;
import dev.dbq.streak.LeaderboardCommand;
import dev.dbq.streak.StreakCommand;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.random.RandomGenerator;

/**
 * The explicit registry of every {@code /dbq} subcommand and every kind of scheduled work (a
 * {@link Routine}): adding either is one line here.
 */
public final class Features {

  private Features() {}

  /**
   * @param scheduleChanged told when an admin changed a channel's schedule
   * @param reloadBanks reloads the banks, saying in one line what happened
   */
  public static Commands commands(
      Supplier<BankLibrary> banks,
      RandomGenerator random,
      RoundService rounds,
      ChannelHistories histories,
      int teamQuorum,
      Consumer<ChannelKey> scheduleChanged,
      Supplier<String> reloadBanks) {
    List<CommandHandler> handlers = new ArrayList<>();
    handlers.add(new HelpCommand(banks, () -> List.copyOf(handlers)));
    handlers.add(new RandomCommand(banks, new RandomDeals(random, RandomDeals.DEFAULT_CAPACITY)));
    handlers.add(new ShowCommand(banks));
    handlers.add(new AnswerCommand(banks));
    handlers.add(new SearchCommand(banks));
    handlers.add(new TopicsCommand(banks));
    handlers.add(new ScenarioCommand(banks, new RandomDeals(random, RandomDeals.DEFAULT_CAPACITY)));
    handlers.add(new StreakCommand(histories, teamQuorum));
    handlers.add(new LeaderboardCommand(histories));
    handlers.add(new ScheduleCommand(rounds, scheduleChanged));
    handlers.add(new ReloadCommand(reloadBanks));
    handlers.add(new AnsweredCommand(rounds));
    return new Commands(handlers);
  }

  /**
   * Every kind of scheduled work, in the order a run does them in a channel: the newest round's
   * reveal comes before the post that replaces it, and follow-ups look at the round as posted.
   */
  public static List<Routine> routines(RoundService rounds) {
    return List.of(new RevealRoutine(rounds), new PostRoutine(rounds), new FollowUpRoutine(rounds));
  }
}
