package dev.dbq.store;

import dev.dbq.chat.ChannelKey;
import dev.dbq.round.RoundStore;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.Objects;
import java.util.Set;

/**
 * Questions asked per channel, grouped in cycles: a picker asks only questions not yet asked in the
 * current cycle and starts the next cycle once the bank is used up.
 */
public final class QuestionHistoryRepository implements RoundStore.QuestionHistory {

  private final Database database;

  public QuestionHistoryRepository(Database database) {
    this.database = Objects.requireNonNull(database, "database");
  }

  /** The channel's newest cycle number; 0 before any question was asked. */
  @Override
  public int currentCycle(ChannelKey channel) {
    return database.read(
        "find the question cycle of " + channel,
        connection ->
            Jdbc.queryOne(
                    connection,
                    "SELECT COALESCE(MAX(cycle), 0) FROM question_history"
                        + " WHERE platform = ? AND workspace = ? AND channel = ?",
                    row -> row.getInt(1),
                    channel.platform(),
                    channel.workspace(),
                    channel.channel())
                .orElseThrow());
  }

  /** Ids of the questions asked in a cycle of the channel, in the order they were asked. */
  @Override
  public Set<String> askedIn(ChannelKey channel, int cycle) {
    return database.read(
        "list questions asked in cycle " + cycle + " of " + channel,
        connection ->
            new LinkedHashSet<>(
                Jdbc.queryList(
                    connection,
                    "SELECT question_id FROM question_history"
                        + " WHERE platform = ? AND workspace = ? AND channel = ? AND cycle = ?"
                        + " ORDER BY asked_at, question_id",
                    row -> row.getString("question_id"),
                    channel.platform(),
                    channel.workspace(),
                    channel.channel(),
                    cycle)));
  }

  /**
   * Records that a question was asked in a cycle of the channel.
   *
   * @return true if new, false if it was already recorded for that cycle
   */
  @Override
  public boolean recordAsked(ChannelKey channel, int cycle, String questionId, Instant at) {
    return database.write(
            "record question " + questionId + " asked in " + channel,
            connection ->
                Jdbc.update(
                    connection,
                    "INSERT INTO question_history"
                        + " (platform, workspace, channel, cycle, question_id, asked_at)"
                        + " VALUES (?, ?, ?, ?, ?, ?)"
                        + " ON CONFLICT (platform, workspace, channel, cycle, question_id)"
                        + " DO NOTHING",
                    channel.platform(),
                    channel.workspace(),
                    channel.channel(),
                    cycle,
                    questionId,
                    at.toEpochMilli()))
        == 1;
  }
}
