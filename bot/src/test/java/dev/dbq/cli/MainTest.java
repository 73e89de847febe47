package dev.dbq.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import picocli.CommandLine.ParseResult;

/** The command line as {@link Main} builds it, in this process: what each command gets from its options. */
class MainTest {

  @TempDir Path scratch;

  private final StringWriter out = new StringWriter();

  private int execute(String... args) {
    CommandLine line = Main.commandLine();
    line.setOut(new PrintWriter(out, true));
    line.setErr(new PrintWriter(new StringWriter(), true));
    return line.execute(args);
  }

  private static <T> T commandOf(ParseResult parsed, Class<T> type) {
    for (ParseResult at = parsed; at != null; at = at.subcommand()) {
      if (type.isInstance(at.commandSpec().userObject())) {
        return type.cast(at.commandSpec().userObject());
      }
    }
    throw new AssertionError("no " + type.getSimpleName() + " in the parse");
  }

  @Test
  void configGivenBeforeConfigCheckIsTheFileChecked() throws Exception {
    // given
    Path bad = Files.writeString(scratch.resolve("bad.yml"), "rounds:\n  zone: Mars/Olympus\n");

    // when
    int exit = execute("--config", bad.toString(), "config", "check");

    // then
    assertEquals(CliExit.USAGE, exit, out.toString());
    assertTrue(out.toString().startsWith(bad + ":2: rounds.zone: unknown time zone 'Mars/Olympus'"), out.toString());
  }

  @Test
  void aFileNamedAfterConfigCheckWinsOverTheRootOption() throws Exception {
    // given
    Path bad = Files.writeString(scratch.resolve("bad.yml"), "rounds:\n  zone: Mars/Olympus\n");
    Path good = Files.writeString(scratch.resolve("good.yml"), "rounds:\n  zone: Europe/Berlin\ncontent:\n  paths: []\n");

    // when
    CommandLine line = Main.commandLine();
    ConfigCommand.Check check = commandOf(line.parseArgs("--config", bad.toString(), "config", "check", good.toString()),
        ConfigCommand.Check.class);

    // then
    assertEquals(good, check.file);
  }

  @Test
  void configGivenBeforeConsoleOrRunIsTheOneTheyLoad() {
    // given
    Path file = scratch.resolve("team.yml");

    // when
    ConsoleCommand console = commandOf(Main.commandLine().parseArgs("--config", file.toString(), "console"), ConsoleCommand.class);
    RunCommand run = commandOf(Main.commandLine().parseArgs("--config", file.toString(), "run"), RunCommand.class);

    // then
    assertEquals(file, console.config.file());
    assertEquals(file, run.config.file());
  }

  @Test
  void configGivenAfterTheCommandWinsOverTheOneBeforeIt() {
    // when
    ConsoleCommand console = commandOf(
        Main.commandLine().parseArgs("--config", "outer.yml", "console", "--config", "inner.yml"), ConsoleCommand.class);

    // then
    assertEquals(Path.of("inner.yml"), console.config.file());
  }

  @Test
  void withNoConfigAnywhereTheDefaultsApply() {
    // when
    ConsoleCommand console = commandOf(Main.commandLine().parseArgs("console"), ConsoleCommand.class);

    // then
    assertEquals(null, console.config.file());
  }
}
