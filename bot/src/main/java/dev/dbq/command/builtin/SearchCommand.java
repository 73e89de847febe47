package dev.dbq.command.builtin;

import dev.dbq.bank.BankLibrary;
import dev.dbq.bank.Question;
import dev.dbq.chat.CommandContext;
import dev.dbq.chat.OptionSpec;
import dev.dbq.chat.Reply;
import dev.dbq.command.CommandException;
import dev.dbq.command.CommandHandler;
import dev.dbq.command.QuestionCards;
import dev.dbq.command.UserInput;
import java.util.List;
import java.util.function.Supplier;

/** {@code /dbq search WORDS...}: questions matching the words, title hits first. */
public final class SearchCommand implements CommandHandler {

  static final int MAX_RESULTS = 10;
  private static final int MAX_BUTTONS = 5;

  private final Supplier<BankLibrary> banks;

  public SearchCommand(Supplier<BankLibrary> banks) {
    this.banks = banks;
  }

  @Override
  public boolean answersFromMemory() {
    return true;
  }

  @Override
  public String name() {
    return "search";
  }

  @Override
  public String arguments() {
    return "WORDS...";
  }

  @Override
  public String summary() {
    return "questions whose title or answers match, best first";
  }

  @Override
  public List<OptionSpec> options() {
    return List.of(OptionSpec.positional("words", OptionSpec.Kind.STRING, "words to look for", true));
  }

  @Override
  public Reply handle(CommandContext context, List<String> args) {
    BankLibrary library = banks.get();
    if (args.isEmpty()) {
      throw new CommandException("Usage: `" + usage() + "`, e.g. `/dbq search replication lag`.");
    }
    String words = String.join(" ", args);
    List<Question> hits = library.search(words);
    if (hits.isEmpty()) {
      throw new CommandException(
          "No question matches " + UserInput.echo(words) + ". Try other words, or `/dbq topics` to browse.");
    }
    List<Question> shown = hits.stream().limit(MAX_RESULTS).toList();
    StringBuilder list = new StringBuilder();
    for (int i = 0; i < shown.size(); i++) {
      Question q = shown.get(i);
      list.append(i + 1).append(". **").append(QuestionCards.heading(q)).append("** · ").append(q.topic())
          .append(" (`").append(q.id()).append("`)\n");
    }
    if (hits.size() > shown.size()) {
      list.append("…and ").append(hits.size() - shown.size()).append(" more: add words to narrow it down.");
    }
    List<Reply.Button> buttons =
        shown.stream().limit(MAX_BUTTONS)
            .map(q -> new Reply.Button("Q" + q.number(), "/dbq show " + q.id()))
            .toList();
    String title = hits.size() == 1 ? "1 question matches" : hits.size() + " questions match";
    return new Reply(title, List.of(new Reply.Text(list.toString().strip())), buttons, Reply.Visibility.CALLER);
  }
}
