package dev.dbq.testsupport;

import dev.dbq.store.Database;
import dev.dbq.store.JdbcUrls;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * A fresh database for one test (or benchmark run): a SQLite file in a temporary folder, or a new
 * schema on the test PostgreSQL server. Closing it closes every {@link Database} opened on it and
 * deletes the folder or drops the schema.
 */
public final class TestDatabase implements AutoCloseable {

  /** Overrides where the PostgreSQL tests run. */
  public static final String POSTGRES_URL_ENV = "DBQ_TEST_POSTGRES_URL";

  public static final String DEFAULT_POSTGRES_URL =
      "jdbc:postgresql://127.0.0.1:5432/test?user=postgres";

  private static final int POSTGRES_CONNECT_TIMEOUT_SECONDS = 3;

  /** Removes what the database left behind. */
  @FunctionalInterface
  private interface Cleanup {
    void run() throws IOException;
  }

  private final Backend backend;
  private final String url;
  private final Cleanup cleanup;
  private final List<Database> opened = new ArrayList<>();
  private boolean closed;

  private TestDatabase(Backend backend, String url, Cleanup cleanup) {
    this.backend = backend;
    this.url = url;
    this.cleanup = cleanup;
  }

  static TestDatabase sqliteInTempFolder() {
    try {
      Path folder = Files.createTempDirectory("dbq-test-");
      String url = "jdbc:sqlite:" + folder.resolve("dbq.db");
      return new TestDatabase(Backend.SQLITE, url, () -> deleteRecursively(folder));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static TestDatabase postgresqlInFreshSchema() {
    String serverUrl = System.getenv().getOrDefault(POSTGRES_URL_ENV, DEFAULT_POSTGRES_URL);
    String schema = "dbq_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
    executeOnServer(serverUrl, "CREATE SCHEMA " + schema);
    String url = serverUrl + (serverUrl.contains("?") ? "&" : "?") + "currentSchema=" + schema;
    return new TestDatabase(
        Backend.POSTGRESQL,
        url,
        () -> executeOnServer(serverUrl, "DROP SCHEMA " + schema + " CASCADE"));
  }

  public Backend backend() {
    return backend;
  }

  /** The JDBC URL of this database, for {@link Database#open}. */
  public String url() {
    return url;
  }

  /** The database every test of a fixture shares; opened (and migrated) on first use. */
  public synchronized Database database() {
    return opened.isEmpty() ? openAnother() : opened.get(0);
  }

  /** Another instance on the same database, as a second bot process would open it. */
  public synchronized Database openAnother() {
    if (closed) {
      throw new IllegalStateException("Test database " + JdbcUrls.redact(url) + " is closed");
    }
    Database database = Database.open(url);
    opened.add(database);
    return database;
  }

  @Override
  public synchronized void close() throws IOException {
    if (closed) {
      return;
    }
    closed = true;
    opened.forEach(Database::close);
    cleanup.run();
  }

  @Override
  public String toString() {
    return backend.displayName() + " " + JdbcUrls.redact(url);
  }

  private static void executeOnServer(String serverUrl, String sql) {
    Properties defaults = new Properties();
    defaults.setProperty("connectTimeout", String.valueOf(POSTGRES_CONNECT_TIMEOUT_SECONDS));
    Connection connection;
    try {
      connection = DriverManager.getConnection(serverUrl, defaults);
    } catch (SQLException e) {
      throw new BackendUnavailableException(
          "PostgreSQL not reachable at " + JdbcUrls.redact(serverUrl) + " (" + e.getMessage() + ")",
          e);
    }
    try (connection;
        Statement statement = connection.createStatement()) {
      statement.execute(sql);
    } catch (SQLException e) {
      throw new IllegalStateException("Cannot run '" + sql + "' on the test PostgreSQL server", e);
    }
  }

  private static void deleteRecursively(Path folder) throws IOException {
    try (Stream<Path> paths = Files.walk(folder)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(path);
      }
    }
  }
}
