package dev.dbq.console;

import dev.dbq.app.Platform;
import dev.dbq.chat.ChannelKey;
import dev.dbq.render.TerminalRenderer;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.function.Consumer;
import org.jline.reader.EndOfFileException;
import org.jline.reader.LineReader;
import org.jline.reader.LineReaderBuilder;
import org.jline.reader.UserInterruptException;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;
import org.slf4j.LoggerFactory;

/**
 * Runs the console: interactively with a prompt and history in a terminal, or as a script (no
 * prompt, exit at the end of input) from a file or pipe.
 */
public final class ConsoleApp {

  private static final int SCRIPT_WIDTH = 100;

  /**
   * Starts the bot with the console as its one platform, on the console's clock (the wiring's
   * job: the console sees the bot only through the in-ports its platform is started with).
   */
  @FunctionalInterface
  public interface Launcher {
    Running launch(Platform console, Clock clock);
  }

  /** The running bot; closing it stops the bot. */
  public interface Running extends AutoCloseable {
    @Override
    void close();
  }

  private final Launcher launcher;
  private final ZoneId zone;
  private final ChannelKey channel;
  private final String user;
  private final Instant start;

  /**
   * @param zone the time zone of the rounds ({@code rounds.zone}), the console clock's
   * @param start the simulated start time ({@code --now}), or null for the real time
   */
  public ConsoleApp(Launcher launcher, ZoneId zone, String channel, String user, Instant start) {
    this.launcher = launcher;
    this.zone = zone;
    this.channel = ConsoleSession.channelKey(channel);
    this.user = user;
    this.start = start;
  }

  /** Runs until end of input; returns the exit code. */
  public int run() {
    if (start != null) {
      try {
        ConsoleClock.checkSupported(start);
      } catch (IllegalArgumentException outside) {
        System.err.println(outside.getMessage() + " Pick a --now within it.");
        return 2;
      }
    }
    quietLogs();
    if (System.console() == null) {
      PrintStream out = System.out;
      runScript(System.in, new TerminalRenderer(SCRIPT_WIDTH, false), text -> print(out, text));
    } else {
      runInteractive();
    }
    return 0;
  }

  /** Runs every line of {@code input}, writing what the bot and the console say to {@code out}. */
  public void runScript(InputStream input, TerminalRenderer renderer, Consumer<String> out) {
    try (Connected connected = connect(renderer, out);
        BufferedReader in = new BufferedReader(new InputStreamReader(input, StandardCharsets.UTF_8))) {
      ConsoleSession session = connected.session();
      for (String line = in.readLine(); line != null; line = in.readLine()) {
        session.handle(line);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("reading standard input failed", e);
    }
  }

  private void runInteractive() {
    try (Terminal terminal = TerminalBuilder.builder().system(true).build()) {
      int width = Math.max(40, Math.min(terminal.getWidth() > 0 ? terminal.getWidth() : 100, 120));
      LineReader reader =
          LineReaderBuilder.builder()
              .terminal(terminal)
              .appName("dbq")
              .variable(LineReader.HISTORY_FILE, Path.of(System.getProperty("user.home"), ".dbq_history"))
              .build();
      // printAbove keeps the prompt intact when the scheduler posts while the user types.
      Consumer<String> out = text -> reader.printAbove(text + "\n");
      TerminalRenderer renderer = new TerminalRenderer(width, true);
      try (Connected connected = connect(renderer, out)) {
        ConsoleSession session = connected.session();
        out.accept("dbq console in #" + channel.channel() + " as " + user
            + ". Try /dbq help; :help lists console lines; Ctrl-D quits.");
        while (true) {
          String line;
          try {
            line = reader.readLine(session.user() + "@#" + channel.channel() + "> ");
          } catch (UserInterruptException e) {
            continue;
          } catch (EndOfFileException e) {
            return;
          }
          if (line.strip().equals(":quit") || line.strip().equals(":exit")) {
            return;
          }
          session.handle(line);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("the terminal could not be opened", e);
    }
  }

  /** The running bot and the session the console talks to, closed together. */
  private record Connected(Running runtime, ConsoleSession session) implements AutoCloseable {
    @Override
    public void close() {
      runtime.close();
    }
  }

  private Connected connect(TerminalRenderer renderer, Consumer<String> out) {
    ConsoleClock clock = new ConsoleClock(zone, start);
    ConsolePlatform console = new ConsolePlatform(new ConsoleChannel(renderer, out), clock, channel, user);
    Running runtime = launcher.launch(console, clock);
    ConsoleSession session = console.session();
    try {
      session.begin();
    } catch (RuntimeException e) {
      runtime.close();
      throw e;
    }
    return new Connected(runtime, session);
  }

  /**
   * The console shares the terminal with its log: only warnings show unless DBQ_LOG_LEVEL asks
   * for more (a server run keeps INFO, see logback.xml).
   */
  private static void quietLogs() {
    if (System.getenv("DBQ_LOG_LEVEL") == null
        && LoggerFactory.getLogger("dev.dbq") instanceof ch.qos.logback.classic.Logger logger) {
      logger.setLevel(ch.qos.logback.classic.Level.WARN);
    }
  }

  private static void print(PrintStream out, String text) {
    out.println(text);
    out.println();
  }
}
