package dev.dbq.discord;

import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import net.dv8tion.jda.api.interactions.commands.Command;
import net.dv8tion.jda.api.interactions.commands.build.SlashCommandData;
import net.dv8tion.jda.api.requests.RestAction;
import net.dv8tion.jda.api.utils.data.DataObject;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Registers {@code /dbq} only when Discord's copy differs: Discord rate-limits command
 * registration (and a global change takes a while to reach every client), so a restart with
 * the same definition sends nothing but one read. It overwrites the application's commands
 * ({@code PUT …/commands}) with {@code /dbq} alone: the application is dbq's, and an
 * overwrite also removes commands an older version registered.
 */
final class CommandRegistration {

  private static final Logger log = LoggerFactory.getLogger(CommandRegistration.class);

  private CommandRegistration() {}

  /**
   * @param where a label for logs: "globally" or "in guild 123"
   * @param registered reads the commands Discord holds there
   * @param overwrite replaces the commands there by the given one
   * @return whether it sent the definition
   */
  static boolean ensure(
      SlashCommandData wanted,
      String where,
      RestAction<List<Command>> registered,
      Function<SlashCommandData, RestAction<?>> overwrite) {
    List<Command> commands = registered.complete();
    Optional<DataObject> current =
        commands.stream()
            .filter(c -> c.getName().equals(SlashCommands.NAME) && c.getType() == Command.Type.SLASH)
            .findFirst()
            .map(c -> SlashCommandData.fromCommand(c).toData());
    if (commands.size() == 1 && SlashCommands.sameDefinition(wanted, current)) {
      log.info("/dbq is registered {} and unchanged", where);
      return false;
    }
    overwrite.apply(wanted).complete();
    log.info("/dbq {} {}", current.isPresent() ? "updated" : "registered", where);
    return true;
  }
}
