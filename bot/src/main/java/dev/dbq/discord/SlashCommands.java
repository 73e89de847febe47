package dev.dbq.discord;

import dev.dbq.chat.CommandSpec;
import dev.dbq.chat.OptionSpec;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import net.dv8tion.jda.api.interactions.InteractionContextType;
import net.dv8tion.jda.api.interactions.commands.OptionType;
import net.dv8tion.jda.api.interactions.commands.build.Commands;
import net.dv8tion.jda.api.interactions.commands.build.OptionData;
import net.dv8tion.jda.api.interactions.commands.build.SlashCommandData;
import net.dv8tion.jda.api.interactions.commands.build.SubcommandData;
import net.dv8tion.jda.api.interactions.commands.build.SubcommandGroupData;
import net.dv8tion.jda.api.utils.data.DataArray;
import net.dv8tion.jda.api.utils.data.DataObject;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one {@code /dbq} chat-input command, made from the handlers' own descriptions: each
 * subcommand with its typed options, a subcommand with subcommands as a group.
 *
 * <p>It carries no default member permissions: Discord sets those per top-level command only,
 * so Manage Server on {@code /dbq} would hide every subcommand from everyone else. Who may
 * change the schedule is decided by the core from the interaction's member permissions.
 */
final class SlashCommands {

  static final String NAME = "dbq";
  static final int DESCRIPTION_LIMIT = 100;
  static final int CHOICES_LIMIT = 25;

  private static final Logger log = LoggerFactory.getLogger(SlashCommands.class);

  private SlashCommands() {}

  static SlashCommandData definition(List<CommandSpec> specs) {
    SlashCommandData command =
        Commands.slash(NAME, "Interview questions, the question of the day and streaks")
            .setContexts(InteractionContextType.GUILD);
    for (CommandSpec spec : specs) {
      if (spec.subcommands().isEmpty()) {
        command.addSubcommands(subcommand(spec));
      } else {
        command.addSubcommandGroups(
            new SubcommandGroupData(spec.name(), description(spec.summary()))
                .addSubcommands(spec.subcommands().stream().map(SlashCommands::subcommand).toList()));
      }
    }
    return command;
  }

  private static SubcommandData subcommand(CommandSpec spec) {
    // Discord wants required options first; the core reads options by name, not position.
    List<OptionData> options =
        spec.options().stream()
            .sorted(Comparator.comparing(o -> !o.required()))
            .map(SlashCommands::option)
            .toList();
    return new SubcommandData(spec.name(), description(spec.summary())).addOptions(options);
  }

  private static OptionData option(OptionSpec spec) {
    OptionType type =
        switch (spec.kind()) {
          case STRING -> OptionType.STRING;
          case INTEGER -> OptionType.INTEGER;
          case USER -> OptionType.USER;
        };
    boolean choices = !spec.choices().isEmpty() && spec.choices().size() <= CHOICES_LIMIT;
    if (spec.choices().size() > CHOICES_LIMIT) {
      log.warn("/dbq option {} has {} choices, more than Discord's {}: offered as free text", spec.name(),
          spec.choices().size(), CHOICES_LIMIT);
    }
    // Discord refuses choices and autocomplete together; fixed choices win.
    boolean autocomplete = !choices && spec.completion() != OptionSpec.Completion.NONE && type == OptionType.STRING;
    OptionData option = new OptionData(type, spec.name(), description(spec.description()), spec.required(), autocomplete);
    if (choices) {
      spec.choices().forEach(choice -> option.addChoice(choice, choice));
    }
    return option;
  }

  private static String description(String text) {
    String oneLine = text.isBlank() ? "-" : text.strip();
    return DiscordMessages.shorten(oneLine, DESCRIPTION_LIMIT);
  }

  /**
   * Whether Discord already holds this definition, compared on what a user sees (names,
   * descriptions, option types, required, choices, autocomplete) and not on fields Discord
   * adds or fills with defaults.
   */
  static boolean sameDefinition(SlashCommandData wanted, Optional<DataObject> registered) {
    return registered.map(r -> shape(r).equals(shape(wanted.toData()))).orElse(false);
  }

  /** The user-visible shape of a command or option as one comparable string. */
  static String shape(DataObject object) {
    String options =
        object.optArray("options").map(SlashCommands::shapes).orElse("");
    String choices =
        object.optArray("choices").map(array -> array.stream(DataArray::getObject)
            .map(c -> c.getString("name") + "=" + c.get("value"))
            .collect(Collectors.joining(","))).orElse("");
    return object.getString("name", "") + "|" + object.getString("description", "") + "|"
        + object.getInt("type", 1) + "|" + object.getBoolean("required", false) + "|"
        + object.getBoolean("autocomplete", false) + "|[" + choices + "]{" + options + "}";
  }

  /** Sorted: Discord lists a command's subcommands before its groups, whatever order they were sent in. */
  private static String shapes(DataArray options) {
    return options.stream(DataArray::getObject).map(SlashCommands::shape).sorted().collect(Collectors.joining(";"));
  }
}
