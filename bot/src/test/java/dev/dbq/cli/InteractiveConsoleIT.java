package dev.dbq.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dbq.testsupport.BotProcess;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The console as a person at a terminal meets it: the shaded jar with JLine on a pseudo-terminal
 * (util-linux's {@code script} makes one), not the script mode that piped input gets.
 */
class InteractiveConsoleIT {

  private static final Duration WAIT = Duration.ofSeconds(60);
  private static final String BOLD = "\u001b[1m";

  @TempDir Path scratch;

  @Test
  void aPersonAtATerminalGetsAPromptAnAnswerInBoldAndQuitsCleanly() throws Exception {
    // GIVEN dbq started at a terminal, with no tokens and no content folder
    try (AtATerminal terminal = AtATerminal.start(scratch)) {
      terminal.awaitOutput("dbq console in #general as you");

      // WHEN they ask for a question, then quit
      terminal.type("/dbq show q3\n");
      terminal.awaitOutput("Explain CAP theorem");
      terminal.type(":quit\n");

      // THEN the answer came with the terminal's own bold, and dbq ended normally
      assertEquals(0, terminal.awaitExit(), terminal.output());
      String output = terminal.output();
      assertTrue(output.contains(BOLD + "Q3 · Explain CAP theorem"), output);
      assertTrue(output.contains("[Detailed answer]"), output);
      assertFalse(output.contains("Exception"), output);
      assertTrue(Files.readString(scratch.resolve(".dbq_history")).contains("/dbq show q3"), "the line history is kept for the next start");
    }
  }

  /** dbq in a pseudo-terminal: what is typed goes in, all it shows is collected as it comes. */
  private static final class AtATerminal implements AutoCloseable {
    private final Process process;
    private final StringBuilder output = new StringBuilder();
    private boolean ended;

    private AtATerminal(Process process) {
      this.process = process;
      Thread reader = new Thread(this::collect, "terminal-output");
      reader.setDaemon(true);
      reader.start();
    }

    static AtATerminal start(Path home) throws IOException {
      ProcessBuilder builder = new ProcessBuilder(List.of(
          "script", "--quiet", "--return", "--command", BotProcess.JAVA + " -Duser.home=" + home + " -jar " + BotProcess.JAR, "/dev/null"))
          .directory(home.toFile())
          .redirectErrorStream(true);
      builder.environment().keySet().removeIf(name -> name.startsWith("SLACK_") || name.startsWith("DISCORD_") || name.startsWith("DBQ_"));
      builder.environment().put("TERM", "xterm-256color");
      builder.environment().put("DBQ_DATABASE_URL", "jdbc:sqlite:" + home.resolve("dbq.db"));
      try {
        return new AtATerminal(builder.start());
      } catch (IOException e) {
        throw new IOException("this test needs util-linux's `script` on the PATH (Debian: bsdutils) to make a terminal", e);
      }
    }

    void type(String keys) throws IOException {
      OutputStream in = process.getOutputStream();
      in.write(keys.getBytes(StandardCharsets.UTF_8));
      in.flush();
    }

    /** Waits, woken by each new output, until the terminal shows {@code text}. */
    synchronized void awaitOutput(String text) throws InterruptedException {
      long deadline = System.nanoTime() + WAIT.toNanos();
      while (output.indexOf(text) < 0) {
        long left = deadline - System.nanoTime();
        if (left <= 0 || ended) {
          throw new AssertionError("no \"" + text + "\" on the terminal" + (ended ? " before dbq ended" : " within " + WAIT) + ":\n" + output);
        }
        TimeUnit.NANOSECONDS.timedWait(this, left);
      }
    }

    int awaitExit() throws InterruptedException {
      if (!process.waitFor(WAIT.toSeconds(), TimeUnit.SECONDS)) {
        throw new AssertionError("dbq did not quit:\n" + output());
      }
      return process.exitValue();
    }

    synchronized String output() {
      return output.toString();
    }

    private void collect() {
      char[] buffer = new char[8192];
      try (Reader from = new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8)) {
        for (int n = from.read(buffer); n >= 0; n = from.read(buffer)) {
          synchronized (this) {
            output.append(buffer, 0, n);
            notifyAll();
          }
        }
      } catch (IOException closed) {
        // The terminal is gone with the process: what it showed is collected.
      }
      synchronized (this) {
        ended = true;
        notifyAll();
      }
    }

    @Override
    public void close() {
      process.destroyForcibly();
    }
  }
}
