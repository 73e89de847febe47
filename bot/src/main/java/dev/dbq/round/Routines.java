package dev.dbq.round;

import dev.dbq.chat.ChannelGateway;
import dev.dbq.chat.ChannelKey;
import dev.dbq.chat.RateLimitedException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The engine of scheduled work: runs the registered {@link Routine}s (the registry is {@code
 * app.Features#routines}) over every scheduled channel. The live scheduler and the console's
 * {@code :time} both go through it, so what is due is written once, in the routines.
 *
 * <p>A run reads, in one query, the enabled channels whose planned next run has come, each with
 * its newest round: a channel with nothing due costs nothing. Where a routine is due, it runs,
 * and the channel's newest round is read again before the next routine looks at it; then the
 * channel's next run is planned at the earliest instant a routine may have work there ({@link
 * Routine#mayBeDueAfter}). Whatever changes a channel outside the engine makes it due at once
 * ({@link RoundStore.Channels#runSoon}). Routines run in registry order (the reveal of
 * the newest round before the post that replaces it); a pass that changed the channel is followed
 * by one more, so work the first pass made due (the reveal of a round whose post was retried
 * late) is done in the same run.
 */
final class Routines {

  private static final Logger log = LoggerFactory.getLogger(Routines.class);

  /** One pass, and one more if it changed anything: enough for any work one pass makes due. */
  private static final int PASSES = 2;

  /** The plan of a channel where nothing will ever be due (a schedule without days). */
  private static final Instant NEVER = Instant.ofEpochMilli(Long.MAX_VALUE);

  private final List<Routine> kinds;
  private final RoundStore store;
  private final ChannelGateway gateway;
  private final FanOut fanOut;

  Routines(List<Routine> kinds, RoundStore store, ChannelGateway gateway, FanOut fanOut) {
    this.fanOut = Objects.requireNonNull(fanOut, "fanOut");
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
   * (another instance serves the others), the channels concurrently within their platforms'
   * limits ({@link FanOut}) in the day's order ({@link DailyOrder}). One channel's failure is
   * logged and does not stop the others.
   */
  void runDue(Instant now) {
    List<ChannelSnapshot> due = store.rounds().dueBy(now).stream()
        .filter(channel -> gateway.serves(channel.settings().channel()))
        .toList();
    Map<ChannelSnapshot, Instant> plans = new ConcurrentHashMap<>();
    List<FanOut.Job> jobs = DailyOrder.of(LocalDate.ofInstant(now, ZoneOffset.UTC), due, channel -> channel.settings().channel())
        .stream()
        .map(channel -> job(channel, plans))
        .toList();
    fanOut.runAll(jobs, now);
    plan(plans);
  }

  /**
   * A channel's work: what is due, then its next run. Run again after a rate limit, it reads the
   * channel's newest round afresh (the first run may have claimed or posted it).
   */
  private FanOut.Job job(ChannelSnapshot channel, Map<ChannelSnapshot, Instant> plans) {
    ChannelKey key = channel.settings().channel();
    return new FanOut.Job(key.toString(), gateway.lane(key), (now, again) -> {
      ChannelSnapshot current = again ? channel.withLatest(store.rounds().latest(key).orElse(null)) : channel;
      try {
        // Planned with the version read at the tick: a change since then makes it due again.
        plans.put(channel, nextRun(runDue(current, now), now));
      } catch (RateLimitedException limited) {
        throw limited; // the fan-out runs it again after the wait
      } catch (RuntimeException e) {
        // Not planned: the channel stays due, and the next tick tries again.
        log.error("{}: the question of the day failed at {}", key, now, e);
      }
    });
  }

  /**
   * Writes the channels' next runs in one transaction: one commit, not one per channel (a tick
   * after an upgrade plans every channel). If it fails they all stay due, and the next tick
   * plans them again.
   */
  private void plan(Map<ChannelSnapshot, Instant> plans) {
    if (plans.isEmpty()) {
      return;
    }
    try {
      store.atomically("plan the next runs of " + plans.size() + " channels", () -> {
        plans.forEach((channel, at) -> store.channels().planNextRun(channel.settings().channel(), channel.version(), at));
        return null;
      });
    } catch (RuntimeException e) {
      log.warn("could not plan the next runs of {} channels; they are read again at the next tick: {}", plans.size(), e.getMessage());
    }
  }

  /** Runs what is due in one channel; returns the channel as it is afterwards. */
  private ChannelSnapshot runDue(ChannelSnapshot channel, Instant now) {
    for (int pass = 0; pass < PASSES; pass++) {
      ChannelSnapshot before = channel;
      for (Routine kind : kinds) {
        if (kind.isDue(channel, now)) {
          kind.run(channel, now);
          channel = channel.withLatest(store.rounds().latest(channel.settings().channel()).orElse(null));
        }
      }
      if (channel.equals(before)) {
        break;
      }
    }
    return channel;
  }

  /**
   * When the channel next needs a run: at the next tick while work is still due (a post the
   * platform refused, a reveal that failed), else when a routine may next have work, else never.
   */
  private Instant nextRun(ChannelSnapshot channel, Instant now) {
    if (kinds.stream().anyMatch(kind -> kind.isDue(channel, now))) {
      return now;
    }
    return kinds.stream()
        .flatMap(kind -> kind.mayBeDueAfter(channel, now).stream())
        .filter(instant -> instant.isAfter(now))
        .min(Comparator.naturalOrder())
        .orElse(NEVER);
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
