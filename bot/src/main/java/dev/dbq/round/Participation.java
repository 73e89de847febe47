package dev.dbq.round;

import java.time.Instant;

/** A user took part in a round, once per user and round. */
public record Participation(long roundId, String userId, Instant at, Source source) {

  /** How the user took part. */
  public enum Source {
    THREAD_REPLY,
    ANSWERED_BUTTON
  }
}
