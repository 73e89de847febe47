package dev.dbq.command.builtin;

import dev.dbq.bank.BankLibrary;
import dev.dbq.bank.FilterKey;
import dev.dbq.chat.CommandContext;
import dev.dbq.chat.Reply;
import dev.dbq.command.CommandException;
import dev.dbq.command.CommandHandler;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/** {@code /dbq topics}: what the banks hold, with counts, and how to filter by it. */
public final class TopicsCommand implements CommandHandler {

  private final Supplier<BankLibrary> banks;

  public TopicsCommand(Supplier<BankLibrary> banks) {
    this.banks = banks;
  }

  @Override
  public boolean answersFromMemory() {
    return true;
  }

  @Override
  public String name() {
    return "topics";
  }

  @Override
  public String arguments() {
    return "";
  }

  @Override
  public String summary() {
    return "topics, difficulties and companies with counts";
  }

  @Override
  public Reply handle(CommandContext context, List<String> args) {
    BankLibrary library = banks.get();
    if (!args.isEmpty()) {
      throw new CommandException("`/dbq topics` takes no arguments. To pick from a topic: `/dbq random topic:WORDS`.");
    }
    List<Reply.Block> blocks = new ArrayList<>();
    blocks.add(new Reply.Text("**Topics** (`topic:`)\n" + lines(library.topics())));
    blocks.add(new Reply.Text("**Difficulties** (`difficulty:`): " + inline(library.vocabulary(FilterKey.DIFFICULTY))));
    blocks.add(new Reply.Text("**Companies** (`company:`): " + library.companiesByCount().stream()
        .map(e -> e.getKey() + " (" + e.getValue() + ")").collect(Collectors.joining(", "))));
    blocks.add(new Reply.Text("**Banks** (`bank:`): " + library.banks().stream()
        .map(b -> b.id() + " (" + b.questions().size() + " questions, " + b.scenarios().size() + " scenarios)")
        .collect(Collectors.joining(", "))));
    library.banks().forEach(bank -> {
      String tldr = bank.summary().get("TL;DR");
      if (tldr != null) {
        blocks.add(new Reply.Text("**TL;DR** (" + bank.title() + ")\n" + tldr));
      }
    });
    List<Reply.Button> buttons = List.of(new Reply.Button("Random question", "/dbq random"));
    String title = library.questions().size() + " questions, " + library.scenarios().size() + " scenarios";
    return new Reply(title, blocks, buttons, Reply.Visibility.CALLER);
  }

  private static String lines(Map<String, Integer> counts) {
    return counts.entrySet().stream()
        .map(e -> "- " + e.getKey() + " (" + e.getValue() + ")")
        .collect(Collectors.joining("\n"));
  }

  private static String inline(Map<String, Integer> counts) {
    return counts.entrySet().stream()
        .map(e -> e.getKey() + " (" + e.getValue() + ")")
        .collect(Collectors.joining(", "));
  }
}
