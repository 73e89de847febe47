package dev.dbq.store;

import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.List;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;

/**
 * Why a database could not be opened, as one line an operator can act on: what is wrong, then
 * what to change. Every line names {@code database.url}, where the fix goes.
 */
final class OpenFailures {

  static final String WHERE_TO_FIX = "database.url (or DBQ_DATABASE_URL)";

  private OpenFailures() {}

  /** "Cannot open database URL: WHAT; FIX", the URL without credentials. */
  static DatabaseUnavailableException cannotOpen(Dialect dialect, String jdbcUrl, Throwable failure) {
    String problem = dialect == Dialect.SQLITE ? sqlite(jdbcUrl, failure) : postgresql(failure);
    return cannotOpen(jdbcUrl, problem, failure);
  }

  static DatabaseUnavailableException cannotOpen(String jdbcUrl, String problem, Throwable cause) {
    return new DatabaseUnavailableException(
        "Cannot open database " + JdbcUrls.redact(jdbcUrl) + ": " + problem, cause);
  }

  /**
   * Whether a failure while migrating is the database refusing us (rights, read-only, locked,
   * full, gone) rather than a fault in a migration.
   */
  static boolean isTheOperators(Throwable failure) {
    SQLiteException sqlite = find(failure, SQLiteException.class);
    if (sqlite != null) {
      int primaryCode = sqlite.getResultCode().code & 0xff;
      return List.of(SQLiteErrorCode.SQLITE_READONLY, SQLiteErrorCode.SQLITE_PERM, SQLiteErrorCode.SQLITE_CANTOPEN,
              SQLiteErrorCode.SQLITE_NOTADB, SQLiteErrorCode.SQLITE_BUSY, SQLiteErrorCode.SQLITE_LOCKED,
              SQLiteErrorCode.SQLITE_FULL, SQLiteErrorCode.SQLITE_IOERR)
          .stream().anyMatch(code -> code.code == primaryCode);
    }
    SQLException driver = innermost(failure);
    String state = driver == null || driver.getSQLState() == null ? "" : driver.getSQLState();
    // Connection, authorization, privilege, read-only transaction, resources.
    return List.of("08", "28", "3D", "42501", "25006", "53").stream().anyMatch(state::startsWith);
  }

  private static String sqlite(String jdbcUrl, Throwable failure) {
    SQLiteException driver = find(failure, SQLiteException.class);
    Path file = ConnectionPools.sqliteFile(jdbcUrl);
    int primaryCode = driver == null ? -1 : driver.getResultCode().code & 0xff;
    if (primaryCode == SQLiteErrorCode.SQLITE_CANTOPEN.code) {
      return Files.isDirectory(file)
          ? file + " is a folder; " + WHERE_TO_FIX + " must name a file, e.g. jdbc:sqlite:data/dbq.db"
          : "cannot open " + file + "; make its folder writable by this user, or change " + WHERE_TO_FIX;
    }
    if (primaryCode == SQLiteErrorCode.SQLITE_NOTADB.code) {
      return file + " is not a SQLite database; point " + WHERE_TO_FIX + " at dbq's database or at a new file";
    }
    if (primaryCode == SQLiteErrorCode.SQLITE_READONLY.code || primaryCode == SQLiteErrorCode.SQLITE_PERM.code) {
      return file + " or its folder is read-only; make both writable by this user, or change " + WHERE_TO_FIX;
    }
    if (primaryCode == SQLiteErrorCode.SQLITE_BUSY.code || primaryCode == SQLiteErrorCode.SQLITE_LOCKED.code) {
      return file + " stayed locked by another program; stop it, or change " + WHERE_TO_FIX;
    }
    return StoreException.reason(failure) + "; check " + WHERE_TO_FIX;
  }

  private static String postgresql(Throwable failure) {
    UnknownHostException unknownHost = find(failure, UnknownHostException.class);
    if (unknownHost != null) {
      return "unknown host " + unknownHost.getMessage() + "; fix the host in " + WHERE_TO_FIX;
    }
    if (find(failure, ConnectException.class) != null || find(failure, NoRouteToHostException.class) != null) {
      return nothingAnswers(failure);
    }
    if (find(failure, SocketTimeoutException.class) != null) {
      return "no answer within " + ConnectionPools.BUSY_TIMEOUT.toSeconds()
          + " s; check the host and port in " + WHERE_TO_FIX + " and that no firewall drops the connection";
    }
    SQLException driver = innermost(failure);
    String state = driver == null || driver.getSQLState() == null ? "" : driver.getSQLState();
    String said = withoutSeverity(StoreException.reason(failure));
    if (state.equals("3D000")) {
      return said + "; create it, or fix the database name in " + WHERE_TO_FIX;
    }
    if (state.equals("42501")) {
      return said + "; grant the user the rights to create tables, or use another user in " + WHERE_TO_FIX;
    }
    if (state.startsWith("28")) {
      // 28000: no such role or not allowed by pg_hba.conf; 28P01: wrong password.
      return said + "; fix the user and password in " + WHERE_TO_FIX;
    }
    if (state.equals("08001") && said.contains("refused")) {
      return nothingAnswers(failure);
    }
    return said + "; check " + WHERE_TO_FIX;
  }

  private static String nothingAnswers(Throwable failure) {
    String said = StoreException.reason(failure);
    // The driver says "Connection to HOST:PORT refused. Check that ...".
    int to = said.indexOf("Connection to ");
    int refused = said.indexOf(" refused");
    String where = to >= 0 && refused > to ? said.substring(to + "Connection to ".length(), refused) : "that host and port";
    return "nothing answers at " + where + "; start PostgreSQL there, or fix the host and port in " + WHERE_TO_FIX;
  }

  /** "FATAL: database "x" does not exist" reads better without the severity. */
  private static String withoutSeverity(String message) {
    return message.replaceFirst("^(FATAL|ERROR): ", "");
  }

  private static <T extends Throwable> T find(Throwable failure, Class<T> type) {
    for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
      if (type.isInstance(cause)) {
        return type.cast(cause);
      }
    }
    return null;
  }

  private static SQLException innermost(Throwable failure) {
    SQLException found = null;
    for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
      if (cause instanceof SQLException sql) {
        found = sql;
      }
    }
    return found;
  }
}
