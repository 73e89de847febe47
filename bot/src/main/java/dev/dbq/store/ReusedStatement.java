package dev.dbq.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One hot SQL statement, prepared once per pooled connection and kept for the next use of that
 * connection. The SQLite driver has no statement cache: it compiles every {@code
 * prepareStatement} anew, which costs more than running a short statement. The statement is
 * prepared on the pool's underlying connection (not its proxy, which closes what was prepared
 * through it when the connection goes back), and dropped once that connection is closed.
 * A pooled connection serves one thread at a time, and so does its statement.
 */
final class ReusedStatement {

  private final String sql;
  private final Map<Connection, PreparedStatement> prepared = new HashMap<>();

  ReusedStatement(String sql) {
    this.sql = sql;
  }

  /** Runs the statement on the connection with these parameters: at most one row, mapped. */
  <T> Optional<T> queryOne(Connection pooled, Jdbc.RowMapper<T> mapper, Object... parameters) throws SQLException {
    List<T> rows = queryList(pooled, mapper, parameters);
    if (rows.size() > 1) {
      throw new SQLException("Expected at most one row but got " + rows.size() + ": " + sql);
    }
    return rows.stream().findFirst();
  }

  /** Runs the statement on the connection with these parameters: every row, mapped. */
  <T> List<T> queryList(Connection pooled, Jdbc.RowMapper<T> mapper, Object... parameters) throws SQLException {
    PreparedStatement statement = on(pooled.unwrap(Connection.class));
    for (int i = 0; i < parameters.length; i++) {
      statement.setObject(i + 1, parameters[i]);
    }
    try (ResultSet rows = statement.executeQuery()) {
      List<T> mapped = new ArrayList<>(2);
      while (rows.next()) {
        mapped.add(mapper.map(rows));
      }
      return mapped;
    } finally {
      statement.clearParameters();
    }
  }

  private synchronized PreparedStatement on(Connection physical) throws SQLException {
    PreparedStatement statement = prepared.get(physical);
    if (statement == null || statement.isClosed()) {
      // A new connection: the pool retired some, whose statements go with them.
      List<Connection> retired = new ArrayList<>();
      for (Map.Entry<Connection, PreparedStatement> entry : prepared.entrySet()) {
        if (entry.getKey().isClosed() || entry.getValue().isClosed()) {
          retired.add(entry.getKey());
        }
      }
      retired.forEach(prepared::remove);
      statement = physical.prepareStatement(sql);
      prepared.put(physical, statement);
    }
    return statement;
  }
}
