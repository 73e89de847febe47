package dev.dbq.store;

import dev.dbq.chat.ChannelKey;
import dev.dbq.round.ChannelSchedule;
import dev.dbq.round.ChannelSettings;
import dev.dbq.round.RoundStore;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/** Channels' schedules and question filters. */
public final class ChannelRepository implements RoundStore.Channels {

  private static final String SELECT =
      "SELECT platform, workspace, channel, post_at, zone, days, reveal_at, enabled, filters"
          + " FROM channels";

  private final Database database;

  public ChannelRepository(Database database) {
    this.database = Objects.requireNonNull(database, "database");
  }

  /** Stores a channel's settings, replacing any earlier ones. */
  @Override
  public void save(ChannelSettings settings) {
    ChannelKey channel = settings.channel();
    ChannelSchedule schedule = settings.schedule();
    database.write(
        "save the schedule of " + channel,
        connection ->
            Jdbc.update(
                connection,
                "INSERT INTO channels"
                    + " (platform, workspace, channel, post_at, zone, days, reveal_at, enabled,"
                    + " filters) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"
                    + " ON CONFLICT (platform, workspace, channel) DO UPDATE SET"
                    + " post_at = excluded.post_at, zone = excluded.zone, days = excluded.days,"
                    + " reveal_at = excluded.reveal_at, enabled = excluded.enabled,"
                    + " filters = excluded.filters, next_run_at = 0, run_version = channels.run_version + 1",
                channel.platform(),
                channel.workspace(),
                channel.channel(),
                schedule.postAt().toString(),
                schedule.zone().getId(),
                days(schedule.days()),
                schedule.revealAt().toString(),
                schedule.enabled(),
                settings.filters()));
  }

  @Override
  public Optional<ChannelSettings> find(ChannelKey channel) {
    return database.read(
        "find the schedule of " + channel,
        connection ->
            Jdbc.queryOne(
                connection,
                SELECT + " WHERE platform = ? AND workspace = ? AND channel = ?",
                ChannelRepository::settings,
                channel.platform(),
                channel.workspace(),
                channel.channel()));
  }

  @Override
  public void planNextRun(ChannelKey channel, long seenVersion, Instant at) {
    database.write(
        "plan the next run of " + channel,
        connection ->
            Jdbc.update(
                connection,
                "UPDATE channels SET next_run_at = ?"
                    + " WHERE platform = ? AND workspace = ? AND channel = ? AND run_version = ?",
                at.toEpochMilli(),
                channel.platform(),
                channel.workspace(),
                channel.channel(),
                seenVersion));
  }

  @Override
  public void runSoon(ChannelKey channel) {
    database.write(
        "make " + channel + " due at the next tick",
        connection ->
            Jdbc.update(
                connection,
                "UPDATE channels SET next_run_at = 0, run_version = run_version + 1"
                    + " WHERE platform = ? AND workspace = ? AND channel = ?",
                channel.platform(),
                channel.workspace(),
                channel.channel()));
  }

  /** Every channel whose schedule is enabled, ordered by channel key. */
  @Override
  public List<ChannelSettings> enabled() {
    return database.read(
        "list channels with an enabled schedule",
        connection ->
            Jdbc.queryList(
                connection,
                SELECT + " WHERE enabled = TRUE ORDER BY platform, workspace, channel",
                ChannelRepository::settings));
  }

  /** Reads the settings of a row with the columns of {@link #SELECT} (RoundRepository joins them). */
  static ChannelSettings settings(ResultSet row) throws SQLException {
    ChannelSchedule schedule =
        new ChannelSchedule(
            LocalTime.parse(row.getString("post_at")),
            ZoneId.of(row.getString("zone")),
            days(row.getString("days")),
            LocalTime.parse(row.getString("reveal_at")),
            row.getBoolean("enabled"));
    return new ChannelSettings(Jdbc.channelKey(row), schedule, row.getString("filters"));
  }

  /** Days in week order as "MONDAY,TUESDAY"; empty for none. */
  private static String days(Set<DayOfWeek> days) {
    return days.stream().sorted().map(DayOfWeek::name).collect(Collectors.joining(","));
  }

  private static Set<DayOfWeek> days(String stored) {
    if (stored.isEmpty()) {
      return Set.of();
    }
    return Arrays.stream(stored.split(","))
        .map(DayOfWeek::valueOf)
        .collect(Collectors.toCollection(() -> EnumSet.noneOf(DayOfWeek.class)));
  }
}
