package dev.dbq.cli;

import dev.dbq.config.ConfigLoader;
import dev.dbq.config.DbqConfig;
import dev.dbq.logging.Logging;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** {@code --config FILE}, shared by the commands that read the configuration. */
final class ConfigOption {

  @Option(
      names = "--config",
      paramLabel = "FILE",
      description = "Configuration file (default: $DBQ_CONFIG, else config/dbq.yml, else built-in defaults).")
  Path file;

  /** Loads the configuration and applies its {@code logging:} settings. */
  DbqConfig load() {
    DbqConfig config = new ConfigLoader(System.getenv()).load(file);
    Logging.apply(config.logging());
    return config;
  }
}
