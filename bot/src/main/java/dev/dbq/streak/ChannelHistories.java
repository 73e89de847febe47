package dev.dbq.streak;

import dev.dbq.chat.ChannelKey;
import dev.dbq.round.Participation;
import dev.dbq.round.Round;
import dev.dbq.round.RoundStore;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/** Reads a channel's rounds and participations from the store as a {@link RoundHistory}. */
public final class ChannelHistories {

  private final RoundStore store;

  public ChannelHistories(RoundStore store) {
    this.store = store;
  }

  /**
   * The channel's posted rounds, oldest first; the newest is open. A round that was claimed but
   * never reached the channel (its post failed) is left out: nobody could take part in it.
   */
  public RoundHistory of(ChannelKey channel) {
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
