package dev.dbq.command.builtin;

import dev.dbq.bank.BankLibrary;
import dev.dbq.chat.CommandContext;
import dev.dbq.chat.OptionSpec;
import dev.dbq.chat.Reply;
import dev.dbq.command.CommandException;
import dev.dbq.command.CommandHandler;
import dev.dbq.command.QuestionCards;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;

/** {@code /dbq show ID}: one question (or scenario, for an {@code sN} id) by its id. */
public final class ShowCommand implements CommandHandler {

  private final Supplier<BankLibrary> banks;

  public ShowCommand(Supplier<BankLibrary> banks) {
    this.banks = banks;
  }

  @Override
  public boolean answersFromMemory() {
    return true;
  }

  @Override
  public String name() {
    return "show";
  }

  @Override
  public String arguments() {
    return "ID";
  }

  @Override
  public String summary() {
    return "one question by id (q5, 5, Q5 or database-architecture/q5)";
  }

  @Override
  public List<OptionSpec> options() {
    return List.of(
        OptionSpec.positional("id", OptionSpec.Kind.STRING, "question or scenario id, e.g. q5, 5 or s1", true)
            .completedBy(OptionSpec.Completion.QUESTION_ID));
  }

  @Override
  public Reply handle(CommandContext context, List<String> args) {
    BankLibrary library = banks.get();
    if (args.size() != 1) {
      throw new CommandException("Usage: `" + usage() + "`, e.g. `/dbq show q5`.");
    }
    String id = args.get(0);
    if (id.toLowerCase(Locale.ROOT).matches("(.*/)?s\\d+")) {
      return QuestionCards.scenario(QuestionIds.scenario(library, id), library.scenarios().size());
    }
    return QuestionCards.withQuickAnswer(QuestionIds.question(library, id));
  }
}
