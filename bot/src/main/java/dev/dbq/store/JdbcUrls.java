package dev.dbq.store;

import dev.dbq.text.Redaction;

/** JDBC URLs as they may be shown to people: without credentials. */
public final class JdbcUrls {

  private JdbcUrls() {}

  /**
   * The URL with user names and passwords replaced by {@code ***}; its passwords are registered
   * with {@link Redaction}, so that they are hidden wherever else they appear (driver messages,
   * logs).
   */
  public static String redact(String jdbcUrl) {
    Redaction.registerSecretsOf(jdbcUrl);
    return Redaction.redact(jdbcUrl);
  }
}
