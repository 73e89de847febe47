package dev.dbq.round;

import java.util.Objects;
import java.util.Optional;

/**
 * A scheduled channel as one tick reads it, for every channel at once: its settings and its
 * newest round (null before its first). {@link Routine}s decide from it what is due.
 */
public record ChannelSnapshot(ChannelSettings settings, Round latest) {

  public ChannelSnapshot {
    Objects.requireNonNull(settings, "settings");
  }

  public Optional<Round> latestRound() {
    return Optional.ofNullable(latest);
  }

  public ChannelSchedule schedule() {
    return settings.schedule();
  }
}
