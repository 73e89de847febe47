package dev.dbq.cli;

import dev.dbq.config.ConfigException;
import dev.dbq.config.ConfigLoader;
import dev.dbq.config.ConfigProblem;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code config check [FILE]}: every problem of a config file, one per line; exit 2 on any. */
@Command(name = "config", mixinStandardHelpOptions = true, description = "Configuration tools.",
    subcommands = ConfigCommand.Check.class)
final class ConfigCommand implements Runnable {

  @Spec CommandSpec spec;

  @Override
  public void run() {
    throw new picocli.CommandLine.ParameterException(spec.commandLine(), "say what: config check [FILE]");
  }

  @Command(name = "check", mixinStandardHelpOptions = true, description = "Validate a config file.")
  static final class Check implements Callable<Integer> {

    @Spec CommandSpec spec;

    @Parameters(paramLabel = "FILE", arity = "0..1",
        description = "The file (default: $DBQ_CONFIG, else config/dbq.yml).")
    Path file;

    @Override
    public Integer call() {
      try {
        new ConfigLoader(System.getenv()).load(file);
        spec.commandLine().getOut().println((file == null ? "configuration" : file.toString()) + ": OK");
        return CliExit.OK;
      } catch (ConfigException e) {
        e.problems().stream().map(ConfigProblem::format).forEach(spec.commandLine().getOut()::println);
        return CliExit.USAGE;
      }
    }
  }
}
