package dev.dbq.command.builtin;

import dev.dbq.bank.BankLibrary;
import dev.dbq.bank.FilterException;
import dev.dbq.bank.FilterKey;
import dev.dbq.bank.FilterParser;
import dev.dbq.bank.Question;
import dev.dbq.bank.QuestionFilter;
import dev.dbq.chat.CommandContext;
import dev.dbq.chat.OptionSpec;
import dev.dbq.chat.Reply;
import dev.dbq.command.CommandException;
import dev.dbq.command.CommandHandler;
import dev.dbq.command.QuestionCards;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;

/**
 * {@code /dbq random [FILTER...]}: a random question with its quick answer, dealt to each person
 * by a {@link Dealer} (no repeats until the questions their filters match are used up).
 */
public final class RandomCommand implements CommandHandler {

  private final Supplier<BankLibrary> banks;
  private final Dealer deals;

  public RandomCommand(Supplier<BankLibrary> banks, Dealer deals) {
    this.banks = banks;
    this.deals = deals;
  }

  @Override
  public boolean answersFromMemory() {
    return true;
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
  public List<OptionSpec> options() {
    BankLibrary library = banks.get();
    return List.of(
        OptionSpec.filter("topic", "words of a topic, e.g. CAP theorem").completedBy(OptionSpec.Completion.TOPIC),
        OptionSpec.filter("difficulty", "how hard")
            .withChoices(library.vocabulary(FilterKey.DIFFICULTY).keySet().stream().map(d -> d.toLowerCase(Locale.ROOT)).toList()),
        OptionSpec.filter("company", "a company that asks it").completedBy(OptionSpec.Completion.COMPANY),
        OptionSpec.filter("tag", "a tag"),
        OptionSpec.filter("bank", "a question bank id"));
  }

  @Override
  public Reply handle(CommandContext context, List<String> args) {
    BankLibrary library = banks.get();
    QuestionFilter filter;
    try {
      filter = new FilterParser(library).parse(args);
    } catch (FilterException e) {
      throw new CommandException(e.getMessage());
    }
    List<Question> candidates = library.filter(filter);
    if (candidates.isEmpty()) {
      throw new CommandException(
          "No question matches all of `" + filter + "` together. Try fewer filters, or `/dbq topics` to see what there is.");
    }
    String dealt = deals.next(context, candidates.stream().map(Question::id).toList()).orElseThrow();
    // By id from the library's map: the candidates are not scanned a second time.
    return QuestionCards.withQuickAnswer(library.question(dealt).orElseThrow());
  }
}
