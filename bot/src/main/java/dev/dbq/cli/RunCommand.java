package dev.dbq.cli;

import java.util.random.RandomGenerator;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import dev.dbq.config.DbqConfig;
import dev.dbq.console.ConsoleApp;

/** {@code run} (the default): every configured platform; with none configured, the console. */
@Command(
    name = "run",
    mixinStandardHelpOptions = true,
    description = "Start every configured platform; with no Slack or Discord credentials, the local console.")
final class RunCommand implements Callable<Integer> {

  @Mixin ConfigOption config;

  RunCommand() {}

  RunCommand(ConfigOption config) {
    this.config = config;
  }

  @Override
  public Integer call() {
    DbqConfig loaded = config.load();
    System.err.println("No Slack or Discord credentials in the environment: starting the local console.");
    return new ConsoleApp(
            loaded,
            Startup.library(loaded, System.err),
            RandomGenerator.getDefault(),
            loaded.console().channel(),
            loaded.console().user(),
            null)
        .run();
  }
}
