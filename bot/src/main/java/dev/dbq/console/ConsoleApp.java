package dev.dbq.console;

import dev.dbq.bank.BankLibrary;
import dev.dbq.command.Commands;
import dev.dbq.render.TerminalRenderer;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.random.RandomGenerator;
import org.jline.reader.EndOfFileException;
import org.jline.reader.LineReader;
import org.jline.reader.LineReaderBuilder;
import org.jline.reader.UserInterruptException;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;

/**
 * Runs a {@link ConsoleSession} on standard input and output: interactively with a prompt and
 * history in a terminal, or as a script (no prompt, exit at the end) from a file or pipe.
 */
public final class ConsoleApp {

  private static final int SCRIPT_WIDTH = 100;

  private ConsoleApp() {}

  /**
   * Builds the session for the loaded banks and runs it until end of input: interactively when
   * standard input and output are a terminal, else as a script. Returns the exit code.
   */
  public static int start(BankLibrary library, RandomGenerator random, String channel, String user) {
    Commands commands = Commands.create(library, random);
    if (System.console() == null) {
      var session = new ConsoleSession(commands, new TerminalRenderer(SCRIPT_WIDTH, false)::render, channel, user);
      runScript(session, System.in, System.out);
    } else {
      runInteractive(commands, channel, user);
    }
    return 0;
  }

  /** Runs every line of {@code input} and prints what each gives. */
  public static void runScript(ConsoleSession session, InputStream input, PrintStream out) {
    try (BufferedReader in = new BufferedReader(new InputStreamReader(input, StandardCharsets.UTF_8))) {
      for (String line = in.readLine(); line != null; line = in.readLine()) {
        print(out, session.handle(line));
      }
    } catch (IOException e) {
      throw new UncheckedIOException("reading standard input failed", e);
    }
  }

  private static void runInteractive(Commands commands, String channel, String user) {
    try (Terminal terminal = TerminalBuilder.builder().system(true).build()) {
      int width = Math.max(40, Math.min(terminal.getWidth() > 0 ? terminal.getWidth() : 100, 120));
      var session = new ConsoleSession(commands, new TerminalRenderer(width, true)::render, channel, user);
      LineReader reader =
          LineReaderBuilder.builder()
              .terminal(terminal)
              .appName("dbq")
              .variable(LineReader.HISTORY_FILE, Path.of(System.getProperty("user.home"), ".dbq_history"))
              .build();
      PrintStream out = new PrintStream(terminal.output(), true, StandardCharsets.UTF_8);
      out.println("dbq console in #" + channel + " as " + user + ". Try /dbq help; :help for console lines; Ctrl-D quits.");
      while (true) {
        String line;
        try {
          line = reader.readLine(session.user() + "@#" + channel + "> ");
        } catch (UserInterruptException e) {
          continue;
        } catch (EndOfFileException e) {
          return;
        }
        if (line.strip().equals(":quit") || line.strip().equals(":exit")) {
          return;
        }
        print(out, session.handle(line));
      }
    } catch (IOException e) {
      throw new UncheckedIOException("the terminal could not be opened", e);
    }
  }

  private static void print(PrintStream out, String text) {
    if (!text.isEmpty()) {
      out.println(text);
      out.println();
    }
  }
}
