package dev.dbq.store;

import dev.dbq.chat.ChannelKey;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The few JDBC moves the repositories repeat. Parameters are bound with {@code setObject}; instants
 * are stored as epoch milliseconds, dates as ISO text.
 */
final class Jdbc {

  /** Maps the current row of a result set. */
  @FunctionalInterface
  interface RowMapper<T> {
    T map(ResultSet row) throws SQLException;
  }

  private Jdbc() {}

  static int update(Connection connection, String sql, Object... parameters) throws SQLException {
    try (PreparedStatement statement = prepare(connection, sql, parameters)) {
      return statement.executeUpdate();
    }
  }

  static <T> Optional<T> queryOne(
      Connection connection, String sql, RowMapper<T> mapper, Object... parameters)
      throws SQLException {
    List<T> rows = queryList(connection, sql, mapper, parameters);
    if (rows.size() > 1) {
      throw new SQLException("Expected at most one row but got " + rows.size() + ": " + sql);
    }
    return rows.stream().findFirst();
  }

  static <T> List<T> queryList(
      Connection connection, String sql, RowMapper<T> mapper, Object... parameters)
      throws SQLException {
    try (PreparedStatement statement = prepare(connection, sql, parameters);
        ResultSet rows = statement.executeQuery()) {
      List<T> mapped = new ArrayList<>();
      while (rows.next()) {
        mapped.add(mapper.map(rows));
      }
      return mapped;
    }
  }

  private static PreparedStatement prepare(Connection connection, String sql, Object... parameters)
      throws SQLException {
    PreparedStatement statement = connection.prepareStatement(sql);
    try {
      for (int i = 0; i < parameters.length; i++) {
        statement.setObject(i + 1, parameters[i]);
      }
      return statement;
    } catch (SQLException e) {
      statement.close();
      throw e;
    }
  }

  /** The stored form of an instant, or null. */
  static Long millis(Instant instant) {
    return instant == null ? null : instant.toEpochMilli();
  }

  /** An instant column, null when SQL NULL. */
  static Instant instant(ResultSet row, String column) throws SQLException {
    long millis = row.getLong(column);
    return row.wasNull() ? null : Instant.ofEpochMilli(millis);
  }

  /** The channel key from the {@code platform, workspace, channel} columns every table uses. */
  static ChannelKey channelKey(ResultSet row) throws SQLException {
    return new ChannelKey(
        row.getString("platform"), row.getString("workspace"), row.getString("channel"));
  }
}
