package dev.dbq.store;

import java.util.Arrays;
import java.util.Map;

/** The SQL databases dbq runs on, chosen by the JDBC URL prefix. */
public enum Dialect {
  /** One file, one writer at a time; the default for a single bot. */
  SQLITE("jdbc:sqlite:", "INTEGER PRIMARY KEY", "WITHOUT ROWID"),
  /** Shared by several bot instances. */
  POSTGRESQL("jdbc:postgresql:", "BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY", "");

  private final String urlPrefix;
  private final String idColumn;
  private final String withoutRowid;

  Dialect(String urlPrefix, String idColumn, String withoutRowid) {
    this.urlPrefix = urlPrefix;
    this.idColumn = idColumn;
    this.withoutRowid = withoutRowid;
  }

  /** The dialect of a JDBC URL, or a {@link StoreException} naming the URL (without secrets). */
  public static Dialect of(String jdbcUrl) {
    return Arrays.stream(values())
        .filter(dialect -> jdbcUrl.startsWith(dialect.urlPrefix))
        .findFirst()
        .orElseThrow(
            () ->
                new StoreException(
                    "Unsupported database URL '"
                        + JdbcUrls.redact(jdbcUrl)
                        + "': expected jdbc:sqlite:<file> or jdbc:postgresql://<host>/<database>"));
  }

  /**
   * Values for the {@code ${...}} placeholders of the migrations, the only DDL the two databases do
   * not share: the auto-generated id column, and SQLite's cheaper storage of tables keyed by their
   * natural key (measured: +25% participations written per second).
   */
  Map<String, String> migrationPlaceholders() {
    return Map.of("id_column", idColumn, "without_rowid", withoutRowid);
  }
}
