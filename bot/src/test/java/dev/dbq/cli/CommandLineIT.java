package dev.dbq.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.dbq.testsupport.BotProcess;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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

  private static final Path REPOSITORY = Path.of("..").toAbsolutePath().normalize();

  @TempDir Path scratch;

  private record Run(int exit, String out, String err) {}

  private Run run(Path directory, String stdin, String... args) throws IOException, InterruptedException {
    return run(Map.of("DBQ_DATABASE_URL", "jdbc:sqlite:" + scratch.resolve("dbq.db")), directory, stdin, args);
  }

  private Run run(Map<String, String> environment, Path directory, String stdin, String... args)
      throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of(BotProcess.JAVA, "-jar", BotProcess.JAR.toString()));
    command.addAll(List.of(args));
    ProcessBuilder builder = new ProcessBuilder(command).directory(directory.toFile());
    builder.environment().remove("DBQ_CONFIG");
    builder.environment().putAll(environment);
    Path out = scratch.resolve("out.txt");
    Path err = scratch.resolve("err.txt");
    Path in = scratch.resolve("in.txt");
    Files.writeString(in, stdin);
    builder.redirectInput(in.toFile()).redirectOutput(out.toFile()).redirectError(err.toFile());
    Process process = builder.start();
    assertTrue(process.waitFor(120, TimeUnit.SECONDS), "dbq did not finish: " + command);
    return new Run(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8));
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
  void theConsoleRunsOnTheBundledBankAnywhere() throws Exception {
    // when: no content/ folder in this directory
    Run run = run(scratch, "/dbq show q2\n", "console");

    // then
    assertEquals(0, run.exit(), run.err());
    assertTrue(run.err().contains("the bundled bank"), run.err());
    assertTrue(run.out().contains("Q2 · Compare different isolation levels and their use cases"), run.out());
  }

  @Test
  void theReadmesTwoWeeksCommandPrintsTheExamplesPromisedStreaksOnEveryRun() throws Exception {
    // given: the README's command exactly as written
    String command = Files.readString(REPOSITORY.resolve("README.md")).lines()
        .filter(line -> line.startsWith("java -jar bot/target/dbq-bot.jar ") && line.contains("two-weeks.txt"))
        .findFirst()
        .orElseThrow();
    java.util.regex.Matcher parts = java.util.regex.Pattern.compile("^java -jar bot/target/dbq-bot\\.jar (.+) < (\\S+)$").matcher(command);
    assertTrue(parts.matches(), command);
    String script = Files.readString(REPOSITORY.resolve(parts.group(2)));
    String promised = "Current streak: 2 · Best streak: 3 · Team streak: 1 (best 3)";
    assertTrue(script.contains("Team streak: 1 (best 3)"), "the example promises what is checked here");

    // when: twice, as someone trying it again does
    for (int attempt = 1; attempt <= 2; attempt++) {
      Run run = run(REPOSITORY, script, parts.group(1).split(" "));

      // then
      assertEquals(0, run.exit(), run.err());
      assertEquals(List.of(promised, promised), run.out().lines().filter(l -> l.startsWith("Current streak:")).toList(),
          "run " + attempt + ":\n" + run.out());
      assertFalse(run.out().contains("too late to count"), "run " + attempt + ":\n" + run.out());
    }
  }

  @Test
  void runWithoutCredentialsAndWithoutATerminalNamesTheVariablesToSetAndExitsOne() throws Exception {
    // given: no token in the environment, standard input from a file (as in a container)
    Map<String, String> environment = new java.util.HashMap<>(Map.of("DBQ_DATABASE_URL", "jdbc:sqlite:" + scratch.resolve("dbq.db")));
    List.of("SLACK_BOT_TOKEN", "SLACK_SIGNING_SECRET", "SLACK_APP_TOKEN", "DISCORD_BOT_TOKEN").forEach(v -> environment.put(v, ""));

    // when
    Run run = run(environment, scratch, "/dbq show q2\n", "run");

    // then: one line, no console output
    assertEquals(1, run.exit(), run.err());
    assertEquals("dbq: " + RunCommand.NOTHING_TO_RUN, run.err().strip());
    assertTrue(run.err().contains("SLACK_BOT_TOKEN and SLACK_SIGNING_SECRET") && run.err().contains("SLACK_APP_TOKEN")
        && run.err().contains("DISCORD_BOT_TOKEN"), run.err());
    assertEquals("", run.out());
  }

  @Test
  void aConfigGivenBeforeTheCommandIsTheOneTheConsoleLoads() throws Exception {
    // given
    Files.writeString(scratch.resolve("bad.yml"), "rounds:\n  zone: Mars/Olympus\n");

    // when
    Run run = run(scratch, "/dbq\n", "--config", "bad.yml", "console");

    // then
    assertEquals(1, run.exit(), run.err());
    assertTrue(run.err().strip().endsWith("dbq: bad.yml:2: rounds.zone: unknown time zone 'Mars/Olympus' (use an IANA name like Europe/Berlin)"),
        run.err());
  }

  @Test
  void theBundledBankHasTheSameIdsAsTheShippedFile() throws Exception {
    // when: no content/ folder in this directory
    Run run = run(scratch, "/dbq show database-architecture/q5\n", "console");

    // then
    assertEquals(0, run.exit(), run.err());
    assertTrue(run.out().startsWith("Q5 · "), run.out());
  }

  @Test
  void consoleNamesDifferingOnlyInCaseAreOnePerson() throws Exception {
    // given: the round of Monday 7 December is open
    String script = ":time 2026-12-07T09:05\n:as Alice\n:reply a\n:as alice\n:reply b\n/dbq leaderboard\n";

    // when
    Run run = run(scratch, script, "console", "--now", "2026-12-07T08:00");

    // then
    assertEquals(0, run.exit(), run.err());
    assertTrue(run.out().contains("(alice: already counted for today's question)"), run.out());
    assertEquals(1, run.out().lines().filter(line -> line.contains("Rounds answered:")).count(), "one leaderboard line:\n" + run.out());
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
  void bankExportOfABrokenBankStillPrintsTheJsonButExitsOne() throws Exception {
    // given
    Files.writeString(scratch.resolve("broken.md"), "---\ntitle: [unclosed\n---\n# Broken\n");
    Files.writeString(scratch.resolve("good.md"), "### Q1: Fine\n#### Quick Answer\nYes.\n");

    // when
    Run run = run(scratch, "", "bank", "export", "broken.md", "good.md");

    // then
    assertEquals(1, run.exit(), run.err());
    JsonNode export = new ObjectMapper().readTree(run.out());
    assertEquals(1, export.get("banks").size());
    assertEquals("error", export.get("problems").get(0).get("severity").asText());
    assertEquals("dbq: 1 bank file has errors (see \"problems\"; bank lint lists them)", run.err().strip());
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
  void configCheckRefusesRoundFiltersThatMatchNoQuestionWithADidYouMean() throws Exception {
    // given
    Files.writeString(scratch.resolve("typo.yml"), "rounds:\n  zone: UTC\n  filters: \"difficulty:staf\"\n");

    // when
    Run run = run(REPOSITORY, "", "config", "check", scratch.resolve("typo.yml").toString());

    // then
    assertEquals(2, run.exit(), run.out() + run.err());
    assertTrue(run.out().strip().startsWith(scratch.resolve("typo.yml") + ":3: rounds.filters: No question has difficulty `staf`."
        + " Did you mean `difficulty:staff`?"), run.out());
  }

  @Test
  void theBotRefusesToStartWithRoundFiltersThatMatchNoQuestion() throws Exception {
    // given
    Files.writeString(scratch.resolve("typo.yml"), "rounds:\n  filters: \"difficulty:staff company:nobody-inc\"\n");

    // when
    Run run = run(scratch, "/dbq\n", "console", "--config", "typo.yml");

    // then
    assertEquals(1, run.exit(), run.err());
    String last = run.err().strip().lines().reduce((a, b) -> b).orElse("");
    assertTrue(last.startsWith("dbq: typo.yml:2: rounds.filters: No question has company `nobody-inc`."), run.err());
    assertEquals("", run.out());
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

  /** A refused or unreachable database: one line saying what is wrong and what to do. */
  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "nothing listens           | jdbc:postgresql://127.0.0.1:1/test                     | nothing answers at 127.0.0.1:1",
        "unknown host              | jdbc:postgresql://no-such-host.invalid/test            | unknown host",
        "unknown database          | jdbc:postgresql://127.0.0.1:5432/no_such_db?user=postgres | database \"no_such_db\" does not exist",
        "unknown role              | jdbc:postgresql://127.0.0.1:5432/test?user=no_such_role | role \"no_such_role\" does not exist",
        "a directory               | jdbc:sqlite:.                                          | is a folder",
        "not a database            | jdbc:sqlite:not-a-database.txt                         | is not a SQLite database",
        "empty path                | jdbc:sqlite:                                           | SQLite needs a file",
      })
  void aBadDatabaseUrlIsOneLineNamingTheProblemAndTheFix(String kind, String url, String problem) throws Exception {
    // given
    Files.writeString(scratch.resolve("not-a-database.txt"), "hello, I am text\n".repeat(100));

    // when
    Run run = run(Map.of("DBQ_DATABASE_URL", url), scratch, "/dbq\n", "console");

    // then
    assertEquals(1, run.exit(), run.err());
    String last = run.err().strip().lines().reduce((a, b) -> b).orElse("");
    assertTrue(last.startsWith("dbq: Cannot open database "), run.err());
    assertTrue(last.contains(problem), run.err());
    assertTrue(last.contains("database.url"), "says what to change: " + run.err());
    assertFalse(run.err().contains("\tat ") || run.err().contains("unexpected") || run.err().contains("ERROR"), run.err());
  }

  /** However the password is written, it never reaches standard output or error, logs included. */
  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "user info, nothing listens   | jdbc:postgresql://postgres:hunter2@127.0.0.1:5999/test",
        "user info, server answers    | jdbc:postgresql://postgres:hunter2@127.0.0.1:5432/test",
        "percent-encoded user info    | jdbc:postgresql://postgres:hunt%65r2@127.0.0.1:5999/test",
        "query parameters             | jdbc:postgresql://127.0.0.1:5999/test?user=postgres&password=hunter2",
        "password first, unknown role | jdbc:postgresql://127.0.0.1:5432/test?password=hunter2&user=no_such_role",
        "percent-encoded parameter    | jdbc:postgresql://127.0.0.1:5999/test?user=postgres&password=hunt%65r2",
        "ssl key password             | jdbc:postgresql://127.0.0.1:5999/test?sslpassword=hunter2",
        "unsupported scheme           | jdbc:postgres://postgres:hunter2@127.0.0.1:5432/test",
        "sqlite with a password       | jdbc:sqlite:/proc/no-such-folder/dbq.db?password=hunter2",
      })
  void noFormOfDatabaseUrlShowsItsPassword(String kind, String url) throws Exception {
    // when: with debug logging, so that every log line the libraries write is shown too
    Run run = run(Map.of("DBQ_DATABASE_URL", url, "DBQ_LOG_LEVEL", "debug"), scratch, "/dbq\n", "console");

    // then
    String shown = run.out() + run.err();
    assertTrue(run.err().contains("dbq: "), shown);
    assertFalse(shown.contains("hunter2") || shown.contains("hunt%65r2"), shown);
  }
}
