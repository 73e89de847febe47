package dev.dbq.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.dbq.chat.ChannelKey;
import dev.dbq.round.Round;
import dev.dbq.testsupport.EachBackend;
import dev.dbq.testsupport.TestDatabase;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import org.flywaydb.core.Flyway;

/**
 * V2 makes a thread reference unique per channel. Databases written before it may hold the same
 * reference twice (each console process numbered its messages from m1): they must still migrate.
 */
class ThreadRefMigrationTest {

  private static final ChannelKey CONSOLE = new ChannelKey("console", "local", "general");

  @EachBackend
  void anOldDatabaseWithARepeatedThreadRefMigratesAndTheNewestRoundKeepsIt(TestDatabase database) throws SQLException {
    // given: a version 1 database where two days' console rounds both have thread m1
    Flyway.configure()
        .dataSource(database.url(), null, null)
        .locations("classpath:db/migration")
        .placeholders(Dialect.of(database.url()).migrationPlaceholders())
        .target("1")
        .load()
        .migrate();
    try (Connection connection = DriverManager.getConnection(database.url())) {
      insertPostedRound(connection, "2026-12-07", "m1");
      insertPostedRound(connection, "2026-12-08", "m1");
    }

    // when
    RoundRepository rounds = new RoundRepository(database.database());

    // then: a reply in m1 belongs to the newest round; the older keeps a ref of its own
    Round newest = rounds.byThread(CONSOLE, "m1").orElseThrow();
    assertEquals("2026-12-08", newest.date().toString());
    Round older = rounds.forDate(CONSOLE, newest.date().minusDays(1)).orElseThrow();
    assertNotEquals("m1", older.threadRef());
    assertEquals("m1", older.messageRef());
  }

  @EachBackend
  void theSchemaRefusesASecondRoundWithTheSameThreadInAChannel(Database database) {
    // given
    RoundRepository rounds = new RoundRepository(database);
    Round monday = rounds.claim(CONSOLE, LocalDate.parse("2026-12-07"), "q1", Instant.EPOCH).orElseThrow();
    Round tuesday = rounds.claim(CONSOLE, LocalDate.parse("2026-12-08"), "q2", Instant.EPOCH).orElseThrow();
    rounds.markPosted(monday.id(), "m1", "m1");

    // when / then
    assertThrows(StoreException.class, () -> rounds.markPosted(tuesday.id(), "m1", "m1"));
  }

  private static void insertPostedRound(Connection connection, String date, String ref) throws SQLException {
    try (PreparedStatement insert =
        connection.prepareStatement(
            "INSERT INTO rounds (platform, workspace, channel, round_date, question_id, posted_at, message_ref, thread_ref)"
                + " VALUES (?, ?, ?, ?, 'database-architecture/q1', 0, ?, ?)")) {
      insert.setString(1, CONSOLE.platform());
      insert.setString(2, CONSOLE.workspace());
      insert.setString(3, CONSOLE.channel());
      insert.setString(4, date);
      insert.setString(5, ref);
      insert.setString(6, ref);
      insert.executeUpdate();
    }
  }
}
