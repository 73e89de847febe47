package dev.dbq.store;

import dev.dbq.chat.ChannelKey;
import dev.dbq.round.Participation;
import dev.dbq.round.Round;
import dev.dbq.round.RoundState;
import dev.dbq.round.RoundStore;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** Who took part in which round: once per user and round. */
public final class ParticipationRepository implements RoundStore.Participations {

  /**
   * A reply's participation, inserted only into the thread's round while it is open (posted or
   * revealed: the claim of the channel's next round closes it) and posted by the reply's time,
   * which is when ParticipationRules counts it. The round comes back by its primary key, so the
   * reply reads O(1) rows however many replied before. The round's columns come back as one
   * text (free text last) and its message reference: each subquery in RETURNING adds to what
   * SQLite compiles, once per connection ({@link ReusedStatement}).
   */
  private static final String FIRST_REPLY =
      "INSERT INTO participations (round_id, user_id, participated_at, source, event_id)"
          + " SELECT id, ?, ?, '" + Participation.Source.THREAD_REPLY.name() + "', ? FROM rounds"
          + " WHERE platform = ? AND workspace = ? AND channel = ? AND thread_ref = ?"
          + " AND state IN ('posted', 'revealed') AND posted_at <= ?"
          + " ON CONFLICT (round_id, user_id) DO NOTHING RETURNING round_id,"
          + " (SELECT r.round_date || ' ' || r.posted_at || ' ' || r.followups_sent"
          + " || ' ' || COALESCE(CAST(r.last_followup_at AS TEXT), '-') || ' ' || COALESCE(CAST(r.revealed_at AS TEXT), '-')"
          + " || ' ' || COALESCE(CAST(r.last_reply_at AS TEXT), '-') || ' ' || r.state || ' ' || r.question_id"
          + " FROM rounds r WHERE r.id = participations.round_id) AS round_columns,"
          + " (SELECT r.message_ref FROM rounds r WHERE r.id = participations.round_id) AS message_ref";

  /**
   * What a channel's history depends on, read by index: its two newest rounds (by date), whether
   * each was posted, and how many took part in each. Only those rounds change: a claim adds a
   * round, a post sets its message, and participations go to the open round; the one before is
   * kept for a reply whose insert started before the claim that closed its round. Each
   * participations count is an index-only scan of one round's key.
   */
  private static final String HISTORY_VERSION =
      "SELECT r.id, CASE WHEN r.message_ref IS NULL THEN 0 ELSE 1 END AS posted,"
          + " (SELECT COUNT(*) FROM participations p WHERE p.round_id = r.id) AS participants"
          + " FROM rounds r WHERE r.platform = ? AND r.workspace = ? AND r.channel = ?"
          + " ORDER BY r.round_date DESC LIMIT 2";

  private final Database database;
  private final ReusedStatement historyVersion = new ReusedStatement(HISTORY_VERSION);
  private final ReusedStatement firstReply = new ReusedStatement(FIRST_REPLY);

  public ParticipationRepository(Database database) {
    this.database = Objects.requireNonNull(database, "database");
  }

  /**
   * Records that a user took part in a round, with the platform event it came from (or null).
   *
   * @return true if new; false if the user had already taken part (the first one is kept)
   */
  @Override
  public boolean record(Participation participation, String eventId) {
    return database.write(
            "record participation of "
                + participation.userId()
                + " in round "
                + participation.roundId(),
            connection ->
                Jdbc.update(
                    connection,
                    "INSERT INTO participations (round_id, user_id, participated_at, source, event_id)"
                        + " VALUES (?, ?, ?, ?, ?) ON CONFLICT (round_id, user_id) DO NOTHING",
                    participation.roundId(),
                    participation.userId(),
                    participation.at().toEpochMilli(),
                    participation.source().name(),
                    eventId))
        == 1;
  }

  @Override
  public Optional<Round> recordFirstReply(
      ChannelKey channel, String threadRef, String userId, Instant at, String eventId) {
    return database.write(
        "record a reply of " + userId + " in thread " + threadRef,
        connection ->
            firstReply.queryOne(
                connection,
                row -> repliedRound(row, channel, threadRef),
                userId,
                at.toEpochMilli(),
                eventId,
                channel.platform(),
                channel.workspace(),
                channel.channel(),
                threadRef,
                at.toEpochMilli()));
  }

  @Override
  public boolean recordedFrom(long roundId, String userId, String eventId) {
    return database.read(
        "find the event of " + userId + "'s participation in round " + roundId,
        connection ->
            Jdbc.queryOne(
                    connection,
                    "SELECT 1 FROM participations WHERE round_id = ? AND user_id = ? AND event_id = ?",
                    row -> true,
                    roundId,
                    userId,
                    eventId)
                .isPresent());
  }

  /** All participations in the channel's rounds, by round date then time of participation. */
  @Override
  public List<Participation> forChannel(ChannelKey channel) {
    return database.read(
        "list participations in " + channel,
        connection ->
            Jdbc.queryList(
                connection,
                "SELECT p.round_id, p.user_id, p.participated_at, p.source"
                    + " FROM participations p JOIN rounds r ON r.id = p.round_id"
                    + " WHERE r.platform = ? AND r.workspace = ? AND r.channel = ?"
                    + " ORDER BY r.round_date, p.participated_at, p.user_id",
                ParticipationRepository::participation,
                channel.platform(),
                channel.workspace(),
                channel.channel()));
  }

  @Override
  public List<Long> historyVersion(ChannelKey channel) {
    return database.read(
        "read the history version of " + channel,
        connection ->
            historyVersion
                .queryList(
                    connection,
                    row -> List.of(row.getLong("id"), row.getLong("posted"), row.getLong("participants")),
                    channel.platform(),
                    channel.workspace(),
                    channel.channel())
                .stream()
                .flatMap(List::stream)
                .toList());
  }

  /** How many users took part in a round. */
  @Override
  public int count(long roundId) {
    return database.read(
        "count participants of round " + roundId,
        connection ->
            Jdbc.queryOne(
                    connection,
                    "SELECT COUNT(*) FROM participations WHERE round_id = ?",
                    row -> row.getInt(1),
                    roundId)
                .orElseThrow());
  }

  /** The round {@link #FIRST_REPLY} hands back; a posted round has no lease and was not skipped. */
  private static Round repliedRound(ResultSet row, ChannelKey channel, String threadRef) throws SQLException {
    String[] columns = row.getString("round_columns").split(" ", 8);
    return new Round(
        row.getLong("round_id"),
        channel,
        LocalDate.parse(columns[0]),
        columns[7],
        Instant.ofEpochMilli(Long.parseLong(columns[1])),
        row.getString("message_ref"),
        threadRef,
        Integer.parseInt(columns[2]),
        instantOrNull(columns[3]),
        instantOrNull(columns[4]),
        instantOrNull(columns[5]),
        null,
        null,
        RoundState.ofColumn(columns[6]));
  }

  private static Instant instantOrNull(String millis) {
    return millis.equals("-") ? null : Instant.ofEpochMilli(Long.parseLong(millis));
  }

  private static Participation participation(ResultSet row) throws SQLException {
    return new Participation(
        row.getLong("round_id"),
        row.getString("user_id"),
        Jdbc.instant(row, "participated_at"),
        Participation.Source.valueOf(row.getString("source")));
  }
}
