package dev.dbq.command;

import dev.dbq.chat.CommandContext;
import dev.dbq.chat.CommandSpec;
import dev.dbq.chat.OptionSpec;
import dev.dbq.chat.Reply;
import java.util.List;

/**
 * One {@code /dbq} subcommand. Implementations live with their feature and are listed once in
 * {@link Commands#create}.
 */
public interface CommandHandler {

  /** The subcommand word, lower case: {@code random}. */
  String name();

  /** The arguments part of the usage line: {@code [FILTER...]}; empty when there are none. */
  String arguments();

  /** What it does, in a few words, for help. */
  String summary();

  /**
   * Runs the subcommand.
   *
   * @param args the words after the subcommand, quotes removed ({@code topic:"CAP theorem"} is one
   *     word {@code topic:CAP theorem})
   */
  Reply handle(CommandContext context, List<String> args);

  /** Whether help lists it; button-only subcommands are not listed. */
  default boolean listed() {
    return true;
  }

  /**
   * Its typed options, in the order they become words of the command line; platforms with
   * typed commands (Discord) offer these, and {@link Commands#dispatch(CommandContext, List,
   * java.util.Map)} turns them back into words.
   */
  default List<OptionSpec> options() {
    return List.of();
  }

  /** Its own subcommands with their options (a Discord subcommand group), or none. */
  default List<CommandSpec> subcommands() {
    return List.of();
  }

  /**
   * Whether it answers from the loaded banks alone, touching neither storage nor a platform's
   * API, and so always at once: platforms may run it on the request's own thread instead of
   * guarding it with a deadline (Slack's three seconds).
   */
  default boolean answersFromMemory() {
    return false;
  }

  /**
   * Whether it answers from memory and at most a few indexed rows of storage, never a platform's
   * API: where storage is a local file (SQLite) platforms may run it on the request's own thread
   * as well, as a read that takes microseconds needs no deadline. On a database server it keeps
   * its worker and deadline: the network may stall.
   */
  default boolean readsStorageBriefly() {
    return false;
  }

  /** Whether it changes channel settings, so platforms may show it to admins only. */
  default boolean adminOnly() {
    return false;
  }

  /** Its typed description for platforms and help. */
  default CommandSpec spec() {
    return new CommandSpec(name(), summary(), options(), subcommands(), adminOnly());
  }

  default String usage() {
    return arguments().isEmpty() ? "/dbq " + name() : "/dbq " + name() + " " + arguments();
  }
}
