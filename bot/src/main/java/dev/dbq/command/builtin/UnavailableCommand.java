package dev.dbq.command.builtin;

import dev.dbq.command.CommandContext;
import dev.dbq.command.CommandHandler;
import dev.dbq.command.Reply;
import java.util.List;

/** A subcommand whose feature needs the round store, which is not wired in this build. */
public final class UnavailableCommand implements CommandHandler {

  private final String name;
  private final String arguments;
  private final String summary;

  public UnavailableCommand(String name, String arguments, String summary) {
    this.name = name;
    this.arguments = arguments;
    this.summary = summary;
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public String arguments() {
    return arguments;
  }

  @Override
  public String summary() {
    return summary + " (coming with the question of the day)";
  }

  @Override
  public Reply handle(CommandContext context, List<String> args) {
    return Reply.text(
        "`/dbq " + name + "` is not available yet: it comes with the question of the day and streaks."
            + " Meanwhile try `/dbq random`.");
  }
}
