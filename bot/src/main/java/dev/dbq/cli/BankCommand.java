package dev.dbq.cli;

import dev.dbq.bank.BankJson;
import dev.dbq.bank.BankLoader;
import dev.dbq.bank.LoadResult;
import dev.dbq.bank.Problem;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code bank lint} and {@code bank export}: tools for bank authors. */
@Command(
    name = "bank",
    mixinStandardHelpOptions = true,
    description = "Check or export question banks.",
    subcommands = {BankCommand.Lint.class, BankCommand.Export.class})
final class BankCommand implements Runnable {

  @Spec CommandSpec spec;

  @Override
  public void run() {
    throw new picocli.CommandLine.ParameterException(spec.commandLine(), "say which: bank lint or bank export");
  }

  /** The paths to load, {@code content/} when none are given. */
  static List<Path> pathsOrDefault(List<Path> paths) {
    return paths == null || paths.isEmpty() ? List.of(Path.of("content")) : paths;
  }

  @Command(name = "lint", mixinStandardHelpOptions = true, description = "Check banks; exit 1 on any error.")
  static final class Lint implements Callable<Integer> {

    @Spec CommandSpec spec;

    @Parameters(paramLabel = "PATH", arity = "0..*", description = "Bank files or folders (default: content/).")
    List<Path> paths;

    @Override
    public Integer call() {
      LoadResult result = new BankLoader().load(pathsOrDefault(paths));
      PrintWriter out = spec.commandLine().getOut();
      result.problems().forEach(p -> out.println(p.format()));
      out.flush();
      long errors = result.problems().stream().filter(p -> p.severity() == Problem.Severity.ERROR).count();
      spec.commandLine().getErr().printf(
          "%d bank(s), %d questions, %d scenarios: %d error(s), %d warning(s)%n",
          result.banks().size(),
          result.banks().stream().mapToInt(b -> b.questions().size()).sum(),
          result.banks().stream().mapToInt(b -> b.scenarios().size()).sum(),
          errors,
          result.problems().size() - errors);
      return errors > 0 ? CliExit.FAILURE : CliExit.OK;
    }
  }

  @Command(name = "export", mixinStandardHelpOptions = true,
      description = "Print the parsed banks as JSON; exit 1 if any bank has an error (the JSON is printed all the same).")
  static final class Export implements Callable<Integer> {

    @Spec CommandSpec spec;

    @Parameters(paramLabel = "PATH", arity = "0..*", description = "Bank files or folders (default: content/).")
    List<Path> paths;

    @Override
    public Integer call() throws Exception {
      LoadResult result = new BankLoader().load(pathsOrDefault(paths));
      PrintWriter out = spec.commandLine().getOut();
      BankJson.write(result, out);
      out.println();
      out.flush();
      // Like lint: a script exporting banks must notice a file that was skipped.
      long filesWithErrors = result.problems().stream()
          .filter(p -> p.severity() == Problem.Severity.ERROR)
          .map(Problem::file)
          .distinct()
          .count();
      if (filesWithErrors == 0) {
        return CliExit.OK;
      }
      spec.commandLine().getErr().printf("dbq: %d bank file%s errors (see \"problems\"; bank lint lists them)%n",
          filesWithErrors, filesWithErrors == 1 ? " has" : "s have");
      return CliExit.FAILURE;
    }
  }
}
