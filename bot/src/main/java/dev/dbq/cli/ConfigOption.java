package dev.dbq.cli;

import dev.dbq.config.ConfigLoader;
import dev.dbq.config.DbqConfig;
import dev.dbq.logging.Logging;
import java.nio.file.Path;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code --config FILE}, shared by the commands that read the configuration. Given before the
 * command ({@code dbq --config x.yml console}) it applies to the command as well: the nearest
 * {@code --config} wins.
 */
final class ConfigOption {

  static final String NAME = "--config";

  @Option(
      names = NAME,
      paramLabel = "FILE",
      description = "Configuration file (default: $DBQ_CONFIG, else config/dbq.yml, else built-in defaults).")
  Path file;

  /** The command this option is mixed into; null when built by hand (Main's default command). */
  @Spec(Spec.Target.MIXEE) CommandSpec command;

  /** Loads the configuration and applies its {@code logging:} settings. */
  DbqConfig load() {
    DbqConfig config = new ConfigLoader(System.getenv()).load(file());
    Logging.apply(config.logging());
    return config;
  }

  /** This command's {@code --config}, else the nearest enclosing command's; null when none was given. */
  Path file() {
    return file != null || command == null ? file : given(command.parent());
  }

  /** The {@code --config} given to {@code command} or the commands around it, nearest first. */
  static Path given(CommandSpec command) {
    for (CommandSpec at = command; at != null; at = at.parent()) {
      OptionSpec option = at.findOption(NAME);
      if (option != null && option.getValue() instanceof Path path) {
        return path;
      }
    }
    return null;
  }
}
