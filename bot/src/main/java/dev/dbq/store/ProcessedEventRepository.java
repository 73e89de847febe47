package dev.dbq.store;

import dev.dbq.round.RoundStore;
import java.time.Instant;
import java.util.Objects;

/** Platform events already handled, so a duplicate delivery is handled once. */
public final class ProcessedEventRepository implements RoundStore.ProcessedEvents {

  private final Database database;

  public ProcessedEventRepository(Database database) {
    this.database = Objects.requireNonNull(database, "database");
  }

  /**
   * Notes an event's arrival.
   *
   * @return true the first time the platform's event id is seen, false on a redelivery
   */
  @Override
  public boolean firstSeen(String platform, String eventId, Instant at) {
    return database.write(
            "note " + platform + " event " + eventId,
            connection ->
                Jdbc.update(
                    connection,
                    "INSERT INTO processed_events (platform, event_id, seen_at) VALUES (?, ?, ?)"
                        + " ON CONFLICT (platform, event_id) DO NOTHING",
                    platform,
                    eventId,
                    at.toEpochMilli()))
        == 1;
  }

  /**
   * Forgets events seen before a time, once platforms no longer redeliver them.
   *
   * @return how many were forgotten
   */
  @Override
  public int purgeBefore(Instant cutoff) {
    return database.write(
        "purge events seen before " + cutoff,
        connection ->
            Jdbc.update(
                connection,
                "DELETE FROM processed_events WHERE seen_at < ?",
                cutoff.toEpochMilli()));
  }
}
