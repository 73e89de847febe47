package dev.dbq.cli;

import dev.dbq.bank.BankLibrary;
import dev.dbq.config.ConfigException;
import dev.dbq.config.ConfigLoader;
import dev.dbq.config.ConfigProblem;
import dev.dbq.config.DbqConfig;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code config check [FILE]}: every problem of a config file, one per line; exit 2 on any. */
@Command(name = "config", mixinStandardHelpOptions = true, description = "Configuration tools.",
    subcommands = ConfigCommand.Check.class)
final class ConfigCommand implements Runnable {

  @Spec CommandSpec spec;

  @Override
  public void run() {
    throw new picocli.CommandLine.ParameterException(spec.commandLine(), "say what: config check [FILE]");
  }

  @Command(name = "check", mixinStandardHelpOptions = true,
      description = "Validate a config file, and its rounds.filters against the banks of its content.paths.")
  static final class Check implements Callable<Integer> {

    @Spec CommandSpec spec;

    @Parameters(paramLabel = "FILE", arity = "0..1",
        description = "The file (default: dbq --config FILE, else $DBQ_CONFIG, else config/dbq.yml).")
    Path file;

    @Override
    public Integer call() {
      Path file = this.file != null ? this.file : ConfigOption.given(spec.parent());
      List<String> problems;
      try {
        problems = againstTheBanks(new ConfigLoader(System.getenv()).load(file));
      } catch (ConfigException e) {
        problems = e.problems().stream().map(ConfigProblem::format).toList();
      }
      if (problems.isEmpty()) {
        spec.commandLine().getOut().println((file == null ? "configuration" : file.toString()) + ": OK");
        return CliExit.OK;
      }
      problems.forEach(spec.commandLine().getOut()::println);
      return CliExit.USAGE;
    }

    /** What only the banks can tell: whether content.paths holds questions, and rounds.filters matches some. */
    private static List<String> againstTheBanks(DbqConfig config) {
      Startup.Banks banks = Startup.banks(config);
      BankLibrary library = new BankLibrary(banks.result().banks());
      if (library.questions().isEmpty()) {
        return List.of(config.source().problem("content.paths", Startup.noQuestions(config, banks)).format());
      }
      return Startup.roundFilterProblem(config, library).map(ConfigProblem::format).stream().toList();
    }
  }
}
