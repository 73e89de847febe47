package dev.dbq.console;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dbq.app.Bot;
import dev.dbq.chat.Attachment;
import dev.dbq.chat.ChannelKey;
import dev.dbq.chat.Reply;
import dev.dbq.config.ConfigLoader;
import dev.dbq.config.DbqConfig;
import dev.dbq.render.TerminalRenderer;
import dev.dbq.testsupport.Backend;
import dev.dbq.testsupport.ProbeInbound;
import dev.dbq.testsupport.TestBanks;
import dev.dbq.testsupport.TestDatabase;
import dev.dbq.testsupport.TestPictures;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The outbound port in the terminal: a plain message, a private word, pictures and charts, and a form's prompts. */
class ConsolePortsTest {

  private static final ChannelKey CHANNEL = ConsoleSession.channelKey("general");
  private static final Pattern SAVED = Pattern.compile("\\[picture: (\\S+) · (.*)]");

  @TempDir
  Path pictures;

  private final List<String> printed = new ArrayList<>();
  private ConsoleChannel output;
  private TestDatabase database;
  private Bot bot;

  @BeforeEach
  void start() {
    output = new ConsoleChannel(new TerminalRenderer(80, false), printed::add, pictures);
    database = Backend.SQLITE.create();
    DbqConfig config = new ConfigLoader(Map.of()).parse("test.yml", "");
    ConsoleClock clock = new ConsoleClock(ZoneOffset.UTC, Instant.parse("2026-12-04T17:30:00Z"));
    bot = new Bot(database.database(), config, TestBanks.library(), output, clock, new SplittableRandom(42));
  }

  @AfterEach
  void stop() throws Exception {
    bot.close();
    database.close();
  }

  @Test
  void aPlainMessagePrintsItsChartAsTextBarsAndSavesItsPictureWhosePathIsPrinted() throws IOException {
    // WHEN a recap with a chart is posted
    Attachment.Chart chart = TestPictures.answersPerDay();
    output.postMessage(CHANNEL, new Reply("Weekly recap", List.of(new Reply.Text("3 rounds.")), List.of(), Reply.Visibility.CHANNEL)
        .withAttachments(List.of(chart)));

    // THEN the text, one bar a day scaled to the largest, and the PNG's path with its alt text
    String shown = printed.get(0);
    assertTrue(shown.startsWith("#general · dbq posted:\nWeekly recap"), shown);
    assertTrue(shown.contains("\nAnswers per round day\nMon 30 Nov │" + "█".repeat(18) + " 3\nTue 1 Dec  │ 0\nWed 2 Dec  │"
        + "█".repeat(30) + " 5\n"), shown);
    Matcher saved = SAVED.matcher(shown);
    assertTrue(saved.find(), shown);
    assertEquals(chart.altText(), saved.group(2));
    Path file = Path.of(saved.group(1));
    assertTrue(file.startsWith(pictures), file.toString());
    assertArrayEquals(chart.picture().png(), Files.readAllBytes(file));
  }

  @Test
  void aPrivateWordIsMarkedForItsReaderAlone() {
    boolean told = output.tellPrivately(CHANNEL, "alice", Reply.text("Today's question is still open."));

    assertTrue(told);
    assertEquals("(to alice only) Today's question is still open.", printed.get(0));
  }

  @Test
  void aFormIsAskedFieldByFieldAndItsValuesGoToTheCore() throws InterruptedException {
    ProbeInbound probe = new ProbeInbound(bot.inbound());
    ConsoleSession session = new ConsoleSession(probe, bot.ports().rounds(), new ConsoleClock(ZoneOffset.UTC, Instant.parse("2026-12-04T17:30:00Z")),
        output, CHANNEL, "alice");

    // WHEN alice asks for the form, leaves the required field empty once, then fills both in
    for (String line : List.of(ProbeInbound.LINE, "", "What is /dbq MVCC?", "")) {
      session.handle(line);
    }

    // THEN each field was asked for, the empty required one again, and the core got the values
    assertEquals(List.of(
        "Suggest a question (a form: one line a field; :cancel stops)",
        "Question:",
        "This field is required.",
        "Question:",
        "Quick answer (optional: a blank line skips it):",
        "Thanks, What is /dbq MVCC?"), printed);
    ProbeInbound.Submission submission = probe.awaitSubmission(Duration.ofSeconds(1));
    assertEquals(Map.of("title", "What is /dbq MVCC?", "answer", ""), submission.values());
    assertEquals("alice", submission.caller().userId());
  }

  @Test
  void aFormCanBeCancelledAndTheConsoleGoesOnAsBefore() {
    ConsoleSession session = new ConsoleSession(new ProbeInbound(bot.inbound()), bot.ports().rounds(),
        new ConsoleClock(ZoneOffset.UTC, Instant.parse("2026-12-04T17:30:00Z")), output, CHANNEL, "alice");

    session.handle(ProbeInbound.LINE);
    session.handle(":cancel");
    session.handle(":help");

    assertEquals("Form cancelled.", printed.get(2));
    assertTrue(printed.get(3).startsWith("Console lines:"), printed.toString());
  }
}
