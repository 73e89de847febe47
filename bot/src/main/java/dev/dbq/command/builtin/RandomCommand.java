package dev.dbq.command.builtin;

import dev.dbq.bank.BankLibrary;
import dev.dbq.bank.Question;
import dev.dbq.bank.QuestionFilter;
import dev.dbq.command.CommandContext;
import dev.dbq.command.CommandException;
import dev.dbq.command.CommandHandler;
import dev.dbq.command.FilterParser;
import dev.dbq.command.QuestionCards;
import dev.dbq.command.Reply;
import java.util.List;
import java.util.random.RandomGenerator;

/** {@code /dbq random [FILTER...]}: a random question with its quick answer. */
public final class RandomCommand implements CommandHandler {

  private final BankLibrary library;
  private final RandomGenerator random;

  public RandomCommand(BankLibrary library, RandomGenerator random) {
    this.library = library;
    this.random = random;
  }

  @Override
  public String name() {
    return "random";
  }

  @Override
  public String arguments() {
    return "[FILTER...]";
  }

  @Override
  public String summary() {
    return "a random question with its quick answer";
  }

  @Override
  public Reply handle(CommandContext context, List<String> args) {
    QuestionFilter filter = new FilterParser(library).parse(args);
    List<Question> candidates = library.filter(filter);
    if (candidates.isEmpty()) {
      throw new CommandException(
          "No question matches all of `" + filter + "` together. Try fewer filters, or `/dbq topics` to see what there is.");
    }
    return QuestionCards.withQuickAnswer(candidates.get(random.nextInt(candidates.size())));
  }
}
