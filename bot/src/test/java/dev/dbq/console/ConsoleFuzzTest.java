package dev.dbq.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dbq.app.BotRuntime;
import dev.dbq.app.HttpRoutes;
import dev.dbq.config.ConfigLoader;
import dev.dbq.config.DbqConfig;
import dev.dbq.render.TerminalRenderer;
import dev.dbq.testsupport.Backend;
import dev.dbq.testsupport.TestBanks;
import dev.dbq.testsupport.TestDatabase;
import dev.dbq.testsupport.UserTextProbe;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * Thousands of generated console lines of every kind that went wrong before (mentions, control
 * and bidi characters, 100 KB lines, huge numbers, bad times, unknown verbs, stray quotes) run
 * through the real console: nothing reaches the user but bounded, neutralised one-liners and
 * replies. Seeded, so a failure names a line that can be replayed.
 */
class ConsoleFuzzTest {

  private static final long SEED = 20261207L;
  private static final int LINES = 3_000;
  /** The longest reply the bot gives (a detailed answer with its code) is well under this. */
  private static final int MAX_REPLY = 20_000;

  private static final List<String> PINGS =
      List.of("@everyone", "@here", "@channel", "<!channel>", "<!here>", "<!everyone>", "<@U024BE7LH>", "<@!1234567890>", "<@&987654321>", "<#C0123>");
  private static final List<String> NASTY =
      List.of("\u001b[2J", "\u001b]0;x\u0007", "\u0007", "\u0000", "\u009b31m", "\u007f", "\r", "\u202E", "\u202A", "\u2066", "\u2069", "\u200B");
  private static final List<String> NUMBERS =
      List.of("2147483648", "9223372036854775808", "-1", "0", "00000000000000000000001", "99999999999999999999999999", "1e9", "３");
  private static final List<String> WORDS =
      List.of("cap", "theorem", "staff", "senior", "google", "q1", "s2", "\"", "“", "”", "topic:", "difficulty:", "company:", "tag:", "bank:", "foo:bar", ":", "'");

  private final SplittableRandom random = new SplittableRandom(SEED);

  @Test
  void generatedLinesNeverCrashEchoPingsOrControlsOrFloodTheScreen() throws Exception {
    // given
    List<String> script = new ArrayList<>();
    for (int i = 0; i < LINES; i++) {
      script.add(line());
    }
    List<String> printed = new ArrayList<>();

    // when
    try (TestDatabase database = Backend.SQLITE.create()) {
      DbqConfig config = new ConfigLoader(Map.of()).parse("fuzz.yml", "database:\n  url: \"" + database.url() + "\"\n");
      new ConsoleApp(
              (console, clock) ->
                  BotRuntime.start(config, TestBanks.library(), List.of(console), clock, new SplittableRandom(SEED), HttpRoutes.NONE)::close,
              config.rounds().zone(), "general", "you", Instant.parse("2026-12-07T08:00:00Z"))
          .runScript(
              new ByteArrayInputStream(String.join("\n", script).getBytes(StandardCharsets.UTF_8)),
              new TerminalRenderer(100, false),
              printed::add);
    }

    // then
    assertTrue(printed.size() > LINES / 2, "most lines get an answer: " + printed.size());
    for (String shown : printed) {
      assertTrue(shown.length() <= MAX_REPLY, () -> "unbounded: " + shown.substring(0, 300));
      assertEquals(List.of(), UserTextProbe.unsafeCharacters(shown), shown);
      assertTrue(PINGS.stream().noneMatch(shown::contains), shown);
      assertTrue(!shown.contains("Exception") && !shown.contains("\tat ") && !shown.contains("failed on our side"), shown);
    }
  }

  /** One line of a random family. */
  private String line() {
    List<Supplier<String>> families =
        List.of(
            () -> "/dbq " + pick(List.of("show", "answer", "scenario", "random", "search", "streak", "topics", "help", "answered", "schedule", "frob")) + " " + words(),
            () -> "/dbq show q" + pick(NUMBERS),
            () -> "/dbq scenario " + pick(NUMBERS),
            () -> "/dbq answered " + pick(NUMBERS),
            () -> "/dbq random topic:" + "cap ".repeat(random.nextInt(1, 2_000)),
            () -> ":as " + pick(PINGS) + (random.nextBoolean() ? pick(NASTY) : ""),
            () -> ":as " + "x".repeat(random.nextInt(1, 200)),
            () -> ":reply " + words(),
            () -> ":click " + words(),
            () -> ":time " + pick(List.of("9999-12-31T23:59", "0001-01-01T00:00", "2026-12-07T25:00", "tomorrow", "2026-13-01T09:00", "")),
            () -> ":time 2026-12-" + String.format("%02dT%02d:00", random.nextInt(7, 10), random.nextInt(0, 24)),
            () -> ":qotd",
            () -> ":" + words(),
            () -> "x".repeat(100_000),
            () -> ":reply " + "y".repeat(100_000),
            () -> words());
    return families.get(random.nextInt(families.size())).get();
  }

  private String words() {
    StringBuilder words = new StringBuilder();
    int count = random.nextInt(0, 8);
    for (int i = 0; i < count; i++) {
      int kind = random.nextInt(4);
      words.append(kind == 0 ? pick(PINGS) : kind == 1 ? pick(NASTY) + pick(WORDS) : kind == 2 ? pick(NUMBERS) : pick(WORDS)).append(' ');
    }
    return words.toString();
  }

  private String pick(List<String> options) {
    return options.get(random.nextInt(options.size()));
  }
}
