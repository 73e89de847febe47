package dev.dbq.cli;

import dev.dbq.app.BankReload;
import dev.dbq.app.BotRuntime;
import dev.dbq.app.ContentWatcher;
import dev.dbq.app.Platform;
import dev.dbq.app.PlatformException;
import dev.dbq.bank.BankLibrary;
import dev.dbq.bank.Pace;
import dev.dbq.bank.ParsedFiles;
import dev.dbq.config.DbqConfig;
import dev.dbq.discord.DiscordPlatform;
import dev.dbq.http.BotReadiness;
import dev.dbq.http.HttpServer;
import dev.dbq.http.MetricsServlet;
import dev.dbq.slack.SlackPlatform;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.random.RandomGenerator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/**
 * {@code run} (the default): every configured platform; with none configured, the console on a
 * terminal, else a one-line error naming the variables to set.
 */
@Command(
    name = "run",
    mixinStandardHelpOptions = true,
    description = "Start every configured platform; with no Slack or Discord credentials, the local console (on a terminal).")
final class RunCommand implements Callable<Integer> {

  /** Why {@code run} without credentials and without a terminal stops: what to set, and the alternative. */
  static final String NOTHING_TO_RUN =
      "no Slack or Discord credentials and no terminal for the console: set SLACK_BOT_TOKEN and SLACK_SIGNING_SECRET"
          + " (Slack over HTTP), SLACK_BOT_TOKEN and SLACK_APP_TOKEN (Slack Socket Mode), or DISCORD_BOT_TOKEN;"
          + " to run a console script, use the console command";

  @Mixin ConfigOption config;

  RunCommand() {}

  RunCommand(ConfigOption config) {
    this.config = config;
  }

  @Override
  public Integer call() throws InterruptedException {
    DbqConfig loaded = config.load();
    List<Platform> platforms = platforms(System.getenv(), loaded);
    if (platforms.isEmpty()) {
      if (System.console() == null) {
        // No terminal (a container, a service): the console would read an empty input and stop at once.
        throw new CliExit.Failure(NOTHING_TO_RUN, CliExit.FAILURE);
      }
      System.err.println("No Slack or Discord credentials in the environment: starting the local console.");
      return ConsoleCommand.console(
              loaded,
              Startup.library(loaded, System.err),
              RandomGenerator.getDefault(),
              loaded.console().channel(),
              loaded.console().user(),
              null)
          .run();
    }
    // Shared by the start-up load and every reload: a reload parses only the files that changed.
    ParsedFiles parsedFiles = new ParsedFiles();
    BankLibrary library = Startup.library(loaded, System.err, parsedFiles);
    HttpServer http = new HttpServer(loaded.http().port(), loaded.http().managementHost(), loaded.http().managementPort());
    BotRuntime runtime;
    try {
      runtime = BotRuntime.start(loaded, library, platforms, Clock.systemDefaultZone(), RandomGenerator.getDefault(), http);
    } catch (PlatformException e) {
      http.close();
      throw new CliExit.Failure(e.getMessage(), CliExit.FAILURE);
    }
    http.addManagement("/metrics", new MetricsServlet(runtime.bot().metrics()));
    // A reload is built beside the banks in use (the heap must hold both) while requests are
    // served (it takes a twentieth of a core).
    runtime.bot().reloadFrom(() -> Startup.banks(loaded, runtime.bot().banks(), Pace.share(BankReload.CPU_SHARE), parsedFiles).result());
    ContentWatcher watcher = watchContent(loaded, runtime);
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      http.close(); // no new requests while the platforms and the database close
      if (watcher != null) {
        watcher.close();
      }
      runtime.close();
      System.err.println("Stopped.");
      stopped.countDown();
    }, "dbq-shutdown"));
    try {
      http.start(new BotReadiness(runtime)
          .watchingDiskOf(loaded.database().url())
          .watcherProblem(() -> watcher == null ? java.util.Optional.empty() : watcher.problem()));
    } catch (PlatformException e) {
      throw new CliExit.Failure(e.getMessage(), CliExit.FAILURE);
    }
    runtime.bot().startScheduler();
    for (Platform platform : platforms) {
      System.err.println("Started " + platform.name() + ".");
    }
    System.err.println("HTTP on port " + http.port() + ": " + String.join(", ", http.paths()) + "; management on "
        + loaded.http().managementHost() + ":" + http.managementPort() + ": " + String.join(", ", http.managementPaths())
        + ". Stop with Ctrl-C.");
    stopped.await();
    return CliExit.OK;
  }

  /**
   * Reloads the banks when a file under {@code content.paths} changes (not the bank bundled in
   * the jar, which cannot change); null when there is nothing to watch.
   */
  private static ContentWatcher watchContent(DbqConfig config, BotRuntime runtime) {
    List<Path> paths = config.content().paths().stream().map(Path::of).filter(Files::exists).toList();
    if (paths.isEmpty()) {
      return null;
    }
    try {
      return ContentWatcher.start(paths, () -> runtime.bot().reload().ifPresent(BankReload::reload));
    } catch (IOException e) {
      System.err.println("Bank files are not watched (" + e.getMessage() + "): edits need /dbq reload.");
      return null;
    }
  }

  /** The platforms whose credentials are in the environment; one line each. */
  static List<Platform> platforms(Map<String, String> env, DbqConfig config) {
    List<Platform> platforms = new ArrayList<>();
    try {
      SlackPlatform.fromEnvironment(env, config).ifPresent(platforms::add);
      DiscordPlatform.fromEnvironment(env, config).ifPresent(platforms::add);
    } catch (PlatformException e) {
      throw new CliExit.Failure(e.getMessage(), CliExit.FAILURE);
    }
    return platforms;
  }
}
