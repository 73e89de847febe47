package dev.dbq.cli;

import dev.dbq.config.ConfigLoader;
import dev.dbq.config.DbqConfig;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** {@code --config FILE}, shared by the commands that read the configuration. */
final class ConfigOption {

  @Option(
      names = "--config",
      paramLabel = "FILE",
      description = "Configuration file (default: $DBQ_CONFIG, else config/dbq.yml, else built-in defaults).")
  Path file;

  DbqConfig load() {
    return new ConfigLoader(System.getenv()).load(file);
  }
}
