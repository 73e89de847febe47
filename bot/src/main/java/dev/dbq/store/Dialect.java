package dev.dbq.store;

import java.util.Arrays;
import java.util.Map;

/** The SQL databases dbq runs on, chosen by the JDBC URL prefix. */
public enum Dialect {
  /** One file, one writer at a time; the default for a single bot. */
  SQLITE("jdbc:sqlite:", "INTEGER PRIMARY KEY"),
  /** Shared by several bot instances. */
  POSTGRESQL("jdbc:postgresql:", "BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY");

  private final String urlPrefix;
  private final String idColumn;

  Dialect(String urlPrefix, String idColumn) {
    this.urlPrefix = urlPrefix;
    this.idColumn = idColumn;
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
   * Values for the {@code ${...}} placeholders of the migrations: the only syntax the two
   * databases do not share is the auto-generated id column.
   */
  Map<String, String> migrationPlaceholders() {
    return Map.of("id_column", idColumn);
  }
}
