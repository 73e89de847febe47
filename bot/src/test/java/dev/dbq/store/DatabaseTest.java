package dev.dbq.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dbq.round.Participation;
import dev.dbq.testsupport.EachBackend;
import dev.dbq.testsupport.TestDatabase;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;

class DatabaseTest {

  private static final Instant NOON = Instant.parse("2025-03-03T12:00:00Z");
  private static final List<String> TABLES =
      List.of("channels", "rounds", "participations", "question_history", "processed_events");

  @EachBackend
  void appliesMigrationsToFreshDatabaseAndReopensWithoutReapplying(TestDatabase test) {
    // given
    Database first = test.database();
    int applied = appliedMigrations(first);
    new ProcessedEventRepository(first).firstSeen("slack", "Ev1", NOON);

    // when
    Database reopened = test.openAnother();

    // then
    assertTrue(applied >= 1, "at least one migration applied");
    assertEquals(applied, appliedMigrations(reopened));
    for (String table : TABLES) {
      long expected = table.equals("processed_events") ? 1 : 0;
      assertEquals(expected, count(reopened, table), table);
    }
  }

  @EachBackend
  void answersWhileOpenAndNotOnceClosed(TestDatabase test) {
    // given
    Database database = test.openAnother();
    boolean open = database.answers(2);

    // when
    database.close();

    // then: /readyz reports it, and nothing throws
    assertTrue(open);
    assertFalse(database.answers(2));
  }

  @EachBackend
  void commitsTransactionWhenWorkReturns(Database database) {
    // when
    String result =
        database.transaction(
            "insert an event",
            connection -> {
              insertEvent(connection, "Ev1");
              return "done";
            });

    // then
    assertEquals("done", result);
    assertEquals(1, count(database, "processed_events"));
  }

  @EachBackend
  void rollsBackTransactionWhenWorkThrows(Database database) {
    // given
    IllegalStateException failure = new IllegalStateException("changed my mind");

    // when
    IllegalStateException thrown =
        assertThrows(
            IllegalStateException.class,
            () ->
                database.transaction(
                    "insert an event, then fail",
                    connection -> {
                      insertEvent(connection, "Ev1");
                      throw failure;
                    }));

    // then
    assertSame(failure, thrown);
    assertEquals(0, count(database, "processed_events"));
  }

  @EachBackend
  void rollsBackRepositoryWritesMadeInsideFailedTransaction(Database database) {
    // given
    ProcessedEventRepository events = new ProcessedEventRepository(database);
    ParticipationRepository participations = new ParticipationRepository(database);
    Participation inMissingRound =
        new Participation(404, "U1", NOON, Participation.Source.THREAD_REPLY);

    // when
    assertThrows(
        StoreException.class,
        () ->
            database.transaction(
                "record a reply",
                connection ->
                    events.firstSeen("slack", "Ev1", NOON)
                        && participations.record(inMissingRound)));

    // then
    assertTrue(events.firstSeen("slack", "Ev1", NOON), "the event was rolled back with it");
  }

  @EachBackend
  void reportsBadSqlAsStoreExceptionNamingTheAction(Database database) {
    // when
    StoreException thrown =
        assertThrows(
            StoreException.class,
            () ->
                database.read(
                    "count the widgets",
                    connection ->
                        connection.createStatement().executeQuery("SELECT * FROM widgets")));

    // then
    assertTrue(
        thrown.getMessage().startsWith("Failed to count the widgets: "), thrown.getMessage());
    assertTrue(thrown.getMessage().contains("widgets"), thrown.getMessage());
    assertTrue(thrown.getCause() instanceof SQLException);
  }

  private static void insertEvent(Connection connection, String eventId) throws SQLException {
    Jdbc.update(
        connection,
        "INSERT INTO processed_events (platform, event_id, seen_at) VALUES (?, ?, ?)",
        "slack",
        eventId,
        NOON.toEpochMilli());
  }

  private static int appliedMigrations(Database database) {
    return database.read(
        "count applied migrations",
        connection ->
            Jdbc.queryOne(
                    connection,
                    "SELECT COUNT(*) FROM flyway_schema_history WHERE success = TRUE",
                    row -> row.getInt(1))
                .orElseThrow());
  }

  private static long count(Database database, String table) {
    return database.read(
        "count rows of " + table,
        connection ->
            Jdbc.queryOne(connection, "SELECT COUNT(*) FROM " + table, row -> row.getLong(1))
                .orElseThrow());
  }
}
