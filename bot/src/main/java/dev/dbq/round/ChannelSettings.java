package dev.dbq.round;

import dev.dbq.chat.ChannelKey;
import java.util.Objects;

/**
 * A channel's stored settings.
 *
 * @param channel which channel
 * @param schedule when it gets its question of the day
 * @param filters which questions it asks, as the admin wrote them (e.g. "difficulty=hard"); null
 *     when it asks the whole bank
 */
public record ChannelSettings(ChannelKey channel, ChannelSchedule schedule, String filters) {

  public ChannelSettings {
    Objects.requireNonNull(channel, "channel");
    Objects.requireNonNull(schedule, "schedule");
    filters = filters == null || filters.isBlank() ? null : filters.strip();
  }

  /** The same settings with the question of the day off. */
  public ChannelSettings turnedOff() {
    ChannelSchedule s = schedule;
    return new ChannelSettings(channel, new ChannelSchedule(s.postAt(), s.zone(), s.days(), s.revealAt(), false), filters);
  }
}
