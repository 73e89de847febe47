package dev.dbq.store;

import dev.dbq.chat.ChannelKey;
import dev.dbq.round.Participation;
import dev.dbq.round.Round;
import dev.dbq.round.RoundStore;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** Who took part in which round: once per user and round. */
public final class ParticipationRepository implements RoundStore.Participations {

  /**
   * A reply's participation, inserted only into the thread's round while it is open (posted or
   * revealed: the claim of the channel's next round closes it) and posted by the reply's time,
   * which is when ParticipationRules counts it. The round's columns come back by its primary key
   * (each subquery one row), so the reply reads O(1) rows however many replied before.
   */
  private static final String FIRST_REPLY =
      "INSERT INTO participations (round_id, user_id, participated_at, source, event_id)"
          + " SELECT id, ?, ?, '" + Participation.Source.THREAD_REPLY.name() + "', ? FROM rounds"
          + " WHERE platform = ? AND workspace = ? AND channel = ? AND thread_ref = ?"
          + " AND state IN ('posted', 'revealed') AND posted_at <= ?"
          + " ON CONFLICT (round_id, user_id) DO NOTHING RETURNING round_id AS id, "
          + Stream.of(
                  "platform", "workspace", "channel", "round_date", "question_id", "posted_at", "message_ref",
                  "thread_ref", "followups_sent", "last_followup_at", "revealed_at", "last_reply_at",
                  "post_lease_until", "skipped_at", "state")
              .map(column -> "(SELECT r." + column + " FROM rounds r WHERE r.id = participations.round_id) AS " + column)
              .collect(Collectors.joining(", "));

  private final Database database;

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
            Jdbc.queryOne(
                connection,
                FIRST_REPLY,
                RoundRepository::round,
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

  private static Participation participation(ResultSet row) throws SQLException {
    return new Participation(
        row.getLong("round_id"),
        row.getString("user_id"),
        Jdbc.instant(row, "participated_at"),
        Participation.Source.valueOf(row.getString("source")));
  }
}
