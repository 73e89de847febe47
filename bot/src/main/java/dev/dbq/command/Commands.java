package dev.dbq.command;

import dev.dbq.bank.BankLibrary;
import dev.dbq.command.builtin.AnswerCommand;
import dev.dbq.command.builtin.HelpCommand;
import dev.dbq.command.builtin.RandomCommand;
import dev.dbq.command.builtin.ScenarioCommand;
import dev.dbq.command.builtin.SearchCommand;
import dev.dbq.command.builtin.ShowCommand;
import dev.dbq.command.builtin.TopicsCommand;
import dev.dbq.command.builtin.UnavailableCommand;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.random.RandomGenerator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The {@code /dbq} registry: every subcommand, listed once, and the dispatch of a typed line. */
public final class Commands {

  private static final Logger log = LoggerFactory.getLogger(Commands.class);

  private final Map<String, CommandHandler> handlers = new LinkedHashMap<>();

  public Commands(List<CommandHandler> handlers) {
    handlers.forEach(h -> this.handlers.put(h.name(), h));
  }

  /** The subcommands, in the order help lists them. Adding one is one line here. */
  public static Commands create(BankLibrary library, RandomGenerator random) {
    List<CommandHandler> list = new ArrayList<>();
    list.add(new HelpCommand(library, () -> List.copyOf(list)));
    list.add(new RandomCommand(library, random));
    list.add(new ShowCommand(library));
    list.add(new AnswerCommand(library));
    list.add(new SearchCommand(library));
    list.add(new TopicsCommand(library));
    list.add(new ScenarioCommand(library, random));
    list.add(new UnavailableCommand("streak", "[@user]", "personal and team streaks"));
    list.add(new UnavailableCommand("leaderboard", "", "the channel's ranking"));
    list.add(new UnavailableCommand("schedule", "[show | set HH:MM [TZ] [DAYS] | off]", "the question of the day's schedule"));
    return new Commands(list);
  }

  public List<CommandHandler> handlers() {
    return List.copyOf(handlers.values());
  }

  /**
   * Runs a typed line ({@code /dbq random topic:cap}); the {@code /dbq} prefix is optional. Never
   * throws: bad input gets a reply naming what is valid, and an unexpected failure is logged and
   * answered with a short apology instead of a stack trace.
   */
  public Reply dispatch(CommandContext context, String line) {
    List<String> words = CommandLine.words(line);
    String name = words.isEmpty() ? "help" : words.get(0).toLowerCase(Locale.ROOT);
    CommandHandler handler = handlers.get(name);
    if (handler == null) {
      return Reply.text(
          "Unknown subcommand " + UserInput.echo(words.get(0)) + "." + UserInput.didYouMean(name, handlers.keySet())
              + " Try " + UserInput.list(handlers.keySet()) + ", or `/dbq help`.");
    }
    List<String> args = words.isEmpty() ? List.of() : words.subList(1, words.size());
    try {
      return handler.handle(context, args);
    } catch (CommandException e) {
      return Reply.text(e.getMessage());
    } catch (RuntimeException e) {
      log.error("/dbq {} failed for {} in {}", name, context.userId(), context.channel(), e);
      return Reply.text("Sorry, `/dbq " + name + "` failed on our side. It was logged; please try again.");
    }
  }
}
