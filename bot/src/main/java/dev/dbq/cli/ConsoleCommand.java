package dev.dbq.cli;

import dev.dbq.app.BotRuntime;
import dev.dbq.app.HttpRoutes;
import dev.dbq.bank.BankLibrary;
import dev.dbq.config.DbqConfig;
import dev.dbq.console.ConsoleApp;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import java.util.random.RandomGenerator;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code console}: the local chat on standard input and output. */
@Command(
    name = "console",
    mixinStandardHelpOptions = true,
    description = {
      "The local chat: type /dbq commands and console lines (:as, :click, :reply, :time, :qotd).",
      "With standard input from a file or pipe, runs it as a script and exits at its end.",
      "With --now it runs on a throwaway database unless --database names one."
    })
final class ConsoleCommand implements Callable<Integer> {

  @Mixin ConfigOption config;

  @Option(names = "--user", paramLabel = "NAME", description = "Who you are (default: console.user).")
  String user;

  @Option(names = "--channel", paramLabel = "NAME", description = "The channel (default: console.channel).")
  String channel;

  @Option(
      names = "--now",
      paramLabel = "ISO-DATETIME",
      description = "Start the clock here (e.g. 2026-12-01T08:55), in the rounds.zone time zone.")
  LocalDateTime now;

  @Option(
      names = "--seed",
      paramLabel = "N",
      description = "Seed the random picks, so that a script gives the same output every run.")
  Long seed;

  @Option(
      names = "--database",
      paramLabel = "JDBC-URL",
      description = "The database (default: database.url; with --now, a new throwaway SQLite file).")
  String database;

  @Override
  public Integer call() throws IOException {
    DbqConfig loaded = config.load();
    String name = user != null ? user : loaded.console().user();
    String where = channel != null ? channel : loaded.console().channel();
    Instant start = now == null ? null : now.atZone(loaded.rounds().zone()).toInstant();
    if (database != null) {
      return run(loaded.withDatabase(database), where, name, start);
    }
    if (now == null) {
      return run(loaded, where, name, start);
    }
    // A simulated clock writes rounds dated by it: they would mix with the real ones and make the
    // same script answer differently the second time ("too late to count"). A fresh file each run.
    Path throwaway = Files.createTempDirectory("dbq-console-");
    try {
      return run(loaded.withDatabase("jdbc:sqlite:" + throwaway.resolve("dbq.db")), where, name, start);
    } finally {
      deleteTree(throwaway);
    }
  }

  private int run(DbqConfig loaded, String where, String name, Instant start) {
    return console(loaded, Startup.library(loaded, System.err), random(), where, name, start).run();
  }

  /** The console on a bot built from {@code config} with the console as its one platform. */
  static ConsoleApp console(DbqConfig config, BankLibrary library, RandomGenerator random, String channel, String user, Instant start) {
    return new ConsoleApp(
        (console, clock) -> BotRuntime.start(config, library, List.of(console), clock, random, HttpRoutes.NONE)::close,
        config.rounds().zone(), channel, user, start);
  }

  private static void deleteTree(Path folder) throws IOException {
    try (Stream<Path> paths = Files.walk(folder)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(path);
      }
    }
  }

  private RandomGenerator random() {
    return seed == null ? RandomGenerator.getDefault() : new SplittableRandom(seed);
  }
}
