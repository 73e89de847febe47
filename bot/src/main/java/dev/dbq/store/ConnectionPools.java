package dev.dbq.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Locale;
import java.util.regex.Pattern;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;

/** Builds the HikariCP pool of each dialect, once the database has answered. */
final class ConnectionPools {

  static final Duration BUSY_TIMEOUT = Duration.ofSeconds(5);

  /**
   * WAL lets readers run beside the single writer, so a few connections help reads; writes are
   * queued in the JVM by {@link Database}.
   */
  private static final int SQLITE_POOL_SIZE = 4;

  private static final int POSTGRESQL_POOL_SIZE = 10;

  private static final Pattern USER_INFO = Pattern.compile("^jdbc:postgresql://[^/?#]*@");

  private ConnectionPools() {}

  static HikariDataSource open(Dialect dialect, String jdbcUrl) {
    HikariConfig config =
        switch (dialect) {
          case SQLITE -> sqlite(jdbcUrl);
          case POSTGRESQL -> postgresql(jdbcUrl);
        };
    config.setPoolName("dbq-" + dialect.name().toLowerCase(Locale.ROOT));
    config.setConnectionTimeout(BUSY_TIMEOUT.toMillis());
    checkConnects(dialect, config, jdbcUrl);
    try {
      return new HikariDataSource(config);
    } catch (RuntimeException e) {
      throw OpenFailures.cannotOpen(dialect, jdbcUrl, e);
    }
  }

  /**
   * Opens and closes one connection first, so a wrong URL or an unreachable server fails at once
   * with one line naming the URL, rather than with the pool's logged stack trace.
   */
  private static void checkConnects(Dialect dialect, HikariConfig config, String jdbcUrl) {
    try {
      Connection probe =
          config.getDataSource() != null
              ? config.getDataSource().getConnection()
              : DriverManager.getConnection(config.getJdbcUrl(), config.getDataSourceProperties());
      probe.close();
    } catch (SQLException e) {
      throw OpenFailures.cannotOpen(dialect, jdbcUrl, e);
    }
  }

  private static HikariConfig sqlite(String jdbcUrl) {
    createParentFolder(jdbcUrl);
    SQLiteConfig sqlite = new SQLiteConfig();
    sqlite.setJournalMode(SQLiteConfig.JournalMode.WAL);
    // In WAL mode NORMAL only skips the fsync per commit: a power cut may lose the last
    // commits, a crash of the bot loses nothing; the file is never corrupted.
    sqlite.setSynchronous(SQLiteConfig.SynchronousMode.NORMAL);
    sqlite.setBusyTimeout((int) BUSY_TIMEOUT.toMillis());
    sqlite.enforceForeignKeys(true);
    // Take the write lock at BEGIN: a deferred transaction that read first cannot wait for the
    // lock and would fail with SQLITE_BUSY when another process wrote meanwhile.
    sqlite.setTransactionMode(SQLiteConfig.TransactionMode.IMMEDIATE);
    // Ids come back through RETURNING; otherwise the driver queries last_insert_rowid() after
    // every INSERT.
    sqlite.setGetGeneratedKeys(false);
    SQLiteDataSource dataSource = new SQLiteDataSource(sqlite);
    dataSource.setUrl(jdbcUrl);

    HikariConfig config = new HikariConfig();
    config.setDataSource(dataSource);
    config.setMaximumPoolSize(SQLITE_POOL_SIZE);
    return config;
  }

  private static HikariConfig postgresql(String jdbcUrl) {
    if (USER_INFO.matcher(jdbcUrl).find()) {
      // The driver would take "user:password@host" for a host name, and fail to resolve it.
      throw OpenFailures.cannotOpen(jdbcUrl,
          "the PostgreSQL driver does not read a user and password before the host name; give them after"
              + " the database name, as its user and password parameters, in " + OpenFailures.WHERE_TO_FIX,
          null);
    }
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl(jdbcUrl);
    config.setMaximumPoolSize(POSTGRESQL_POOL_SIZE);
    // Defaults only: parameters in the URL win over these driver properties.
    config.addDataSourceProperty("connectTimeout", String.valueOf(BUSY_TIMEOUT.toSeconds()));
    config.addDataSourceProperty("ApplicationName", "dbq");
    return config;
  }

  private static void createParentFolder(String jdbcUrl) {
    Path file = sqliteFile(jdbcUrl);
    Path folder = file.toAbsolutePath().getParent();
    try {
      Files.createDirectories(folder);
    } catch (IOException e) {
      throw OpenFailures.cannotOpen(jdbcUrl,
          "cannot create its folder " + folder + " (" + e.getClass().getSimpleName() + "); create it, or change "
              + OpenFailures.WHERE_TO_FIX,
          e);
    }
  }

  /** The file of {@code jdbc:sqlite:[file:]path[?options]}; in-memory databases are refused. */
  static Path sqliteFile(String jdbcUrl) {
    String location = jdbcUrl.substring("jdbc:sqlite:".length());
    if (location.startsWith("file:")) {
      location = location.substring("file:".length());
    }
    int options = location.indexOf('?');
    String path = options < 0 ? location : location.substring(0, options);
    if (path.isBlank() || path.equals(":memory:") || jdbcUrl.contains("mode=memory")) {
      throw OpenFailures.cannotOpen(jdbcUrl,
          "SQLite needs a file (every pooled connection would get its own, empty in-memory database); set "
              + OpenFailures.WHERE_TO_FIX + " to e.g. jdbc:sqlite:data/dbq.db",
          null);
    }
    return Path.of(path);
  }
}
