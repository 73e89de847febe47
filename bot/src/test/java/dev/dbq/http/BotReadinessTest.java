package dev.dbq.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dbq.app.Bot;
import dev.dbq.app.BotRuntime;
import dev.dbq.app.HttpRoutes;
import dev.dbq.app.Platform;
import dev.dbq.config.ConfigLoader;
import dev.dbq.config.DbqConfig;
import dev.dbq.console.ConsoleClock;
import dev.dbq.testsupport.Backend;
import dev.dbq.testsupport.FakePlatform;
import dev.dbq.testsupport.TestBanks;
import dev.dbq.testsupport.TestDatabase;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What {@code /readyz} says about each way a running bot cannot do its work. */
class BotReadinessTest {

  @TempDir Path data;

  private final FakePlatform platform = new FakePlatform("slack");
  private TestDatabase database;
  private BotRuntime runtime;

  @BeforeEach
  void start() {
    database = Backend.SQLITE.create();
    DbqConfig config = new ConfigLoader(Map.of()).parse("test.yml", "");
    List<Platform> platforms = List.of(platform);
    Bot bot = new Bot(database.database(), config, TestBanks.library(), BotRuntime.router(platforms),
        new ConsoleClock(config.rounds().zone(), Instant.parse("2026-12-01T08:00:00Z")), new SplittableRandom(7));
    runtime = BotRuntime.start(bot, platforms, HttpRoutes.NONE);
  }

  @AfterEach
  void stop() throws Exception {
    runtime.close();
    database.close();
  }

  @Test
  void aHealthyBotIsReady() {
    try (BotReadiness readiness = new BotReadiness(runtime)) {
      assertEquals(Optional.empty(), readiness.notReadyBecause());
      assertEquals(Optional.empty(), readiness.note());
    }
  }

  @Test
  void aHangingDatabaseIsReportedWithinTheBudgetAndProbesDoNotPileUp() throws Exception {
    // given a database check that hangs (a dead PostgreSQL) until the test lets it go
    CountDownLatch answer = new CountDownLatch(1);
    AtomicInteger checks = new AtomicInteger();
    BooleanSupplier hanging = () -> {
      checks.incrementAndGet();
      try {
        return answer.await(60, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        return false;
      }
    };
    try (BotReadiness readiness = new BotReadiness(runtime, hanging, Duration.ofMillis(50))) {
      // when probed twice while it hangs
      Optional<String> first = readiness.notReadyBecause();
      Optional<String> second = readiness.notReadyBecause();

      // then each probe answers while the check still hangs, and only one check runs
      assertEquals(Optional.of("the database does not answer within 50 ms"), first);
      assertEquals(first, second);
      assertEquals(1, answer.getCount(), "answered before the database did");
      assertEquals(1, checks.get());

      // and once the database answers again, it is ready
      answer.countDown();
      assertTrue(waitUntilReady(readiness), "ready after the database came back");
    }
  }

  @Test
  void aNearlyFullDiskUnderTheSqliteFileIsNotReady() {
    // given
    try (BotReadiness readiness = new BotReadiness(runtime)
        .watchingDiskOf("jdbc:sqlite:" + data.resolve("dbq.db"))
        .measuringDiskWith(folder -> folder.equals(data.toAbsolutePath()) ? 10L << 20 : Long.MAX_VALUE)) {
      // when / then
      assertEquals(Optional.of("the disk of the database folder " + data.toAbsolutePath() + " has 10 MB free (under 64 MB):"
          + " writes will fail"), readiness.notReadyBecause());
    }
  }

  @Test
  void theDiskIsNotMeasuredForPostgresqlOrAnInMemoryDatabase() {
    assertEquals(Optional.empty(), BotReadiness.sqliteFolder("jdbc:postgresql://db:5432/dbq"));
    assertEquals(Optional.empty(), BotReadiness.sqliteFolder("jdbc:sqlite::memory:"));
    assertEquals(Optional.of(Path.of("data").toAbsolutePath()), BotReadiness.sqliteFolder("jdbc:sqlite:data/dbq.db?journal_mode=WAL"));
  }

  @Test
  void aPlatformWhoseApiFailsIsNotReadyAndSaysWhy() {
    // given
    platform.troubled("the Web API is unreachable (connect timed out)");

    // when / then
    try (BotReadiness readiness = new BotReadiness(runtime)) {
      assertEquals(Optional.of("slack: the Web API is unreachable (connect timed out)"), readiness.notReadyBecause());
    }
  }

  @Test
  void aStoppedContentWatcherIsANoteBesideReady() {
    // given
    try (BotReadiness readiness = new BotReadiness(runtime)
        .watcherProblem(() -> Optional.of("the content watcher stopped (ClosedWatchServiceException)"))) {
      // when / then
      assertEquals(Optional.empty(), readiness.notReadyBecause());
      assertEquals(Optional.of("the content watcher stopped (ClosedWatchServiceException)"), readiness.note());
    }
  }

  /** The check runs in the background: a probe after it answered sees its answer. */
  private static boolean waitUntilReady(BotReadiness readiness) {
    for (int i = 0; i < 100; i++) {
      if (readiness.notReadyBecause().isEmpty()) {
        return true;
      }
    }
    return false;
  }
}
