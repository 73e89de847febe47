package dev.dbq.round;

import dev.dbq.app.Features;
import dev.dbq.bank.BankLibrary;
import dev.dbq.bank.Question;
import dev.dbq.console.ConsoleClock;
import dev.dbq.store.Store;
import dev.dbq.testsupport.Backend;
import dev.dbq.testsupport.BackendUnavailableException;
import dev.dbq.testsupport.CountingStore;
import dev.dbq.testsupport.RecordingGateway;
import dev.dbq.testsupport.TestBanks;
import dev.dbq.testsupport.TestDatabase;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.SplittableRandom;

/**
 * The scheduler's tick with 10,000 enabled channels where nothing is due against the same tick
 * with 10 (the baseline, same run, same backend), on SQLite and PostgreSQL: the tick's time and
 * the store calls it makes (each one SQL statement, counted by a proxy round the store).
 *
 * <p>Every channel has today's round, posted at 09:00, revealed and followed up, and no replies
 * since; the clock is past noon, so nothing is due until tomorrow's post. The first tick plans
 * every channel (it reads them all, once); the ticks measured then come a minute apart, as live.
 * For scale, a read of every channel with its newest round (what the console plans its clock by)
 * is timed too.
 *
 * <p>Run: {@code mvn -o -q -B -pl bot test-compile exec:java -Dexec.classpathScope=test
 * -Dexec.mainClass=dev.dbq.round.TickBenchmark}
 */
public final class TickBenchmark {

  private static final int[] CHANNELS = {10, 10_000};
  private static final int TICKS = 50;
  private static final LocalDate TODAY = LocalDate.of(2025, 3, 5);
  private static final Instant POSTED = TODAY.atTime(9, 0).toInstant(ZoneOffset.UTC);
  private static final Instant FIRST_TICK = TODAY.atTime(12, 0).toInstant(ZoneOffset.UTC);
  private static final ChannelSchedule SCHEDULE =
      new ChannelSchedule(LocalTime.of(9, 0), ZoneOffset.UTC, EnumSet.allOf(DayOfWeek.class), LocalTime.of(11, 0), true);

  /** One backend's figures for one number of channels. */
  private record Figures(int channels, double firstTickMillis, double tickMillis, double queriesPerTick, double readAllMillis) {}

  public static void main(String[] args) throws Exception {
    System.out.printf("a tick where nothing is due; median of %d ticks a minute apart, after a first tick that plans every channel%n", TICKS);
    for (Backend backend : Backend.values()) {
      try {
        Figures small = measure(backend, CHANNELS[0]);
        Figures large = measure(backend, CHANNELS[1]);
        for (Figures figures : new Figures[] {small, large}) {
          System.out.printf(
              "%-10s %,6d channels: tick %8.3f ms, %.1f queries | first tick (plans all) %9.1f ms | read of every channel %8.1f ms%n",
              backend.displayName(), figures.channels(), figures.tickMillis(), figures.queriesPerTick(),
              figures.firstTickMillis(), figures.readAllMillis());
        }
        System.out.printf(
            "%-10s %,d/%,d channels (x%d): tick time x%.2f, queries per tick %.1f vs %.1f%n",
            backend.displayName(), large.channels(), small.channels(), large.channels() / small.channels(),
            large.tickMillis() / small.tickMillis(), large.queriesPerTick(), small.queriesPerTick());
      } catch (BackendUnavailableException unavailable) {
        System.out.println(backend.displayName() + ": skipped, " + unavailable.getMessage());
      }
    }
  }

  private static Figures measure(Backend backend, int channels) throws Exception {
    try (TestDatabase database = backend.create()) {
      BankLibrary library = TestBanks.library();
      // One with a follow-up still to come, which waits for replies.
      Question question = library.questions().stream().filter(q -> q.followUps().size() >= 2).findFirst().orElseThrow();
      populate(database, channels, question.id());
      CountingStore queries = new CountingStore(Store.on(database.database()));
      ConsoleClock clock = new ConsoleClock(ZoneOffset.UTC, FIRST_TICK);
      RoundService rounds = new RoundService(
          () -> library,
          queries,
          new RecordingGateway(),
          clock,
          new SplittableRandom(1),
          new RoundPolicy(Duration.ofHours(2), Duration.ofHours(1), SCHEDULE, ""),
          (channel, outcome) -> {},
          Features::routines);
      double firstTick = millis(rounds::runDue);
      double[] ticks = new double[TICKS];
      queries.reset();
      for (int tick = 0; tick < TICKS; tick++) {
        clock.set(FIRST_TICK.plus(Duration.ofMinutes(tick + 1)));
        ticks[tick] = millis(rounds::runDue);
      }
      double queriesPerTick = (double) queries.statements() / TICKS;
      double[] readAll = new double[5];
      for (int i = 0; i < readAll.length; i++) {
        readAll[i] = millis(() -> rounds.nextDueAfter(clock.instant()));
      }
      return new Figures(channels, firstTick, median(ticks), queriesPerTick, median(readAll));
    }
  }

  /** Channels with today's round posted, revealed and followed up once, in one transaction. */
  private static void populate(TestDatabase database, int channels, String questionId) throws SQLException {
    try (Connection connection = database.database().dataSource().getConnection()) {
      connection.setAutoCommit(false);
      try (PreparedStatement channel = connection.prepareStatement(
              "INSERT INTO channels (platform, workspace, channel, post_at, zone, days, reveal_at, enabled, filters)"
                  + " VALUES ('slack', 'bench', ?, '09:00', 'Z', 'MONDAY,TUESDAY,WEDNESDAY,THURSDAY,FRIDAY,SATURDAY,SUNDAY',"
                  + " '11:00', TRUE, NULL)");
          PreparedStatement round = connection.prepareStatement(
              "INSERT INTO rounds (platform, workspace, channel, round_date, question_id, posted_at, message_ref, thread_ref,"
                  + " followups_sent, last_followup_at, revealed_at, state)"
                  + " VALUES ('slack', 'bench', ?, ?, ?, ?, ?, ?, 1, ?, ?, 'revealed')")) {
        for (int i = 0; i < channels; i++) {
          String name = "c" + i;
          channel.setString(1, name);
          channel.addBatch();
          round.setString(1, name);
          round.setString(2, TODAY.toString());
          round.setString(3, questionId);
          round.setLong(4, POSTED.toEpochMilli());
          round.setString(5, "m-" + name);
          round.setString(6, "m-" + name);
          round.setLong(7, POSTED.toEpochMilli());
          round.setLong(8, POSTED.plus(Duration.ofHours(2)).toEpochMilli());
          round.addBatch();
        }
        channel.executeBatch();
        round.executeBatch();
      }
      connection.commit();
    }
  }

  private static double millis(Runnable work) {
    long start = System.nanoTime();
    work.run();
    return (System.nanoTime() - start) / 1e6;
  }

  private static double median(double[] values) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    return sorted[sorted.length / 2];
  }
}
