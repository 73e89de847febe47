package dev.dbq.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.spi.ILoggingEvent;
import dev.dbq.bank.BankLibrary;
import dev.dbq.bank.BankLoader;
import dev.dbq.testsupport.CapturedLog;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The content watcher on a real folder, its settling checks run by the test's hand (no sleeps, no
 * wall clock): when it reloads, what it keeps watching, and that nothing thrown stops it.
 */
class ContentWatcherTest {

  private static final String THREE_QUESTIONS = question(1) + question(2) + question(3);

  @TempDir Path scratch;

  /** The settling checks the watcher asked for, run when the test says. */
  private final BlockingQueue<Runnable> checks = new LinkedBlockingQueue<>();
  /** How many questions each reload found. */
  private final List<Integer> reloads = new CopyOnWriteArrayList<>();
  private volatile Error failNextReloadWith;
  private ContentWatcher watcher;
  private Path content;

  @AfterEach
  void stop() {
    if (watcher != null) {
      watcher.close();
    }
  }

  @Test
  void aHalfWrittenFileIsNotReloadedUntilItHasSettled() throws Exception {
    // given a watched bank of three questions
    watch(Files.writeString(folder("content").resolve("bank.md"), THREE_QUESTIONS));
    byte[] whole = (THREE_QUESTIONS + question(4)).getBytes(StandardCharsets.UTF_8);

    // when a copy writes the first half of the new version, and pauses
    Files.write(content.resolve("bank.md"), java.util.Arrays.copyOf(whole, whole.length / 2));
    Runnable firstCheck = nextCheck();
    // and writes the rest before the quiet period is over
    Files.write(content.resolve("bank.md"), java.util.Arrays.copyOfRange(whole, whole.length / 2, whole.length),
        StandardOpenOption.APPEND);
    firstCheck.run();

    // then nothing was reloaded from the half-written file; once it has settled, the whole is
    assertEquals(List.of(), reloads);
    settle();
    assertEquals(List.of(4), reloads.subList(0, 1));
    assertTrue(reloads.stream().allMatch(n -> n == 4), reloads::toString);
  }

  @Test
  void aSubfolderMadeAfterStartIsWatched() throws Exception {
    // given
    watch(Files.writeString(folder("content").resolve("bank.md"), THREE_QUESTIONS));
    Files.createDirectory(content.resolve("more"));
    settle();

    // when a bank is written into the new subfolder
    Files.writeString(content.resolve("more").resolve("extra.md"), "---\nid: extra\n---\n" + question(9));

    // then it is seen and loaded
    settle();
    assertEquals(4, reloads.get(reloads.size() - 1));
  }

  @Test
  void aContentFolderDeletedAndMadeAgainIsWatchedAgain() throws Exception {
    // given
    watch(Files.writeString(folder("content").resolve("bank.md"), THREE_QUESTIONS));

    // when the folder is deleted (a checkout, a sync) and made again with its bank
    delete(content);
    settle();
    Files.createDirectory(content);
    Files.writeString(content.resolve("bank.md"), THREE_QUESTIONS);
    settle();
    assertEquals(3, reloads.get(reloads.size() - 1));

    // then edits in the new folder are seen
    Files.writeString(content.resolve("bank.md"), THREE_QUESTIONS + question(4));
    settle();
    assertEquals(4, reloads.get(reloads.size() - 1));
  }

  @Test
  void anErrorInAReloadIsLoggedInOneLineKeptForReadinessAndTheWatcherGoesOn() throws Exception {
    // given a reload that runs out of memory once
    watch(Files.writeString(folder("content").resolve("bank.md"), THREE_QUESTIONS));
    failNextReloadWith = new OutOfMemoryError("Java heap space");

    try (CapturedLog log = CapturedLog.of(ContentWatcher.class)) {
      // when a bank is edited
      Files.writeString(content.resolve("bank.md"), THREE_QUESTIONS + question(4));
      settle();

      // then it says so, in one line, and /readyz can tell
      assertTrue(watcher.problem().orElseThrow().contains("OutOfMemoryError: Java heap space"), watcher.problem().toString());
      assertEquals(List.of("the content watcher failed reloading (OutOfMemoryError: Java heap space); bank edits may need"
          + " /dbq reload"), log.events().stream().map(ILoggingEvent::getFormattedMessage).toList());
      assertTrue(log.events().stream().allMatch(e -> e.getThrowableProxy() == null), "no stack trace");
    }

    // and the next edit is reloaded, which clears the problem
    Files.writeString(content.resolve("bank.md"), THREE_QUESTIONS + question(4) + question(5));
    settle();
    assertEquals(5, reloads.get(reloads.size() - 1));
    assertTrue(watcher.problem().isEmpty());
  }

  private Path folder(String name) throws IOException {
    content = Files.createDirectories(scratch.resolve(name));
    return content;
  }

  private void watch(Path bank) throws IOException {
    watcher = ContentWatcher.start(List.of(bank.getParent()), this::reload, (delay, check) -> checks.add(check),
        Duration.ofSeconds(1));
  }

  private void reload() {
    Error error = failNextReloadWith;
    failNextReloadWith = null;
    if (error != null) {
      reloads.add(-1);
      throw error;
    }
    reloads.add(new BankLibrary(new BankLoader().load(List.of(content)).banks()).questions().size());
  }

  /** The next settling check the watcher asks for; fails when a change was never seen. */
  private Runnable nextCheck() throws InterruptedException {
    Runnable check = checks.poll(30, TimeUnit.SECONDS);
    assertNotNull(check, "the watcher saw no change within 30 s");
    return check;
  }

  /** Runs settling checks until one reloads (the files stayed the same for a whole check). */
  private void settle() throws InterruptedException {
    int before = reloads.size();
    for (int i = 0; i < 20 && reloads.size() == before; i++) {
      nextCheck().run();
    }
    assertTrue(reloads.size() > before, "no reload after 20 checks");
  }

  private static void delete(Path folder) throws IOException {
    try (Stream<Path> tree = Files.walk(folder)) {
      for (Path path : tree.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(path);
      }
    }
  }

  private static String question(int number) {
    return """
        ### Q%d: Question number %d
        **Difficulty:** Senior | **Companies:** Acme | **Frequency:** Common

        #### Quick Answer
        The answer to question %d, long enough that half of this file is not all of it.

        """.formatted(number, number, number);
  }
}
