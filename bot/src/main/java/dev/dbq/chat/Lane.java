package dev.dbq.chat;

import java.util.Objects;

/**
 * How many of a platform's posts may be in flight at once, and which posts share that limit:
 * the scheduled work of channels in one lane (a Slack workspace, a Discord bot, the console) runs
 * at most {@code width} channels at a time, each channel's work one step after another (a
 * platform's per-channel limit is about one post a second). A rate limit that names the lane
 * ({@link RateLimitedException.Scope#LANE}) holds back the whole lane, and nothing else.
 *
 * @param key the same for every channel that shares the limit, e.g. {@code slack:T123}
 * @param width how many channels of the lane post at once, at least 1
 */
public record Lane(String key, int width) {

  /** One channel at a time, for a platform that says nothing (the console, a test's gateway). */
  public static final Lane ONE_AT_A_TIME = new Lane("one-at-a-time", 1);

  public Lane {
    Objects.requireNonNull(key, "key");
    if (width < 1) {
      throw new IllegalArgumentException("a lane is at least 1 wide, not " + width);
    }
  }
}
