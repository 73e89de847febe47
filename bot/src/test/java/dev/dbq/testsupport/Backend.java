package dev.dbq.testsupport;

/** A database dbq runs on, as tests set it up. */
public enum Backend {
  SQLITE("SQLite"),
  POSTGRESQL("PostgreSQL");

  private final String displayName;

  Backend(String displayName) {
    this.displayName = displayName;
  }

  public String displayName() {
    return displayName;
  }

  /**
   * A fresh, empty database of this backend.
   *
   * @throws BackendUnavailableException when its server cannot be reached
   */
  public TestDatabase create() {
    return switch (this) {
      case SQLITE -> TestDatabase.sqliteInTempFolder();
      case POSTGRESQL -> TestDatabase.postgresqlInFreshSchema();
    };
  }
}
