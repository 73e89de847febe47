package dev.dbq.round;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Where a round is in its life, and the only moves it makes. The database holds it (column
 * {@code rounds.state}, whose CHECK allows these values only), and every write that moves a round
 * is guarded by the states it may move from ({@link #from}), so a move that lost a race to
 * another instance changes nothing.
 *
 * <pre>
 *   claimed ──post──▶ posted ──reveal──▶ revealed
 *     │  ▲              │  ▲                │
 *   skip │ post by hand  │  └─reveal failed──┘
 *     ▼  │              ▼                   ▼
 *   skipped          closed ◀───────────────┘  (the channel's next round was claimed)
 * </pre>
 */
public enum RoundState {
  /** The date is taken and the question picked; its post has not landed (yet). */
  CLAIMED,
  /** Its message and thread are up; replies count. */
  POSTED,
  /** Its quick answer is shown in the thread; replies still count. */
  REVEALED,
  /**
   * The channel's next round was claimed: from that moment replies to this one no longer count
   * ({@link ParticipationRules}), so it takes no reveal and no follow-up any more.
   */
  CLOSED,
  /** Its post never landed within the grace period; only a post by hand still makes it. */
  SKIPPED;

  /** The states a round may move to {@code target} from. */
  public static Set<RoundState> from(RoundState target) {
    return switch (target) {
      case CLAIMED -> EnumSet.noneOf(RoundState.class);
      case POSTED -> EnumSet.of(CLAIMED, SKIPPED, REVEALED);
      case REVEALED -> EnumSet.of(POSTED);
      case CLOSED -> EnumSet.of(POSTED, REVEALED);
      case SKIPPED -> EnumSet.of(CLAIMED);
    };
  }

  /** Whether a round in this state may move to {@code target}. */
  public boolean canMoveTo(RoundState target) {
    return from(target).contains(this);
  }

  /** Whether its post has landed (and so it has a message and a thread). */
  public boolean posted() {
    return this == POSTED || this == REVEALED || this == CLOSED;
  }

  /** The value stored in {@code rounds.state}. */
  public String column() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static RoundState ofColumn(String value) {
    return valueOf(value.toUpperCase(Locale.ROOT));
  }

  /** {@code ('a', 'b')}: the states as SQL literals, for a guard {@code state IN ...}. */
  public static String sqlList(Set<RoundState> states) {
    return Arrays.stream(values())
        .filter(states::contains)
        .map(state -> "'" + state.column() + "'")
        .collect(Collectors.joining(", ", "(", ")"));
  }
}
