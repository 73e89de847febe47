package dev.dbq.command.builtin;

import dev.dbq.bank.BankLibrary;
import dev.dbq.chat.CommandContext;
import dev.dbq.chat.OptionSpec;
import dev.dbq.chat.Reply;
import dev.dbq.command.AnswerPart;
import dev.dbq.command.CommandException;
import dev.dbq.command.CommandHandler;
import dev.dbq.command.QuestionCards;
import dev.dbq.command.UserInput;
import java.util.List;
import java.util.function.Supplier;

/** {@code /dbq answer ID [quick|detailed|code|context|mistakes|followups]}. */
public final class AnswerCommand implements CommandHandler {

  private final Supplier<BankLibrary> banks;

  public AnswerCommand(Supplier<BankLibrary> banks) {
    this.banks = banks;
  }

  @Override
  public boolean answersFromMemory() {
    return true;
  }

  @Override
  public String name() {
    return "answer";
  }

  @Override
  public String arguments() {
    return "ID [quick|detailed]";
  }

  @Override
  public String summary() {
    return "a question's answer; also code, context, mistakes, followups";
  }

  @Override
  public List<OptionSpec> options() {
    return List.of(
        OptionSpec.positional("id", OptionSpec.Kind.STRING, "question id, e.g. q5", true)
            .completedBy(OptionSpec.Completion.QUESTION_ID),
        OptionSpec.positional("part", OptionSpec.Kind.STRING, "which part of the answer", false)
            .withChoices(AnswerPart.keywords()));
  }

  @Override
  public Reply handle(CommandContext context, List<String> args) {
    BankLibrary library = banks.get();
    if (args.isEmpty() || args.size() > 2) {
      throw new CommandException("Usage: `" + usage() + "`, e.g. `/dbq answer q5 detailed`.");
    }
    AnswerPart part = args.size() == 1 ? AnswerPart.QUICK : part(args.get(1));
    return QuestionCards.part(QuestionIds.question(library, args.get(0)), part);
  }

  private static AnswerPart part(String typed) {
    return AnswerPart.fromKeyword(typed)
        .orElseThrow(
            () ->
                new CommandException(
                    "No answer part " + UserInput.echo(typed) + "." + UserInput.didYouMean(typed, AnswerPart.keywords())
                        + " Parts: " + UserInput.list(AnswerPart.keywords()) + "."));
  }
}
