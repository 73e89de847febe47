package dev.dbq.command.builtin;

import dev.dbq.bank.BankLibrary;
import dev.dbq.chat.CommandContext;
import dev.dbq.chat.Reply;
import dev.dbq.command.CommandHandler;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/** {@code /dbq help}: every subcommand with its usage, the filters and a few examples. */
public final class HelpCommand implements CommandHandler {

  private final Supplier<BankLibrary> banks;
  private final Supplier<List<CommandHandler>> handlers;

  public HelpCommand(Supplier<BankLibrary> banks, Supplier<List<CommandHandler>> handlers) {
    this.banks = banks;
    this.handlers = handlers;
  }

  @Override
  public boolean answersFromMemory() {
    return true;
  }

  @Override
  public String name() {
    return "help";
  }

  @Override
  public String arguments() {
    return "";
  }

  @Override
  public String summary() {
    return "this help";
  }

  @Override
  public Reply handle(CommandContext context, List<String> args) {
    BankLibrary library = banks.get();
    String intro =
        "Practise interview questions together: "
            + library.questions().size() + " questions and " + library.scenarios().size() + " scenarios from "
            + library.banks().stream().map(b -> b.title()).collect(Collectors.joining(", ")) + ".";
    String commands =
        handlers.get().stream()
            .filter(CommandHandler::listed)
            .map(h -> "- `" + h.usage() + "` — " + h.summary())
            .collect(Collectors.joining("\n"));
    String filters =
        "**Filters**: `topic:WORDS` `difficulty:senior|staff` `company:NAME` `tag:TAG` `bank:ID`;"
            + " quote values with spaces: `topic:\"CAP theorem\"`.\n"
            + "**Examples**: `/dbq random difficulty:staff` · `/dbq show q5` · `/dbq answer q5 detailed` · `/dbq search sharding`";
    return new Reply(
        "dbq — interview practice",
        List.of(new Reply.Text(intro), new Reply.Text(commands), new Reply.Text(filters)),
        List.of(new Reply.Button("Random question", "/dbq random"), new Reply.Button("Topics", "/dbq topics")),
        Reply.Visibility.CALLER);
  }
}
