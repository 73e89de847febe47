package dev.dbq.store;

import dev.dbq.chat.ChannelKey;
import dev.dbq.round.Participation;
import dev.dbq.testsupport.Backend;
import dev.dbq.testsupport.BackendUnavailableException;
import dev.dbq.testsupport.TestDatabase;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * A burst of thread replies (100 rounds x 100 users), each recorded as it arrives through the real
 * path against a bare JDBC loop inserting the same participations (autocommit, one reused
 * PreparedStatement per thread), on the same fresh database, for SQLite and PostgreSQL.
 *
 * <p>Each reply is a user's first in its round: the hot path, one write (the participation with
 * its event id, which is what recognises a redelivery; see RoundThreads). A third figure does the
 * same work in raw JDBC (one insert with the event id, a reused statement): the real path against
 * it is what the store itself costs.
 *
 * <p>Run: {@code mvn -o -q -B -pl bot test-compile exec:java -Dexec.classpathScope=test
 * -Dexec.mainClass=dev.dbq.store.ParticipationWriteBenchmark}
 */
public final class ParticipationWriteBenchmark {

  private static final int ROUNDS = 100;
  private static final int USERS = 100;
  private static final int REPLIES = ROUNDS * USERS;
  private static final int WARM_UP_ROUNDS = 20;
  private static final int TRIALS = 5;

  /** One writer as on Discord's event thread; a few as Slack's HTTP workers deliver events. */
  private static final int[] THREAD_COUNTS = {1, 4};

  private static final Instant BURST_START = Instant.parse("2025-03-03T09:00:00Z");
  private static final String BARE_INSERT =
      "INSERT INTO participations (round_id, user_id, participated_at, source) VALUES (?, ?, ?, ?)";

  /** Records one reply on the writing thread. */
  @FunctionalInterface
  private interface ReplyWriter extends AutoCloseable {
    void write(long roundId, String userId, String eventId, Instant at) throws SQLException;

    @Override
    default void close() throws SQLException {}
  }

  /** Gives each writing thread its own writer. */
  @FunctionalInterface
  private interface WriterFactory {
    ReplyWriter open() throws SQLException;
  }

  private final Database database;
  private final RoundRepository rounds;
  private final ParticipationRepository participations;
  private int burstsRun;

  private ParticipationWriteBenchmark(Database database) {
    this.database = database;
    this.rounds = new RoundRepository(database);
    this.participations = new ParticipationRepository(database);
  }

  public static void main(String[] args) throws Exception {
    System.out.printf(
        "%d replies per burst (%d rounds x %d users), median of %d bursts;"
            + " every burst checked to have recorded all its replies%n",
        REPLIES, ROUNDS, USERS, TRIALS);
    for (Backend backend : Backend.values()) {
      try (TestDatabase test = backend.create()) {
        new ParticipationWriteBenchmark(test.database()).measure(backend);
      } catch (BackendUnavailableException unavailable) {
        System.out.println(backend.displayName() + ": skipped, " + unavailable.getMessage());
      }
    }
  }

  private void measure(Backend backend) throws Exception {
    for (int threads : THREAD_COUNTS) {
      burst(WARM_UP_ROUNDS, threads, this::bareInsert);
      burst(WARM_UP_ROUNDS, threads, this::realPath);
      burst(WARM_UP_ROUNDS, threads, this::rawSameWork);
      double[] bare = new double[TRIALS];
      double[] sameWork = new double[TRIALS];
      double[] real = new double[TRIALS];
      for (int trial = 0; trial < TRIALS; trial++) {
        bare[trial] = burst(ROUNDS, threads, this::bareInsert);
        sameWork[trial] = burst(ROUNDS, threads, this::rawSameWork);
        real[trial] = burst(ROUNDS, threads, this::realPath);
      }
      double bareRate = median(bare);
      double sameWorkRate = median(sameWork);
      double realRate = median(real);
      System.out.printf(
          "%-10s %d thread(s): bare insert %,7.0f/s | raw JDBC, real path's work %,7.0f/s"
              + " | real path %,7.0f/s | real/bare %.2f | real/raw same work %.2f%n",
          backend.displayName(),
          threads,
          bareRate,
          sameWorkRate,
          realRate,
          realRate / bareRate,
          realRate / sameWorkRate);
    }
  }

  /** The path a user's first reply in a round takes in the bot: one insert, with its event id. */
  private ReplyWriter realPath() {
    return (roundId, userId, eventId, at) ->
        participations.record(new Participation(roundId, userId, at, Participation.Source.THREAD_REPLY), eventId);
  }

  private ReplyWriter bareInsert() throws SQLException {
    Connection connection = database.dataSource().getConnection();
    PreparedStatement insert = connection.prepareStatement(BARE_INSERT);
    return new ReplyWriter() {
      @Override
      public void write(long roundId, String userId, String eventId, Instant at)
          throws SQLException {
        insert.setLong(1, roundId);
        insert.setString(2, userId);
        insert.setLong(3, at.toEpochMilli());
        insert.setString(4, Participation.Source.THREAD_REPLY.name());
        insert.executeUpdate();
      }

      @Override
      public void close() throws SQLException {
        try (connection) {
          insert.close();
        }
      }
    };
  }

  /** The real path's insert in raw JDBC with a reused statement. */
  private ReplyWriter rawSameWork() throws SQLException {
    Connection connection = database.dataSource().getConnection();
    PreparedStatement insert =
        connection.prepareStatement(
            "INSERT INTO participations (round_id, user_id, participated_at, source, event_id)"
                + " VALUES (?, ?, ?, ?, ?) ON CONFLICT (round_id, user_id) DO NOTHING");
    return new ReplyWriter() {
      @Override
      public void write(long roundId, String userId, String eventId, Instant at)
          throws SQLException {
        insert.setLong(1, roundId);
        insert.setString(2, userId);
        insert.setLong(3, at.toEpochMilli());
        insert.setString(4, Participation.Source.THREAD_REPLY.name());
        insert.setString(5, eventId);
        insert.executeUpdate();
      }

      @Override
      public void close() throws SQLException {
        try (connection) {
          insert.close();
        }
      }
    };
  }

  /**
   * Writes one reply per user and round of a fresh channel, spread over the threads.
   *
   * @return replies per second
   */
  private double burst(int roundCount, int threads, WriterFactory writers) throws Exception {
    int burst = ++burstsRun;
    ChannelKey channel = new ChannelKey("slack", "bench", "burst-" + burst);
    long[] roundIds = new long[roundCount];
    for (int r = 0; r < roundCount; r++) {
      roundIds[r] =
          rounds
              .claim(channel, LocalDate.of(2025, 1, 1).plusDays(r), "q" + r, BURST_START)
              .orElseThrow()
              .id();
    }
    int replies = roundCount * USERS;
    CountDownLatch startGate = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      List<Future<?>> writing = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        int first = t;
        writing.add(
            pool.submit(
                () -> {
                  try (ReplyWriter writer = writers.open()) {
                    startGate.await();
                    for (int i = first; i < replies; i += threads) {
                      writer.write(
                          roundIds[i / USERS],
                          "U" + (i % USERS),
                          "Ev-" + burst + "-" + i,
                          BURST_START.plusMillis(i));
                    }
                  }
                  return null;
                }));
      }
      long start = System.nanoTime();
      startGate.countDown();
      for (Future<?> writer : writing) {
        writer.get();
      }
      double seconds = (System.nanoTime() - start) / 1e9;
      verifyNothingLost(channel, replies);
      return replies / seconds;
    } finally {
      pool.shutdownNow();
    }
  }

  private void verifyNothingLost(ChannelKey channel, int expected) {
    int recorded = participations.forChannel(channel).size();
    if (recorded != expected) {
      throw new IllegalStateException(
          "Lost replies in " + channel + ": " + recorded + " of " + expected + " recorded");
    }
  }

  private static double median(double[] values) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    return sorted[sorted.length / 2];
  }
}
