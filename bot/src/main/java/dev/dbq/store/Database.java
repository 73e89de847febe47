package dev.dbq.store;

import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.metrics.micrometer.MicrometerMetricsTrackerFactory;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;

/**
 * The one way into the database: a connection pool, migrated at open, and three ways to run JDBC
 * work that turn {@link SQLException} into a {@link StoreException} naming the action.
 *
 * <p>{@link #read} and {@link #write} run in autocommit mode; they differ only in what they tell
 * the reader of the calling code. {@link #transaction} commits when its work returns and rolls back
 * when it throws; reads and writes called on the same thread while it runs (e.g. by repositories)
 * join it, so several repository calls can be made atomic by wrapping them in one transaction. A
 * nested transaction joins the outer one.
 *
 * <p>SQLite has one writer at a time: a writer waits for the others through SQLite's busy timeout,
 * whether they are in this JVM or another process (transactions take the write lock at BEGIN so
 * that waiting always works). A lock in the JVM was measured slower with several writing threads:
 * its hand-offs leave the database idle while the next thread wakes up.
 */
public final class Database implements AutoCloseable {

  /** Where a bot without configuration keeps its data. */
  public static final String DEFAULT_URL = "jdbc:sqlite:data/dbq.db";

  private static final String MIGRATIONS = "classpath:db/migration";

  private final Dialect dialect;
  private final String safeUrl;
  private final HikariDataSource pool;
  private final ThreadLocal<Connection> currentTransaction = new ThreadLocal<>();
  /** Writes and transactions this process finished (failed ones too): part of {@link #changeStamp}. */
  private final AtomicLong writesDone = new AtomicLong();
  /** The SQLite file, null on a database server. */
  private final Path sqliteFile;

  private Database(Dialect dialect, String safeUrl, HikariDataSource pool, Path sqliteFile) {
    this.dialect = dialect;
    this.safeUrl = safeUrl;
    this.pool = pool;
    this.sqliteFile = sqliteFile;
  }

  /**
   * Opens the database at a {@code jdbc:sqlite:} or {@code jdbc:postgresql:} URL and applies
   * pending migrations. A SQLite file's folder is created on first run.
   *
   * @throws StoreException naming the URL (without credentials) if it is not supported, the server
   *     is unreachable or a migration fails
   */
  public static Database open(String jdbcUrl) {
    Dialect dialect = Dialect.of(jdbcUrl);
    Database database =
        new Database(dialect, JdbcUrls.redact(jdbcUrl), ConnectionPools.open(dialect, jdbcUrl),
            dialect == Dialect.SQLITE ? ConnectionPools.sqliteFile(jdbcUrl).toAbsolutePath() : null);
    try {
      database.migrate(jdbcUrl);
      return database;
    } catch (RuntimeException e) {
      database.close();
      throw e;
    }
  }

  private void migrate(String jdbcUrl) {
    try {
      Flyway.configure()
          .dataSource(pool)
          .locations(MIGRATIONS)
          .failOnMissingLocations(true)
          .placeholders(dialect.migrationPlaceholders())
          .load()
          .migrate();
    } catch (FlywayException e) {
      if (OpenFailures.isTheOperators(e)) {
        // E.g. the file is read-only, or the role may not create tables: not a bug of ours.
        throw OpenFailures.cannotOpen(dialect, jdbcUrl, e);
      }
      throw new StoreException("Cannot migrate database " + safeUrl + ": " + e.getMessage(), e);
    }
  }

  /** Publishes the connection pool's figures (active, idle, pending, timings) to {@code registry}. */
  public void publishPoolMetrics(MeterRegistry registry) {
    pool.setMetricsTrackerFactory(new MicrometerMetricsTrackerFactory(registry));
  }

  public Dialect dialect() {
    return dialect;
  }

  /** The pool, for libraries that manage their own JDBC work (e.g. a Quartz job store). */
  public DataSource dataSource() {
    return pool;
  }

  /**
   * Runs work that only reads.
   *
   * @param action what is being done, for the error message, e.g. "find round 42"
   */
  public <T> T read(String action, SqlFunction<Connection, T> work) {
    return run(action, false, work);
  }

  /**
   * Runs work that writes, each statement committed on its own.
   *
   * @param action what is being done, for the error message, e.g. "mark round 42 revealed"
   */
  public <T> T write(String action, SqlFunction<Connection, T> work) {
    try {
      return run(action, false, work);
    } finally {
      writesDone.incrementAndGet();
    }
  }

  /**
   * Runs work in one transaction: committed when it returns, rolled back when it throws (the
   * exception is passed on, an {@link SQLException} as a {@link StoreException}).
   *
   * @param action what is being done, for the error message
   */
  public <T> T transaction(String action, SqlFunction<Connection, T> work) {
    try {
      return run(action, true, work);
    } finally {
      writesDone.incrementAndGet();
    }
  }

  /**
   * A number that changes whenever the database may have changed: on SQLite, after this process
   * wrote and whenever the file or its write-ahead log changed on disk (written by any process:
   * a console or a second bot on the same file); a cached read is current while it stays the
   * same. Costs two file stats. On a database server only this process's writes show here.
   */
  public long changeStamp() {
    long stamp = writesDone.get();
    if (sqliteFile != null) {
      stamp = 31 * stamp + fileStamp(sqliteFile);
      stamp = 31 * stamp + fileStamp(sqliteFile.resolveSibling(sqliteFile.getFileName() + "-wal"));
    }
    return stamp;
  }

  private static long fileStamp(Path file) {
    try {
      BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
      return 31 * attributes.lastModifiedTime().to(TimeUnit.NANOSECONDS) + attributes.size();
    } catch (IOException e) {
      return 0; // no write-ahead log yet (or none any more): nothing written there
    }
  }

  /** Whether the database answers within {@code seconds}: a pooled connection that is still valid. */
  public boolean answers(int seconds) {
    try {
      return read("check the database answers", connection -> connection.isValid(seconds));
    } catch (StoreException e) {
      return false;
    }
  }

  private <T> T run(String action, boolean atomic, SqlFunction<Connection, T> work) {
    Connection joined = currentTransaction.get();
    if (joined != null) {
      return applyTo(joined, action, work);
    }
    try (Connection connection = pool.getConnection()) {
      return atomic ? inTransaction(connection, action, work) : work.apply(connection);
    } catch (SQLException e) {
      throw StoreException.failedTo(action, e);
    }
  }

  private <T> T inTransaction(Connection connection, String action, SqlFunction<Connection, T> work)
      throws SQLException {
    connection.setAutoCommit(false);
    currentTransaction.set(connection);
    try {
      T result = work.apply(connection);
      // Leaving manual-commit mode commits (JDBC says so); unlike commit() it does not make the
      // SQLite driver begin the next transaction at once, only for the pool to end it again.
      connection.setAutoCommit(true);
      return result;
    } catch (Throwable failure) {
      rollBack(connection, action, failure);
      throw failure;
    } finally {
      // After a rollback the pool restores autocommit when the connection is returned.
      currentTransaction.remove();
    }
  }

  private static void rollBack(Connection connection, String action, Throwable failure) {
    try {
      connection.rollback();
    } catch (SQLException rollbackFailure) {
      // The original failure is what the caller must see.
      failure.addSuppressed(StoreException.failedTo("roll back " + action, rollbackFailure));
    }
  }

  private static <T> T applyTo(
      Connection connection, String action, SqlFunction<Connection, T> work) {
    try {
      return work.apply(connection);
    } catch (SQLException e) {
      throw StoreException.failedTo(action, e);
    }
  }

  @Override
  public void close() {
    pool.close();
  }

  @Override
  public String toString() {
    return "Database[" + safeUrl + "]";
  }
}
