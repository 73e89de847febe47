package dev.dbq.chat;

/**
 * The counters a platform bumps for {@code /metrics} (an in-port: the core's metrics implement
 * it). Tag values are bounded: platform names, HTTP statuses, fixed reasons; never user text.
 */
public interface PlatformCounters {

  /** A platform API call that failed ({@code status} such as {@code 429}, {@code 500}, {@code io}). */
  void platformApiError(String platform, String status);

  /** A platform API call tried again ({@code reason} such as {@code rate_limited}, {@code server_error}). */
  void platformApiRetry(String platform, String reason);

  /** An answer the platform no longer took ({@code expired}, {@code refused}…), so the person saw none. */
  void answerLost(String platform, String reason);

  /** A request to the platform's endpoint refused before it was read ({@code bad_signature}, {@code stale}…). */
  void requestRefused(String platform, String reason);

  /** Counts nothing (a platform started without metrics). */
  PlatformCounters NONE = new PlatformCounters() {
    @Override
    public void platformApiError(String platform, String status) {}

    @Override
    public void platformApiRetry(String platform, String reason) {}

    @Override
    public void answerLost(String platform, String reason) {}

    @Override
    public void requestRefused(String platform, String reason) {}
  };
}
