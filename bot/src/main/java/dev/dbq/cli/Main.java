package dev.dbq.cli;

import dev.dbq.text.Redaction;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine;

/** {@code java -jar dbq-bot.jar [COMMAND]}: with no command, {@code run}. */
@Command(
    name = "dbq",
    mixinStandardHelpOptions = true,
    versionProvider = Version.class,
    description = "Interview practice for your team: question of the day, /dbq commands, streaks.",
    subcommands = {RunCommand.class, ConsoleCommand.class, BankCommand.class, ConfigCommand.class})
public final class Main implements Callable<Integer> {

  @Mixin ConfigOption config;

  /** The environment variables that are secrets (DESIGN section 7): never shown, whoever quotes them. */
  private static final List<String> SECRET_VARIABLES =
      List.of("SLACK_BOT_TOKEN", "SLACK_SIGNING_SECRET", "SLACK_APP_TOKEN", "DISCORD_BOT_TOKEN");

  public static void main(String[] args) {
    SECRET_VARIABLES.forEach(name -> Redaction.registerSecret(System.getenv(name)));
    Redaction.registerSecretsOf(System.getenv("DBQ_DATABASE_URL"));
    System.exit(commandLine().execute(args));
  }

  /** The command line with dbq's error handling: one line, no stack trace, a clear exit code. */
  static CommandLine commandLine() {
    CommandLine line = new CommandLine(new Main());
    line.setParameterExceptionHandler(
        (e, args) -> {
          PrintWriter err = e.getCommandLine().getErr();
          err.println("dbq: " + e.getMessage() + " (see: " + e.getCommandLine().getCommandSpec().qualifiedName() + " --help)");
          return CliExit.USAGE;
        });
    line.setExecutionExceptionHandler(
        (e, commandLine, parseResult) -> {
          commandLine.getErr().println("dbq: " + CliExit.describe(e));
          return e instanceof CliExit.Failure failure ? failure.exitCode() : CliExit.FAILURE;
        });
    return line;
  }

  @Override
  public Integer call() throws Exception {
    return new RunCommand(config).call();
  }
}
