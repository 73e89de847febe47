package dev.dbq.command.builtin;

import dev.dbq.bank.BankLibrary;
import dev.dbq.bank.Scenario;
import dev.dbq.chat.CommandContext;
import dev.dbq.chat.OptionSpec;
import dev.dbq.chat.Reply;
import dev.dbq.command.CommandException;
import dev.dbq.command.CommandHandler;
import dev.dbq.command.QuestionCards;
import java.util.List;
import java.util.function.Supplier;

/** {@code /dbq scenario [N]}: a real-world scenario, dealt like {@code random} unless a number or id is given. */
public final class ScenarioCommand implements CommandHandler {

  private final Supplier<BankLibrary> banks;
  private final Dealer deals;

  /** @param deals its own deals: scenarios and questions are dealt apart */
  public ScenarioCommand(Supplier<BankLibrary> banks, Dealer deals) {
    this.banks = banks;
    this.deals = deals;
  }

  @Override
  public boolean answersFromMemory() {
    return true;
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
  public List<OptionSpec> options() {
    return List.of(OptionSpec.positional("number", OptionSpec.Kind.INTEGER, "which scenario (default: a random one)", false));
  }

  @Override
  public Reply handle(CommandContext context, List<String> args) {
    BankLibrary library = banks.get();
    List<Scenario> scenarios = library.scenarios();
    if (scenarios.isEmpty()) {
      throw new CommandException("The loaded banks have no scenarios.");
    }
    if (args.size() > 1) {
      throw new CommandException("Usage: `" + usage() + "`, e.g. `/dbq scenario 2`.");
    }
    Scenario scenario =
        args.isEmpty()
            ? dealt(context, scenarios)
            : QuestionIds.scenario(library, args.get(0));
    return QuestionCards.scenario(scenario, scenarios.size());
  }

  private Scenario dealt(CommandContext context, List<Scenario> scenarios) {
    String id = deals.next(context, scenarios.stream().map(Scenario::id).toList()).orElseThrow();
    return scenarios.stream().filter(s -> s.id().equals(id)).findFirst().orElseThrow();
  }
}
