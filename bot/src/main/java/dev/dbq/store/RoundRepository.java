package dev.dbq.store;

import dev.dbq.chat.ChannelKey;
import dev.dbq.round.ChannelSnapshot;
import dev.dbq.round.Round;
import dev.dbq.round.RoundState;
import dev.dbq.round.RoundStore;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** Rounds: at most one per channel and local date, enforced by the database. */
public final class RoundRepository implements RoundStore.Rounds {

  private static final String COLUMNS =
      "id, platform, workspace, channel, round_date, question_id, posted_at, message_ref,"
          + " thread_ref, followups_sent, last_followup_at, revealed_at, last_reply_at, post_lease_until, skipped_at, state";
  // last_reply_at is written only when a follow-up depends on it (RoundThreads): no read of a
  // round scans its participations.
  private static final String SELECT = "SELECT " + COLUMNS + " FROM rounds";
  // The channel's columns, then its newest round's (null without one), which names the same channel.
  // The newest round is found by the unique key (platform, workspace, channel, round_date) read
  // backwards, and joined by its id (SQLite's plan: an index search per channel, then by rowid).
  private static final String SCHEDULED =
      "SELECT c.platform, c.workspace, c.channel, c.post_at, c.zone, c.days, c.reveal_at, c.enabled, c.filters,"
          + " c.run_version, rounds.id, rounds.round_date, rounds.question_id, rounds.posted_at, rounds.message_ref,"
          + " rounds.thread_ref, rounds.followups_sent, rounds.last_followup_at, rounds.revealed_at,"
          + " rounds.last_reply_at, rounds.post_lease_until, rounds.skipped_at, rounds.state"
          + " FROM channels c LEFT JOIN rounds ON rounds.id = (SELECT newest.id FROM rounds newest"
          + " WHERE newest.platform = c.platform AND newest.workspace = c.workspace AND newest.channel = c.channel"
          + " ORDER BY newest.round_date DESC LIMIT 1)"
          + " WHERE c.enabled = TRUE";
  private static final String OF_CHANNEL = " WHERE platform = ? AND workspace = ? AND channel = ?";

  // Each move of a round is guarded by the states it may move from (RoundState.from).
  private static final String UNPOSTED = " AND state IN " + RoundState.sqlList(EnumSet.of(RoundState.CLAIMED, RoundState.SKIPPED));
  private static final String OPEN = " AND state IN " + RoundState.sqlList(EnumSet.of(RoundState.POSTED, RoundState.REVEALED));

  private static String movesTo(RoundState target) {
    return "state = '" + target.column() + "'";
  }

  private static String from(RoundState target) {
    return " AND state IN " + RoundState.sqlList(RoundState.from(target));
  }

  private final Database database;

  public RoundRepository(Database database) {
    this.database = Objects.requireNonNull(database, "database");
  }

  /**
   * Creates the round of a channel for a date, unless it already has one. Several bot instances
   * sharing a database may all try: exactly one gets the round and posts it.
   *
   * @return the new round, or empty when the channel already has a round on that date
   */
  public Optional<Round> claim(
      ChannelKey channel, LocalDate date, String questionId, Instant postedAt) {
    return claim(channel, date, questionId, postedAt, null);
  }

  /**
   * As {@link #claim(ChannelKey, LocalDate, String, Instant)}, leased to the caller until {@code
   * leaseUntil}. The claim closes the channel's earlier open rounds, in the same transaction.
   */
  @Override
  public Optional<Round> claim(
      ChannelKey channel, LocalDate date, String questionId, Instant postedAt, Instant leaseUntil) {
    return database.transaction(
        "claim the round of " + channel + " on " + date,
        connection -> {
          Optional<Round> claimed =
              Jdbc.queryOne(
                  connection,
                  "INSERT INTO rounds (platform, workspace, channel, round_date, question_id,"
                      + " posted_at, post_lease_until, state) VALUES (?, ?, ?, ?, ?, ?, ?, ?)"
                      + " ON CONFLICT (platform, workspace, channel, round_date) DO NOTHING"
                      + " RETURNING "
                      + COLUMNS,
                  RoundRepository::round,
                  channel.platform(),
                  channel.workspace(),
                  channel.channel(),
                  date.toString(),
                  questionId,
                  postedAt.toEpochMilli(),
                  leaseUntil == null ? null : leaseUntil.toEpochMilli(),
                  RoundState.CLAIMED.column());
          if (claimed.isPresent()) {
            Jdbc.update(
                connection,
                "UPDATE rounds SET " + movesTo(RoundState.CLOSED) + OF_CHANNEL
                    + " AND round_date < ?" + from(RoundState.CLOSED),
                channel.platform(),
                channel.workspace(),
                channel.channel(),
                date.toString());
          }
          return claimed;
        });
  }

  @Override
  public boolean takePostLease(long id, Instant now, Instant until) {
    return database.write(
            "lease the post of round " + id,
            connection ->
                Jdbc.update(
                    connection,
                    "UPDATE rounds SET post_lease_until = ? WHERE id = ?" + UNPOSTED
                        + " AND (post_lease_until IS NULL OR post_lease_until <= ?)",
                    until.toEpochMilli(),
                    id,
                    now.toEpochMilli()))
        == 1;
  }

  @Override
  public void retryPostAt(long id, Instant at) {
    database.write(
        "retry the post of round " + id,
        connection ->
            Jdbc.update(
                connection,
                "UPDATE rounds SET post_lease_until = ? WHERE id = ?" + UNPOSTED,
                at.toEpochMilli(),
                id));
  }

  @Override
  public boolean replaceQuestion(long id, String questionId) {
    return database.write(
            "replace the question of round " + id,
            connection ->
                Jdbc.update(
                    connection, "UPDATE rounds SET question_id = ? WHERE id = ?" + UNPOSTED, questionId, id))
        == 1;
  }

  @Override
  public boolean markSkipped(long id, Instant at) {
    return database.write(
            "skip the post of round " + id,
            connection ->
                Jdbc.update(
                    connection,
                    "UPDATE rounds SET " + movesTo(RoundState.SKIPPED) + ", skipped_at = ? WHERE id = ?"
                        + from(RoundState.SKIPPED) + " AND (post_lease_until IS NULL OR post_lease_until <= ?)",
                    at.toEpochMilli(),
                    id,
                    at.toEpochMilli()))
        == 1;
  }

  /** Remembers where the round's message and its thread were posted. */
  @Override
  public void markPosted(long id, String messageRef, String threadRef) {
    updateExisting(
        id,
        "mark round " + id + " posted",
        "UPDATE rounds SET " + movesTo(RoundState.POSTED) + ", message_ref = ?, thread_ref = ?, post_lease_until = NULL,"
            + " skipped_at = NULL WHERE id = ?" + UNPOSTED,
        messageRef,
        threadRef,
        id);
  }

  /**
   * Counts a follow-up question about to be sent to the round's thread, if nobody counted it
   * before: of several instances, the one that gets {@code true} sends it.
   *
   * @param sentBefore how many follow-ups the caller saw sent already
   * @return true if this call counted follow-up number {@code sentBefore + 1}
   */
  @Override
  public boolean recordFollowUp(long id, int sentBefore, Instant at) {
    return database.write(
            "record a follow-up of round " + id,
            connection ->
                Jdbc.update(
                    connection,
                    "UPDATE rounds SET followups_sent = followups_sent + 1, last_followup_at = ?"
                        + " WHERE id = ? AND followups_sent = ?" + OPEN,
                    at.toEpochMilli(),
                    id,
                    sentBefore))
        == 1;
  }

  /**
   * Marks the round's answer revealed, once: the instance that gets {@code true} posts the reveal.
   *
   * @return true if this call revealed it, false if it was revealed before
   */
  @Override
  public boolean markRevealed(long id, Instant at) {
    return database.write(
            "mark round " + id + " revealed",
            connection ->
                Jdbc.update(
                    connection,
                    "UPDATE rounds SET " + movesTo(RoundState.REVEALED) + ", revealed_at = ? WHERE id = ?"
                        + from(RoundState.REVEALED),
                    at.toEpochMilli(),
                    id))
        == 1;
  }

  /** Clears a reveal claimed at {@code at}; one claimed again since then stays. */
  @Override
  public void undoReveal(long id, Instant at) {
    database.write(
        "hand back the reveal of round " + id,
        connection ->
            Jdbc.update(
                connection,
                "UPDATE rounds SET " + movesTo(RoundState.POSTED) + ", revealed_at = NULL"
                    + " WHERE id = ? AND state = '" + RoundState.REVEALED.column() + "' AND revealed_at = ?",
                id,
                at.toEpochMilli()));
  }

  /** Takes back follow-up number {@code sentBefore + 1} if no later one was counted since. */
  @Override
  public void undoFollowUp(long id, int sentBefore, Instant previousAt) {
    database.write(
        "hand back a follow-up of round " + id,
        connection ->
            Jdbc.update(
                connection,
                "UPDATE rounds SET followups_sent = ?, last_followup_at = ? WHERE id = ? AND followups_sent = ?",
                sentBefore,
                previousAt == null ? null : previousAt.toEpochMilli(),
                id,
                sentBefore + 1));
  }

  /** Notes a reply in the round's thread; an older reply arriving late does not move it back. */
  @Override
  public void touchReply(long id, Instant at) {
    database.write(
        "note a reply to round " + id,
        connection ->
            Jdbc.update(
                connection,
                "UPDATE rounds SET last_reply_at = ?"
                    + " WHERE id = ? AND (last_reply_at IS NULL OR last_reply_at < ?)",
                at.toEpochMilli(),
                id,
                at.toEpochMilli()));
  }

  @Override
  public Optional<Round> find(long id) {
    return database.read(
        "find round " + id,
        connection ->
            Jdbc.queryOne(connection, SELECT + " WHERE id = ?", RoundRepository::round, id));
  }

  /** The channel's round with the newest date. */
  @Override
  public Optional<Round> latest(ChannelKey channel) {
    return database.read(
        "find the latest round of " + channel,
        connection ->
            Jdbc.queryOne(
                connection,
                SELECT + OF_CHANNEL + " ORDER BY round_date DESC LIMIT 1",
                RoundRepository::round,
                channel.platform(),
                channel.workspace(),
                channel.channel()));
  }

  /** Each enabled channel joined with its round of the newest date. */
  @Override
  public List<ChannelSnapshot> scheduled() {
    return database.read(
        "list the scheduled channels with their newest rounds",
        connection -> Jdbc.queryList(connection, SCHEDULED + " ORDER BY c.platform, c.workspace, c.channel", RoundRepository::snapshot));
  }

  /** The channels due by now, found by the index channels_due (enabled, next_run_at). */
  @Override
  public List<ChannelSnapshot> dueBy(Instant now) {
    return database.read(
        "list the channels with work due by " + now,
        connection ->
            Jdbc.queryList(
                connection,
                SCHEDULED + " AND c.next_run_at <= ? ORDER BY c.platform, c.workspace, c.channel",
                RoundRepository::snapshot,
                now.toEpochMilli()));
  }

  private static ChannelSnapshot snapshot(ResultSet row) throws SQLException {
    row.getLong("id");
    Round latest = row.wasNull() ? null : round(row);
    return new ChannelSnapshot(ChannelRepository.settings(row), latest, row.getLong("run_version"));
  }

  @Override
  public Optional<Round> forDate(ChannelKey channel, LocalDate date) {
    return database.read(
        "find the round of " + channel + " on " + date,
        connection ->
            Jdbc.queryOne(
                connection,
                SELECT + OF_CHANNEL + " AND round_date = ?",
                RoundRepository::round,
                channel.platform(),
                channel.workspace(),
                channel.channel(),
                date.toString()));
  }

  /** The round whose thread a reply was posted in. */
  @Override
  public Optional<Round> byThread(ChannelKey channel, String threadRef) {
    return database.read(
        "find the round of thread " + threadRef + " in " + channel,
        connection ->
            Jdbc.queryOne(
                connection,
                SELECT + OF_CHANNEL + " AND thread_ref = ?",
                RoundRepository::round,
                channel.platform(),
                channel.workspace(),
                channel.channel(),
                threadRef));
  }

  /** Every round of the channel, oldest first. */
  @Override
  public List<Round> all(ChannelKey channel) {
    return database.read(
        "list the rounds of " + channel,
        connection ->
            Jdbc.queryList(
                connection,
                SELECT + OF_CHANNEL + " ORDER BY round_date",
                RoundRepository::round,
                channel.platform(),
                channel.workspace(),
                channel.channel()));
  }

  private void updateExisting(long id, String action, String sql, Object... parameters) {
    int updated = database.write(action, connection -> Jdbc.update(connection, sql, parameters));
    if (updated == 0) {
      throw new StoreException("Failed to " + action + ": no round with id " + id);
    }
  }

  private static Round round(ResultSet row) throws SQLException {
    return new Round(
        row.getLong("id"),
        Jdbc.channelKey(row),
        LocalDate.parse(row.getString("round_date")),
        row.getString("question_id"),
        Jdbc.instant(row, "posted_at"),
        row.getString("message_ref"),
        row.getString("thread_ref"),
        row.getInt("followups_sent"),
        Jdbc.instant(row, "last_followup_at"),
        Jdbc.instant(row, "revealed_at"),
        Jdbc.instant(row, "last_reply_at"),
        Jdbc.instant(row, "post_lease_until"),
        Jdbc.instant(row, "skipped_at"),
        RoundState.ofColumn(row.getString("state")));
  }

}
