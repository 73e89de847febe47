package dev.dbq.round;

import java.time.Duration;
import java.util.Objects;

/** What to do about a channel's latest scheduled post when the bot starts. */
public sealed interface CatchUpDecision {

  /** The post is due and still within the grace period: post it now, for its slot's date. */
  record PostNow(PostSlot slot, Duration late) implements CatchUpDecision {
    public PostNow {
      Objects.requireNonNull(slot, "slot");
      Objects.requireNonNull(late, "late");
    }
  }

  /** The post was missed by more than the grace period: that date gets no round. */
  record SkipTooLate(PostSlot slot, Duration late) implements CatchUpDecision {
    public SkipTooLate {
      Objects.requireNonNull(slot, "slot");
      Objects.requireNonNull(late, "late");
    }
  }

  /** No post is outstanding: none was ever due, or its round already exists. */
  record NothingDue() implements CatchUpDecision {}
}
