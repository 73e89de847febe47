package dev.dbq.cli;

import dev.dbq.config.DbqConfig;
import dev.dbq.console.ConsoleApp;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import java.util.random.RandomGenerator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code console}: the local chat on standard input and output. */
@Command(
    name = "console",
    mixinStandardHelpOptions = true,
    description = {
      "The local chat: type /dbq commands and console lines (:as, :click, :reply, :time, :qotd).",
      "With standard input from a file or pipe, runs it as a script and exits at its end."
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

  @Override
  public Integer call() {
    DbqConfig loaded = config.load();
    String name = user != null ? user : loaded.console().user();
    String where = channel != null ? channel : loaded.console().channel();
    Instant start = now == null ? null : now.atZone(loaded.rounds().zone()).toInstant();
    return new ConsoleApp(loaded, Startup.library(loaded, System.err), random(), where, name, start).run();
  }

  private RandomGenerator random() {
    return seed == null ? RandomGenerator.getDefault() : new SplittableRandom(seed);
  }
}
