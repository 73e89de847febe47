package dev.dbq.chat;

import java.time.Duration;
import java.util.Objects;

/**
 * The platform refused a call for its rate limit and did nothing with it (HTTP 429): the same
 * call may go again once {@code retryAfter} has passed. Raised instead of waiting on the calling
 * thread, so that the core holds back only the channel (or the {@link Lane}) the limit names and
 * carries on with the others.
 */
public final class RateLimitedException extends RuntimeException {

  /** What the limit holds back. */
  public enum Scope {
    /** This channel only (Slack's one post a second per channel, a Discord route's bucket). */
    CHANNEL,
    /** Every channel of the channel's {@link Lane} (a workspace's or a bot's limit). */
    LANE
  }

  private final Duration retryAfter;
  private final Scope scope;

  public RateLimitedException(String message, Duration retryAfter, Scope scope) {
    super(message, null, false, false);
    this.retryAfter = Objects.requireNonNull(retryAfter, "retryAfter");
    this.scope = Objects.requireNonNull(scope, "scope");
  }

  public Duration retryAfter() {
    return retryAfter;
  }

  public Scope scope() {
    return scope;
  }
}
