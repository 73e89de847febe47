package dev.dbq.command.builtin;

import dev.dbq.chat.CommandContext;
import dev.dbq.chat.Reply;
import dev.dbq.command.CommandException;
import dev.dbq.command.CommandHandler;
import java.util.List;
import java.util.function.Supplier;

/** {@code /dbq reload}: loads the banks again now (admins); a broken edit keeps the last good banks. */
public final class ReloadCommand implements CommandHandler {

  private final Supplier<String> reload;

  /** @param reload reloads the banks and says what happened in one line */
  public ReloadCommand(Supplier<String> reload) {
    this.reload = reload;
  }

  @Override
  public String name() {
    return "reload";
  }

  @Override
  public String arguments() {
    return "";
  }

  @Override
  public String summary() {
    return "load the question banks again (admins)";
  }

  @Override
  public boolean adminOnly() {
    return true;
  }

  /**
   * Not in help nor in Discord's {@code /dbq} (whose subcommands are a contract, DESIGN.md
   * section 8): an operator's command, typed where commands are typed (Slack, console); edits to
   * the bank files reload by themselves anyway.
   */
  @Override
  public boolean listed() {
    return false;
  }

  @Override
  public Reply handle(CommandContext context, List<String> args) {
    if (!context.admin()) {
      throw CommandException.onlyAdmins("reload the banks");
    }
    if (!args.isEmpty()) {
      throw new CommandException("Usage: `" + usage() + "` (it takes no arguments).");
    }
    return Reply.text(reload.get());
  }
}
