package dev.dbq.command.builtin;

import dev.dbq.bank.BankLibrary;
import dev.dbq.bank.Scenario;
import dev.dbq.command.CommandContext;
import dev.dbq.command.CommandException;
import dev.dbq.command.CommandHandler;
import dev.dbq.command.QuestionCards;
import dev.dbq.command.Reply;
import java.util.List;
import java.util.random.RandomGenerator;

/** {@code /dbq scenario [N]}: a real-world scenario, random unless a number or id is given. */
public final class ScenarioCommand implements CommandHandler {

  private final BankLibrary library;
  private final RandomGenerator random;

  public ScenarioCommand(BankLibrary library, RandomGenerator random) {
    this.library = library;
    this.random = random;
  }

  @Override
  public String name() {
    return "scenario";
  }

  @Override
  public String arguments() {
    return "[N]";
  }

  @Override
  public String summary() {
    return "a real-world scenario to design through";
  }

  @Override
  public Reply handle(CommandContext context, List<String> args) {
    List<Scenario> scenarios = library.scenarios();
    if (scenarios.isEmpty()) {
      throw new CommandException("The loaded banks have no scenarios.");
    }
    if (args.size() > 1) {
      throw new CommandException("Usage: `" + usage() + "`, e.g. `/dbq scenario 2`.");
    }
    Scenario scenario =
        args.isEmpty()
            ? scenarios.get(random.nextInt(scenarios.size()))
            : QuestionIds.scenario(library, args.get(0));
    return QuestionCards.scenario(scenario, scenarios.size());
  }
}
