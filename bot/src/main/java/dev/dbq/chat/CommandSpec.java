package dev.dbq.chat;

import java.util.List;

/**
 * How a {@code /dbq} subcommand is called, for platforms with typed commands (Discord's
 * options and autocomplete) and for help. Either {@code options} or {@code subcommands} is
 * empty: a command with subcommands (a Discord subcommand group) takes its options there.
 *
 * @param name the subcommand word, lower case
 * @param summary what it does, in a few words (Discord allows 100 characters)
 * @param options its options, in the order they become words of the command line
 * @param subcommands its own subcommands (such as {@code schedule set}), or none
 * @param adminOnly whether changing things with it needs an admin (Discord: Manage Server)
 */
public record CommandSpec(
    String name, String summary, List<OptionSpec> options, List<CommandSpec> subcommands, boolean adminOnly) {

  public CommandSpec {
    options = List.copyOf(options);
    subcommands = List.copyOf(subcommands);
  }

  public static CommandSpec of(String name, String summary, List<OptionSpec> options) {
    return new CommandSpec(name, summary, options, List.of(), false);
  }
}
