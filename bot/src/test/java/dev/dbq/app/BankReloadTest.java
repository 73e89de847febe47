package dev.dbq.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dbq.bank.BankLoader;
import dev.dbq.chat.Reply;
import dev.dbq.testsupport.Backend;
import dev.dbq.testsupport.TestBanks;
import dev.dbq.testsupport.TestBot;
import dev.dbq.testsupport.TestDatabase;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Editing content/ while commands are served: the new question appears, a broken edit changes nothing. */
class BankReloadTest {

  private static final String EXTRA = """
      ### Warm-ups
      ### Q1: What is an index
      **Difficulty:** Senior | **Companies:** Acme | **Frequency:** Common

      #### Quick Answer
      A sorted copy of some columns that points back to the rows.
      """;

  private static final String SECOND = """

      ### Q2: What is a covering index
      **Difficulty:** Senior | **Companies:** Acme | **Frequency:** Common

      #### Quick Answer
      One that holds every column a query reads.
      """;

  @TempDir Path content;

  private TestDatabase database;
  private TestBot bot;
  private final Semaphore reloads = new Semaphore(0);
  private final ConcurrentLinkedQueue<BankReload.Outcome> outcomes = new ConcurrentLinkedQueue<>();

  @BeforeEach
  void startBot() throws IOException {
    Files.copy(TestBanks.SHIPPED_BANK, content.resolve("database-architecture.md"));
    Files.writeString(content.resolve("extra.md"), EXTRA);
    database = Backend.SQLITE.create();
    bot = TestBot.on(database.database(), "", Instant.parse("2026-12-07T08:00:00Z"));
    bot.bot().reloadFrom(() -> new BankLoader().load(List.of(content)));
  }

  @AfterEach
  void stopBot() throws Exception {
    database.close();
  }

  @Test
  void anEditedBankIsServedWithoutARestartAndABrokenEditKeepsTheLastGoodBanks() throws Exception {
    // given a watcher on the content folder, and users asking questions all along
    List<String> failures;
    try (ContentWatcher watcher = ContentWatcher.start(List.of(content), this::reloadAndTell);
        Traffic traffic = new Traffic(bot)) {
      assertTrue(text(bot.adminCommand("ann", "/dbq reload")).startsWith("Reloaded 13 questions"));
      assertTrue(text(bot.command("bob", "/dbq show extra/q2")).startsWith("No question"));

      // when a question is added to a bank
      Files.writeString(content.resolve("extra.md"), EXTRA + SECOND);

      // then it is served
      awaitReloadUntil(() -> bot.command("bob", "/dbq show extra/q2").title().contains("covering index"));

      // when an edit breaks the bank's front matter
      Files.writeString(content.resolve("extra.md"), "---\nid: [never closed\n---\n" + EXTRA + SECOND);

      // then the banks stay as they were, and the problem is reported with its file and line
      awaitReloadUntil(() -> outcomes.stream().anyMatch(o -> !o.swapped()));
      BankReload.Outcome broken = outcomes.stream().filter(o -> !o.swapped()).findFirst().orElseThrow();
      assertTrue(broken.summary().startsWith("Kept the banks as they were: "), broken.summary());
      assertTrue(broken.summary().contains("extra.md:"), broken.summary());
      assertTrue(bot.bot().reload().orElseThrow().problem().isPresent());
      assertTrue(bot.command("bob", "/dbq show extra/q2").title().contains("covering index"));
      failures = traffic.stopAndCollectFailures();
      assertTrue(traffic.served() > 0);
    }

    // and no request failed while the banks changed under it
    assertEquals(List.of(), failures);
  }

  @Test
  void aReloadThatRemovesQuestionsNamesThemInItsSummaryAndNote() throws IOException {
    // given extra.md with two questions, loaded
    Files.writeString(content.resolve("extra.md"), EXTRA + SECOND);
    bot.bot().reload().orElseThrow().reload();

    // when a (half-written, or cut) file leaves only the first
    Files.writeString(content.resolve("extra.md"), EXTRA);
    BankReload.Outcome outcome = bot.bot().reload().orElseThrow().reload();

    // then the reload names what it removed, and /readyz's note does too
    assertTrue(outcome.swapped());
    assertEquals(List.of("extra/q2"), outcome.removed());
    assertTrue(outcome.summary().endsWith("; 1 question removed: extra/q2."), outcome.summary());
    assertEquals(java.util.Optional.of("the last bank reload: 1 question removed: extra/q2"),
        bot.bot().reload().orElseThrow().note());
  }

  @Test
  void aBankOverTheSizeLimitKeepsTheLastGoodBanksAndSaysWhyInOneLine() throws IOException {
    // given a limit just above the shipped bank, and a bank edited past it
    long limit = Files.size(content.resolve("database-architecture.md")) + 1;
    BankReload reload = bot.bot().reloadFrom(() -> new BankLoader(limit).load(List.of(content)));
    Files.writeString(content.resolve("extra.md"), EXTRA + "x".repeat((int) limit));
    var before = bot.bot().banks();

    // when
    BankReload.Outcome outcome = reload.reload();

    // then
    assertFalse(outcome.swapped());
    assertTrue(outcome.summary().contains("extra.md:1: error: the file is larger than content.max_file_size ("),
        outcome.summary());
    assertTrue(before == bot.bot().banks(), "the last good banks stay");
  }

  @Test
  void onlyAnAdminReloads() {
    // when
    Reply refused = bot.command("bob", "/dbq reload");

    // then
    assertTrue(text(refused).startsWith("Only admins can reload"), text(refused));
  }

  private void reloadAndTell() {
    outcomes.add(bot.bot().reload().orElseThrow().reload());
    reloads.release();
  }

  private void awaitReloadUntil(BooleanSupplier condition) throws InterruptedException {
    while (!condition.getAsBoolean()) {
      assertTrue(reloads.tryAcquire(10, TimeUnit.SECONDS), "no reload within 10 s of the edit");
    }
  }

  private static String text(Reply reply) {
    return reply.blocks().stream().map(b -> b instanceof Reply.Text t ? t.markdown() : "").collect(Collectors.joining("\n"));
  }

  /** Users running commands on another thread until stopped. */
  private static final class Traffic implements AutoCloseable {
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();
    private final Thread thread;
    private volatile int served;

    Traffic(TestBot bot) {
      thread = new Thread(() -> {
        while (running.get()) {
          for (String line : List.of("/dbq random", "/dbq show q1", "/dbq search index", "/dbq topics")) {
            String replied = text(bot.command("carol", line));
            if (replied.contains("failed on our side")) {
              failures.add(line + ": " + replied);
            }
            served++;
          }
        }
      }, "traffic");
      thread.start();
    }

    int served() {
      return served;
    }

    List<String> stopAndCollectFailures() throws InterruptedException {
      running.set(false);
      thread.join();
      return List.copyOf(failures);
    }

    @Override
    public void close() throws InterruptedException {
      stopAndCollectFailures();
    }
  }
}
