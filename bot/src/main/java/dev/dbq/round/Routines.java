package dev.dbq.round;

import dev.dbq.chat.ChannelGateway;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The engine of scheduled work: runs the registered {@link Routine}s (the registry is {@code
 * app.Features#routines}) over every scheduled channel. The live scheduler and the console's
 * {@code :time} both go through it, so what is due is written once, in the routines.
 *
 * <p>A run reads every enabled channel with its newest round in one query; a channel where no
 * routine is due costs nothing more. Where one is, it runs, and the channel's newest round is
 * read again before the next routine looks at it. Routines run in registry order (the reveal of
 * the newest round before the post that replaces it); a pass that changed the channel is followed
 * by one more, so work the first pass made due (the reveal of a round whose post was retried
 * late) is done in the same run.
 */
final class Routines {

  private static final Logger log = LoggerFactory.getLogger(Routines.class);

  /** One pass, and one more if it changed anything: enough for any work one pass makes due. */
  private static final int PASSES = 2;

  private final List<Routine> kinds;
  private final RoundStore store;
  private final ChannelGateway gateway;

  Routines(List<Routine> kinds, RoundStore store, ChannelGateway gateway) {
    this.kinds = List.copyOf(kinds);
    this.store = Objects.requireNonNull(store, "store");
    this.gateway = Objects.requireNonNull(gateway, "gateway");
    Set<String> names = new HashSet<>();
    for (Routine kind : this.kinds) {
      if (!names.add(kind.name())) {
        throw new IllegalArgumentException("two routines are both named " + kind.name());
      }
    }
  }

  /**
   * Does whatever is due by {@code now} in every scheduled channel this process can post to
   * (another instance serves the others). One channel's failure is logged and does not stop the
   * others.
   */
  void runDue(Instant now) {
    for (ChannelSnapshot channel : store.rounds().scheduled()) {
      if (!gateway.serves(channel.settings().channel())) {
        continue;
      }
      try {
        runDue(channel, now);
      } catch (RuntimeException e) {
        log.error("{}: the question of the day failed at {}", channel.settings().channel(), now, e);
      }
    }
  }

  private void runDue(ChannelSnapshot channel, Instant now) {
    for (int pass = 0; pass < PASSES; pass++) {
      ChannelSnapshot before = channel;
      for (Routine kind : kinds) {
        if (kind.isDue(channel, now)) {
          kind.run(channel, now);
          channel = new ChannelSnapshot(channel.settings(), store.rounds().latest(channel.settings().channel()).orElse(null));
        }
      }
      if (channel.equals(before)) {
        return;
      }
    }
  }

  /** The next instant strictly after {@code after} at which {@link #runDue} has work, if any. */
  Optional<Instant> nextDueAfter(Instant after) {
    return store.rounds().scheduled().stream()
        .flatMap(channel -> kinds.stream().flatMap(kind -> kind.nextDueAfter(channel, after).stream()))
        .filter(instant -> instant.isAfter(after))
        .min(Comparator.naturalOrder());
  }

  /** When each routine wants the engine woken in a channel with this schedule, by routine name. */
  Map<String, WakeUp> wakeUps(ChannelSchedule schedule) {
    Map<String, WakeUp> wakeUps = new LinkedHashMap<>();
    for (Routine kind : kinds) {
      kind.wakeUp(schedule).ifPresent(wakeUp -> wakeUps.put(kind.name(), wakeUp));
    }
    return wakeUps;
  }
}
