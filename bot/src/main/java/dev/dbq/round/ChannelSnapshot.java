package dev.dbq.round;

import java.util.Objects;
import java.util.Optional;

/**
 * A scheduled channel as one tick reads it, for every channel at once: its settings and its
 * newest round (null before its first). {@link Routine}s decide from it what is due.
 *
 * @param version the channel's run version when it was read: the engine's plan for its next run
 *     is only written if nothing outside the engine changed the channel since (see {@link
 *     RoundStore.Channels#planNextRun})
 */
public record ChannelSnapshot(ChannelSettings settings, Round latest, long version) {

  public ChannelSnapshot {
    Objects.requireNonNull(settings, "settings");
  }

  public Optional<Round> latestRound() {
    return Optional.ofNullable(latest);
  }

  /** The same channel with its newest round as read again. */
  public ChannelSnapshot withLatest(Round newest) {
    return new ChannelSnapshot(settings, newest, version);
  }

  public ChannelSchedule schedule() {
    return settings.schedule();
  }
}
