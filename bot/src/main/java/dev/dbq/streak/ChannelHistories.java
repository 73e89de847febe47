package dev.dbq.streak;

import dev.dbq.chat.ChannelKey;
import dev.dbq.round.Participation;
import dev.dbq.round.Round;
import dev.dbq.round.RoundStore;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.LongSupplier;
import java.util.stream.Collectors;

/**
 * Reads a channel's rounds and participations from the store as a {@link RoundHistory}, and keeps
 * the latest {@link Standing} of the channels asked about most recently. Each call reads the
 * store's version of the channel's history (one small indexed read) and reloads only when it
 * moved: a write by this instance or another one on the same database shows in the next call,
 * and a restart starts empty. {@linkplain #whileUnchanged Given a change stamp} it skips even that
 * read while the stamp has not moved since the standing was last found current.
 */
public final class ChannelHistories {

  /** Channels whose standing is kept; the least recently asked about goes first. */
  static final int CHANNELS_KEPT = 1_000;

  private final RoundStore store;
  /** Moves whenever the database may have changed; null when that cannot be told cheaply. */
  private final LongSupplier changeStamp;
  private final Map<ChannelKey, Standing> kept =
      new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<ChannelKey, Standing> eldest) {
          return size() > CHANNELS_KEPT;
        }
      };

  public ChannelHistories(RoundStore store) {
    this(store, null);
  }

  private ChannelHistories(RoundStore store, LongSupplier changeStamp) {
    this.store = store;
    this.changeStamp = changeStamp;
  }

  /**
   * For a database whose changes a cheap stamp shows (a SQLite file: {@code Database.changeStamp},
   * any process's writes): a kept standing is current while the stamp has not moved.
   */
  public static ChannelHistories whileUnchanged(RoundStore store, LongSupplier changeStamp) {
    return new ChannelHistories(store, changeStamp);
  }

  /** The channel's history as the store has it now, with what is computed from it. */
  public Standing standing(ChannelKey channel) {
    // Each read before the next: a write landing in between makes the next call look again.
    long stamp = changeStamp == null ? 0 : changeStamp.getAsLong();
    Standing standing;
    synchronized (kept) {
      standing = kept.get(channel);
    }
    if (standing != null && changeStamp != null && standing.currentAt() == stamp) {
      return standing;
    }
    List<Long> version = store.participations().historyVersion(channel);
    if (standing == null || !standing.version().equals(version)) {
      standing = new Standing(version, load(channel));
      synchronized (kept) {
        kept.put(channel, standing);
      }
    }
    standing.currentAt(stamp);
    return standing;
  }

  /** The channel's posted rounds, oldest first, as {@link #standing} has them. */
  public RoundHistory of(ChannelKey channel) {
    return standing(channel).history();
  }

  /**
   * The channel's posted rounds, oldest first; the newest is open. A round that was claimed but
   * never reached the channel (its post failed) is left out: nobody could take part in it.
   */
  private RoundHistory load(ChannelKey channel) {
    List<Round> rounds = store.rounds().all(channel).stream().filter(r -> r.messageRef() != null).toList();
    Map<Long, Set<String>> participants =
        store.participations().forChannel(channel).stream()
            .collect(Collectors.groupingBy(Participation::roundId, Collectors.mapping(Participation::userId, Collectors.toSet())));
    List<RoundOutcome> outcomes = new ArrayList<>();
    for (int i = 0; i < rounds.size(); i++) {
      Round round = rounds.get(i);
      Set<String> who = participants.getOrDefault(round.id(), Set.of());
      outcomes.add(i == rounds.size() - 1 ? RoundOutcome.open(round.date(), who) : RoundOutcome.closed(round.date(), who));
    }
    return new RoundHistory(outcomes);
  }
}
