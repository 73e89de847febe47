package dev.dbq.streak;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * A channel's history at one version of the store, with what the commands compute from it, each
 * computed once: kept by {@link ChannelHistories} until the channel's history changes, so a
 * command costs one small read and a lookup.
 */
public final class Standing {

  private final List<Long> version;
  private final RoundHistory history;
  private final Map<Object, Object> derived = new ConcurrentHashMap<>();
  private volatile Leaderboard leaderboard;
  private volatile Map<String, Integer> positions;
  private volatile long currentAt = -1;

  Standing(List<Long> version, RoundHistory history) {
    this.version = List.copyOf(version);
    this.history = history;
  }

  List<Long> version() {
    return version;
  }

  /** The single writer's write count when this standing was last found current (-1: never). */
  long currentAt() {
    return currentAt;
  }

  void currentAt(long writes) {
    currentAt = writes;
  }

  public RoundHistory history() {
    return history;
  }

  /** Everyone's ranking; computed on first use (racing callers compute the same). */
  public Leaderboard leaderboard() {
    Leaderboard board = leaderboard;
    if (board == null) {
      board = Leaderboard.of(history);
      Map<String, Integer> byUser = new HashMap<>();
      for (int i = 0; i < board.entries().size(); i++) {
        byUser.put(board.entries().get(i).userId(), i);
      }
      positions = byUser;
      leaderboard = board;
    }
    return board;
  }

  /** The user's place in {@link #leaderboard()}'s entries (0 first), or -1 if they never took part. */
  public int position(String userId) {
    leaderboard();
    return positions.getOrDefault(userId, -1);
  }

  /** The user's streak: from the ranking if they ever took part. */
  public PersonalStreak personal(String userId) {
    int position = position(userId);
    return position >= 0 ? leaderboard.entries().get(position).streak() : Streaks.personal(history, userId);
  }

  public TeamStreak team(int quorum) {
    return derived(new TeamKey(quorum), standing -> Streaks.team(standing.history, quorum));
  }

  /** What {@code compute} makes of this standing, computed once per key (e.g. a rendered reply). */
  @SuppressWarnings("unchecked")
  public <T> T derived(Object key, Function<Standing, T> compute) {
    return (T) derived.computeIfAbsent(key, k -> compute.apply(this));
  }

  private record TeamKey(int quorum) {}
}
