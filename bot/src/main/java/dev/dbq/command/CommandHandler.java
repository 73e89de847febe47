package dev.dbq.command;

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

  default String usage() {
    return arguments().isEmpty() ? "/dbq " + name() : "/dbq " + name() + " " + arguments();
  }
}
