package dev.dbq.store;

import dev.dbq.app.Features;
import dev.dbq.bank.BankLibrary;
import dev.dbq.bank.Question;
import dev.dbq.chat.ChannelKey;
import dev.dbq.chat.Inbound;
import dev.dbq.chat.Reply;
import dev.dbq.chat.ThreadMessage;
import dev.dbq.console.ConsoleClock;
import dev.dbq.round.ChannelSchedule;
import dev.dbq.round.Participation;
import dev.dbq.round.ParticipationOutcome;
import dev.dbq.round.RoundPolicy;
import dev.dbq.round.RoundService;
import dev.dbq.testsupport.Backend;
import dev.dbq.testsupport.BackendUnavailableException;
import dev.dbq.testsupport.CountingStore;
import dev.dbq.testsupport.RecordingGateway;
import dev.dbq.testsupport.TestBanks;
import dev.dbq.testsupport.TestBot;
import dev.dbq.testsupport.TestDatabase;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.LongAdder;

/**
 * Thread replies through the real inbound path (a thread-reply event into the bot's {@link
 * Inbound} port, the verdict out: the round looked up by its thread, the participation recorded,
 * the follow-up rules applied) against bare one-row insert transactions (autocommit, one reused
 * statement) in the same run and database, for SQLite and PostgreSQL, in two shapes: one round
 * with 10,000 repliers, and 100 rounds (100 channels) with 100 repliers each.
 *
 * <p>Every reply is its user's first in the round, which is open with a follow-up still to come,
 * so the first reply after the last follow-up also stores its time (once per round). Every burst
 * is checked: all replies COUNTED and all recorded. Then one burst of each shape goes through a
 * {@link RoundService} over a {@link CountingStore} for the statements and transactions per
 * reply, and on PostgreSQL the rows the server read for it (pg_stat_user_tables).
 *
 * <p>Run: {@code mvn -o -q -B -pl bot test-compile exec:java -Dexec.classpathScope=test
 * -Dexec.mainClass=dev.dbq.store.ParticipationWriteBenchmark}
 */
public final class ParticipationWriteBenchmark {

  /** A burst's layout: how many open rounds (one per channel), how many repliers in each. */
  private record Shape(String name, int rounds, int usersPerRound) {
    int replies() {
      return rounds * usersPerRound;
    }
  }

  private static final Shape[] SHAPES = {new Shape("1 round x 10,000", 1, 10_000), new Shape("100 rounds x 100", 100, 100)};
  /** One writer as on Discord's event thread; a few as Slack's HTTP workers deliver events. */
  private static final int[] THREAD_COUNTS = {1, 4};
  private static final int TRIALS = 3;

  private static final LocalDate TODAY = LocalDate.of(2026, 11, 30);
  private static final Instant POSTED = TODAY.atTime(9, 0).toInstant(ZoneOffset.UTC);
  /** Ten minutes after the post and its first follow-up: the next one waits for the interval. */
  private static final Instant REPLIES_AT = POSTED.plus(Duration.ofMinutes(10));
  private static final String BARE_INSERT =
      "INSERT INTO participations (round_id, user_id, participated_at, source) VALUES (?, ?, ?, ?)";
  /** How the verdict COUNTED ends (ParticipationWords), checked on every reply. */
  private static final String COUNTED = ": counted for today's question)";
  // PostgreSQL reports a backend's table statistics once it has been idle this long.
  private static final Duration STATISTICS_SETTLE = Duration.ofSeconds(12);

  /** Writes one reply on the writing thread; false if it was not counted. */
  @FunctionalInterface
  private interface ReplyWriter extends AutoCloseable {
    boolean write(ChannelKey channel, long roundId, String threadRef, String userId, String eventId) throws SQLException;

    @Override
    default void close() throws SQLException {}
  }

  /** Gives each writing thread its own writer. */
  @FunctionalInterface
  private interface WriterFactory {
    ReplyWriter open() throws SQLException;
  }

  /** The open rounds of one burst. */
  private record Burst(ChannelKey[] channels, long[] roundIds, String[] threads) {}

  private final Database database;
  private final String questionId;
  private final Inbound inbound;
  private int burstsRun;

  private ParticipationWriteBenchmark(TestDatabase test, Inbound inbound, String questionId) {
    this.database = test.database();
    this.inbound = inbound;
    this.questionId = questionId;
  }

  public static void main(String[] args) throws Exception {
    System.out.printf(
        "thread replies through the bot's inbound port against bare one-row insert transactions;"
            + " median of %d bursts; every reply checked COUNTED and recorded%n",
        TRIALS);
    for (Backend backend : Backend.values()) {
      try (TestDatabase test = backend.create()) {
        BankLibrary library = TestBanks.library();
        // A question with a follow-up still to come after the first, so replies matter to it.
        Question question = library.questions().stream().filter(q -> q.followUps().size() >= 2).findFirst().orElseThrow();
        TestBot bot = TestBot.on(test.openAnother(), "", REPLIES_AT);
        new ParticipationWriteBenchmark(test, bot.bot().inbound(), question.id()).measure(backend, library);
      } catch (BackendUnavailableException unavailable) {
        System.out.println(backend.displayName() + ": skipped, " + unavailable.getMessage());
      }
    }
  }

  private void measure(Backend backend, BankLibrary library) throws Exception {
    for (Shape shape : SHAPES) {
      for (int threads : THREAD_COUNTS) {
        burst(shape, threads, this::bareInsert);
        burst(shape, threads, this::realPath);
        double[] bare = new double[TRIALS];
        double[] real = new double[TRIALS];
        for (int trial = 0; trial < TRIALS; trial++) {
          bare[trial] = burst(shape, threads, this::bareInsert);
          real[trial] = burst(shape, threads, this::realPath);
        }
        System.out.printf(
            "%-10s %-17s %d thread(s): bare insert %,7.0f/s | reply through the inbound port %,7.0f/s | real/bare %.2fx%n",
            backend.displayName(), shape.name(), threads, median(bare), median(real), median(real) / median(bare));
      }
      counted(backend, shape, library);
    }
  }

  /** One burst through a round service over a counting store: statements, transactions, rows read. */
  private void counted(Backend backend, Shape shape, BankLibrary library) throws Exception {
    CountingStore store = new CountingStore(Store.on(database));
    RoundService rounds = new RoundService(
        () -> library,
        store,
        new RecordingGateway(),
        new ConsoleClock(ZoneOffset.UTC, REPLIES_AT),
        new SplittableRandom(1),
        new RoundPolicy(Duration.ofHours(2), Duration.ofHours(1),
            new ChannelSchedule(LocalTime.of(9, 0), ZoneOffset.UTC, EnumSet.allOf(DayOfWeek.class), LocalTime.of(11, 0), true), ""),
        (channel, outcome) -> {},
        Features::routines);
    boolean postgres = backend == Backend.POSTGRESQL;
    long rowsBefore = postgres ? rowsRead() : 0;
    burst(shape, 1, () -> (channel, roundId, thread, user, event) ->
        rounds.reply(channel, thread, ThreadMessage.byPerson(user, event)) == ParticipationOutcome.COUNTED);
    double replies = shape.replies();
    String rows = postgres ? String.format("%.1f rows read by the server", (rowsRead() - rowsBefore) / replies) : "";
    System.out.printf(
        "%-10s %-17s per reply: %.3f statements, %.3f transactions %s%n",
        backend.displayName(), shape.name(), store.statements() / replies, store.transactions() / replies, rows);
  }

  /** Rows PostgreSQL read from the test schema's tables so far (sequential and by index), once settled. */
  private long rowsRead() throws Exception {
    Thread.sleep(STATISTICS_SETTLE.toMillis());
    try (Connection connection = database.dataSource().getConnection();
        Statement statement = connection.createStatement();
        ResultSet row = statement.executeQuery(
            "SELECT COALESCE(SUM(seq_tup_read), 0) + COALESCE(SUM(idx_tup_fetch), 0)"
                + " FROM pg_stat_user_tables WHERE schemaname = current_schema()")) {
      row.next();
      return row.getLong(1);
    }
  }

  /** The path a thread-reply event takes in the bot: the inbound port, as a platform calls it. */
  private ReplyWriter realPath() {
    return (channel, roundId, thread, user, event) -> {
      Reply verdict = inbound.threadMessage(channel, thread, ThreadMessage.byPerson(user, event));
      return ((Reply.Text) verdict.blocks().get(0)).markdown().endsWith(COUNTED);
    };
  }

  private ReplyWriter bareInsert() throws SQLException {
    Connection connection = database.dataSource().getConnection();
    PreparedStatement insert = connection.prepareStatement(BARE_INSERT);
    return new ReplyWriter() {
      @Override
      public boolean write(ChannelKey channel, long roundId, String thread, String userId, String eventId)
          throws SQLException {
        insert.setLong(1, roundId);
        insert.setString(2, userId);
        insert.setLong(3, REPLIES_AT.toEpochMilli());
        insert.setString(4, Participation.Source.THREAD_REPLY.name());
        return insert.executeUpdate() == 1;
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
   * Writes one reply per user and round of fresh open rounds, spread over the threads.
   *
   * @return replies per second
   */
  private double burst(Shape shape, int threads, WriterFactory writers) throws Exception {
    Burst burst = open(shape, ++burstsRun);
    int replies = shape.replies();
    LongAdder counted = new LongAdder();
    CountDownLatch startGate = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      List<Future<?>> writing = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        int first = t;
        writing.add(pool.submit(() -> {
          try (ReplyWriter writer = writers.open()) {
            startGate.await();
            for (int i = first; i < replies; i += threads) {
              int round = i / shape.usersPerRound();
              if (writer.write(burst.channels()[round], burst.roundIds()[round], burst.threads()[round],
                  "U" + (i % shape.usersPerRound()), "Ev-" + burstsRun + "-" + i)) {
                counted.increment();
              }
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
      verifyNothingLost(burst, replies, counted.intValue());
      return replies / seconds;
    } finally {
      pool.shutdownNow();
    }
  }

  /** Posted rounds, one per channel, each followed up once at its post and open for replies. */
  private Burst open(Shape shape, int burst) throws SQLException {
    ChannelKey[] channels = new ChannelKey[shape.rounds()];
    long[] ids = new long[shape.rounds()];
    String[] threads = new String[shape.rounds()];
    try (Connection connection = database.dataSource().getConnection();
        PreparedStatement insert = connection.prepareStatement(
            "INSERT INTO rounds (platform, workspace, channel, round_date, question_id, posted_at, message_ref, thread_ref,"
                + " followups_sent, last_followup_at, state) VALUES (?, ?, ?, ?, ?, ?, ?, ?, 1, ?, 'posted') RETURNING id")) {
      for (int r = 0; r < shape.rounds(); r++) {
        channels[r] = new ChannelKey("slack", "bench", "b" + burst + "-c" + r);
        threads[r] = "ts-" + burst + "-" + r;
        insert.setString(1, channels[r].platform());
        insert.setString(2, channels[r].workspace());
        insert.setString(3, channels[r].channel());
        insert.setString(4, TODAY.toString());
        insert.setString(5, questionId);
        insert.setLong(6, POSTED.toEpochMilli());
        insert.setString(7, threads[r]);
        insert.setString(8, threads[r]);
        insert.setLong(9, POSTED.toEpochMilli());
        try (ResultSet id = insert.executeQuery()) {
          id.next();
          ids[r] = id.getLong(1);
        }
      }
    }
    return new Burst(channels, ids, threads);
  }

  private void verifyNothingLost(Burst burst, int expected, int counted) throws SQLException {
    long recorded = 0;
    try (Connection connection = database.dataSource().getConnection();
        PreparedStatement count = connection.prepareStatement("SELECT COUNT(*) FROM participations WHERE round_id = ?")) {
      for (long id : burst.roundIds()) {
        count.setLong(1, id);
        try (ResultSet row = count.executeQuery()) {
          row.next();
          recorded += row.getLong(1);
        }
      }
    }
    if (recorded != expected || counted != expected) {
      throw new IllegalStateException(
          "Lost replies: " + recorded + " recorded and " + counted + " counted of " + expected);
    }
  }

  private static double median(double[] values) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    return sorted[sorted.length / 2];
  }
}
