package dev.dbq.bank;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Big banks under a small heap, in child JVMs started with {@code -Xmx128m}: 10,000 questions
 * load with room for a reload beside them, and a bank too big for the heap is refused with one
 * line through the real start-up path, never an OutOfMemoryError.
 */
class BankHeapTest {

  private static final String JAVA = Path.of(System.getProperty("java.home"), "bin", "java").toString();
  private static final String HEAP = "-Xmx128m";

  @TempDir Path dir;

  @Test
  void tenThousandQuestionsLoadUnder128MbAndAReloadFitsBesideThem() throws Exception {
    // given ten bank files of 1,000 questions each (about 37 MB of Markdown)
    Path content = Files.createDirectory(dir.resolve("content"));
    for (int file = 0; file < 10; file++) {
      String id = "generated-" + file;
      Files.writeString(content.resolve(id + ".md"), GeneratedBanks.bank(id, 1000, file), StandardCharsets.UTF_8);
    }

    // when they are loaded, then loaded again beside the live ones, in a JVM with a 128 MB heap
    Child child = run(BankHeapProbe.class.getName(), content.toString());

    // then both loads hold every question, with no error and no OutOfMemoryError
    assertEquals(0, child.exit(), child.output());
    assertTrue(child.output().contains("loaded 10000 questions"), child.output());
    assertTrue(child.output().contains("reload: Reloaded 10000 questions"), child.output());
    assertFalse(child.output().contains("OutOfMemoryError"), child.output());
  }

  @Test
  void aBankTooBigForTheHeapIsRefusedAtStartWithOneLineAndNoTrace() throws Exception {
    // given one 48 MB bank, allowed by content.max_file_size but far beyond a 128 MB heap's room
    Path bank = dir.resolve("huge.md");
    String thousand = GeneratedBanks.bank("huge", 1000, 1);
    Files.writeString(bank, thousand.substring(0, thousand.indexOf("### Q1:")), StandardCharsets.UTF_8);
    String questions = thousand.substring(thousand.indexOf("### Q1:"));
    for (int copy = 0; copy < 16; copy++) {
      Files.writeString(bank, questions.replace("### Q", "### Q" + copy + "0"), StandardCharsets.UTF_8, java.nio.file.StandardOpenOption.APPEND);
    }
    Path config = dir.resolve("dbq.yml");
    Files.writeString(config, "content:\n  paths: [" + bank + "]\n  max_file_size: 1GB\n");

    // when the bot starts with it (the console, as `run` without credentials on a terminal)
    Child child = run("dev.dbq.cli.Main", "--config", config.toString(), "console");

    // then it stops with one line naming the file and its size, and the exit code of a failure
    assertEquals(1, child.exit(), child.output());
    List<String> refusal = child.output().lines().filter(line -> line.startsWith(bank.toString().replace('\\', '/'))).toList();
    assertEquals(1, refusal.size(), child.output());
    assertTrue(refusal.get(0).matches(".*:1: error: the file \\(\\d+\\.\\d MB\\) needs about .* of heap to load.*"), refusal.get(0));
    assertFalse(child.output().contains("OutOfMemoryError"), child.output());
    assertFalse(child.output().contains("\tat "), child.output());
  }

  private record Child(int exit, String output) {}

  private Child run(String mainClass, String... args) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of(JAVA, HEAP, "-cp", System.getProperty("java.class.path"), mainClass));
    command.addAll(List.of(args));
    Path output = dir.resolve("output.txt");
    ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
        .redirectOutput(output.toFile()).redirectInput(ProcessBuilder.Redirect.from(Files.writeString(dir.resolve("in.txt"), "").toFile()));
    builder.environment().put("DBQ_DATABASE_URL", "jdbc:sqlite:" + dir.resolve("dbq.db"));
    builder.environment().keySet().removeIf(name -> name.startsWith("SLACK_") || name.startsWith("DISCORD_") || name.equals("DBQ_CONFIG"));
    Process process = builder.start();
    assertTrue(process.waitFor(90, TimeUnit.SECONDS), "the child JVM did not finish: " + command);
    return new Child(process.exitValue(), Files.readString(output, StandardCharsets.UTF_8));
  }
}
