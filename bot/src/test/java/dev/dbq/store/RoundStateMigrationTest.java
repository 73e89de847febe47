package dev.dbq.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.dbq.chat.ChannelKey;
import dev.dbq.round.Round;
import dev.dbq.round.RoundState;
import dev.dbq.testsupport.EachBackend;
import dev.dbq.testsupport.TestDatabase;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.flywaydb.core.Flyway;

/**
 * V5 makes a round's state explicit. Rounds written before it get the state their columns meant,
 * and nothing else of them changes.
 */
class RoundStateMigrationTest {

  private static final ChannelKey DONE = new ChannelKey("slack", "T1", "done");
  private static final ChannelKey OPEN = new ChannelKey("slack", "T1", "open");
  private static final ChannelKey WAITING = new ChannelKey("slack", "T1", "waiting");
  private static final ChannelKey GIVEN_UP = new ChannelKey("slack", "T1", "given-up");
  private static final LocalDate MONDAY = LocalDate.parse("2026-12-07");
  private static final long AT = Instant.parse("2026-12-07T09:00:00Z").toEpochMilli();

  @EachBackend
  void existingRoundsGetTheStateTheirColumnsMeantAndKeepEverythingElse(TestDatabase database) throws SQLException {
    // given: a version 4 database with a round in every condition
    migrateTo(database, "4");
    try (Connection connection = DriverManager.getConnection(database.url())) {
      insert(connection, DONE, MONDAY, "m1", AT + 1, null);
      insert(connection, DONE, MONDAY.plusDays(1), "m2", AT + 2, null);
      insert(connection, OPEN, MONDAY, "m3", null, null);
      insert(connection, WAITING, MONDAY, null, null, null);
      insert(connection, GIVEN_UP, MONDAY, null, null, AT + 3);
    }

    // when
    RoundRepository rounds = new RoundRepository(database.database());

    // then
    Round closed = rounds.forDate(DONE, MONDAY).orElseThrow();
    Round revealed = rounds.forDate(DONE, MONDAY.plusDays(1)).orElseThrow();
    Round posted = rounds.forDate(OPEN, MONDAY).orElseThrow();
    Round claimed = rounds.forDate(WAITING, MONDAY).orElseThrow();
    Round skipped = rounds.forDate(GIVEN_UP, MONDAY).orElseThrow();
    assertEquals(
        List.of(RoundState.CLOSED, RoundState.REVEALED, RoundState.POSTED, RoundState.CLAIMED, RoundState.SKIPPED),
        List.of(closed.state(), revealed.state(), posted.state(), claimed.state(), skipped.state()));
    assertEquals(List.of("m1", "m2", "m3"), List.of(closed.messageRef(), revealed.messageRef(), posted.messageRef()));
    assertEquals(Instant.ofEpochMilli(AT + 1), closed.revealedAt());
    assertEquals(Instant.ofEpochMilli(AT + 3), skipped.skippedAt());
    assertEquals(Instant.ofEpochMilli(AT), claimed.postedAt());
  }

  @EachBackend
  void theSchemaRefusesAStateItDoesNotKnow(TestDatabase database) throws SQLException {
    // given
    RoundRepository rounds = new RoundRepository(database.database());
    rounds.claim(DONE, MONDAY, "q1", Instant.ofEpochMilli(AT)).orElseThrow();

    // when / then
    try (Connection connection = DriverManager.getConnection(database.url());
        Statement statement = connection.createStatement()) {
      assertThrows(SQLException.class, () -> statement.executeUpdate("UPDATE rounds SET state = 'lost'"));
    }
  }

  private static void migrateTo(TestDatabase database, String version) {
    Flyway.configure()
        .dataSource(database.url(), null, null)
        .locations("classpath:db/migration")
        .placeholders(Dialect.of(database.url()).migrationPlaceholders())
        .target(version)
        .load()
        .migrate();
  }

  private static void insert(
      Connection connection, ChannelKey channel, LocalDate date, String messageRef, Long revealedAt, Long skippedAt)
      throws SQLException {
    try (PreparedStatement insert =
        connection.prepareStatement(
            "INSERT INTO rounds (platform, workspace, channel, round_date, question_id, posted_at, message_ref,"
                + " thread_ref, revealed_at, skipped_at) VALUES (?, ?, ?, ?, 'database-architecture/q1', ?, ?, ?, ?, ?)")) {
      insert.setString(1, channel.platform());
      insert.setString(2, channel.workspace());
      insert.setString(3, channel.channel());
      insert.setString(4, date.toString());
      insert.setLong(5, AT);
      insert.setString(6, messageRef);
      insert.setString(7, messageRef);
      insert.setObject(8, revealedAt);
      insert.setObject(9, skippedAt);
      insert.executeUpdate();
    }
  }
}
