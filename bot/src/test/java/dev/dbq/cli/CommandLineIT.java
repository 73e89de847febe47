package dev.dbq.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The shaded jar as users run it (DESIGN.md section 2), in a child process: exit codes, standard
 * output and one-line errors. Runs in {@code mvn verify}, after the jar is built.
 */
class CommandLineIT {

  private static final Path JAR = Path.of(System.getProperty("dbq.jar", "target/dbq-bot.jar")).toAbsolutePath();
  private static final Path REPOSITORY = Path.of("..").toAbsolutePath().normalize();

  @TempDir Path scratch;

  private record Run(int exit, String out, String err) {}

  private Run run(Path directory, String stdin, String... args) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of(javaBinary(), "-jar", JAR.toString()));
    command.addAll(List.of(args));
    ProcessBuilder builder = new ProcessBuilder(command).directory(directory.toFile());
    builder.environment().put("DBQ_DATABASE_URL", "jdbc:sqlite:" + scratch.resolve("dbq.db"));
    builder.environment().remove("DBQ_CONFIG");
    Path out = scratch.resolve("out.txt");
    Path err = scratch.resolve("err.txt");
    Path in = scratch.resolve("in.txt");
    Files.writeString(in, stdin);
    builder.redirectInput(in.toFile()).redirectOutput(out.toFile()).redirectError(err.toFile());
    Process process = builder.start();
    assertTrue(process.waitFor(120, TimeUnit.SECONDS), "dbq did not finish: " + command);
    return new Run(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8));
  }

  private static String javaBinary() {
    return Path.of(System.getProperty("java.home"), "bin", "java").toString();
  }

  @Test
  void consoleRunsAPipedScriptAndPrintsAStaffQuestionWithItsQuickAnswer() throws Exception {
    // when
    Run run = run(REPOSITORY, "/dbq random difficulty:staff\n", "console");

    // then
    assertEquals(0, run.exit(), run.err());
    assertTrue(run.out().contains("Staff ·"), run.out());
    assertTrue(run.out().contains("[Detailed answer]"), run.out());
    assertTrue(run.err().contains("Loaded 12 questions and 3 scenarios from content"), run.err());
  }

  @Test
  void runWithoutCredentialsOpensTheConsoleOnTheBundledBankAnywhere() throws Exception {
    // when: no content/ folder in this directory
    Run run = run(scratch, "/dbq show q2\n", "run");

    // then
    assertEquals(0, run.exit(), run.err());
    assertTrue(run.err().contains("starting the local console"), run.err());
    assertTrue(run.err().contains("the bundled bank"), run.err());
    assertTrue(run.out().contains("Q2 · Compare different isolation levels and their use cases"), run.out());
  }

  @Test
  void bankLintPrintsTheSixRepairsAndTheQuestionCountAsWarningsAndExitsZero() throws Exception {
    // when
    Run run = run(REPOSITORY, "", "bank", "lint", "content/");

    // then
    assertEquals(0, run.exit(), run.err());
    List<String> lines = run.out().lines().toList();
    assertEquals(7, lines.size(), run.out());
    for (int line : new int[] {7, 99, 225, 374, 545, 750, 1083}) {
      assertTrue(
          lines.stream().anyMatch(l -> l.startsWith("content/database-architecture.md:" + line + ": warning: ")),
          () -> "no warning at line " + line + ":\n" + run.out());
    }
  }

  @Test
  void bankExportGivesTheQuestionsAndScenariosAsJson() throws Exception {
    // when
    Run run = run(REPOSITORY, "", "bank", "export", "content/");

    // then
    assertEquals(0, run.exit(), run.err());
    JsonNode bank = new ObjectMapper().readTree(run.out()).get("banks").get(0);
    assertEquals(12, bank.get("questions").size());
    assertEquals(3, bank.get("scenarios").size());
    assertEquals("Compare different isolation levels and their use cases", bank.get("questions").get(1).get("title").asText());
    assertEquals(225, bank.get("questions").get(3).get("line").asInt());
  }

  @Test
  void bankLintOfABrokenBankExitsOneWithTheErrorsLine() throws Exception {
    // given
    Files.writeString(scratch.resolve("broken.md"), "---\ntitle: [unclosed\n---\n# Broken\n");

    // when
    Run run = run(scratch, "", "bank", "lint", "broken.md");

    // then
    assertEquals(1, run.exit(), run.err());
    assertTrue(run.out().startsWith("broken.md:"), run.out());
    assertTrue(run.out().contains(": error: "), run.out());
  }

  @Test
  void configCheckNamesTheKeyAndLineAndExitsTwo() throws Exception {
    // given
    Files.writeString(scratch.resolve("bad.yml"), "rounds:\n  zone: Mars/Olympus\n");

    // when
    Run run = run(scratch, "", "config", "check", "bad.yml");

    // then
    assertEquals(2, run.exit());
    assertEquals("bad.yml:2: rounds.zone: unknown time zone 'Mars/Olympus' (use an IANA name like Europe/Berlin)", run.out().strip());
  }

  @Test
  void theShippedConfigChecksOut() throws Exception {
    Run run = run(REPOSITORY, "", "config", "check", "config/dbq.yml");
    assertEquals(0, run.exit(), run.out() + run.err());
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "frobnicate                    | 2",
        "console --now yesterday       | 2",
        "console --user                | 2",
        "bank                          | 2",
        "--config missing.yml          | 1",
      })
  void badArgumentsGetOneLineAndANonZeroExit(String args, int exit) throws Exception {
    // when
    Run run = run(scratch, "", args.split(" "));

    // then
    assertEquals(exit, run.exit(), run.err());
    assertEquals(1, run.err().strip().lines().count(), run.err());
    assertTrue(run.err().startsWith("dbq: "), run.err());
    assertFalse(run.err().contains("\tat "), run.err());
  }
}
