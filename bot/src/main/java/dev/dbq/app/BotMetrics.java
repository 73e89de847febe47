package dev.dbq.app;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import dev.dbq.chat.PlatformCounters;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What an operator watches, in Prometheus format ({@code /metrics}): commands served by name and
 * platform with their latency, rounds posted, participations, platform API errors and retries,
 * the database pool and the JVM. Tag values are bounded (subcommand names, platform names,
 * outcomes), never user text.
 */
public final class BotMetrics implements PlatformCounters, AutoCloseable {

  private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
  private final JvmGcMetrics gc = new JvmGcMetrics();
  private final Map<String, Timer> commandTimers = new ConcurrentHashMap<>();
  private final Map<String, Counter> participationCounters = new ConcurrentHashMap<>();

  public BotMetrics() {
    new JvmMemoryMetrics().bindTo(registry);
    gc.bindTo(registry);
    new JvmThreadMetrics().bindTo(registry);
    new ClassLoaderMetrics().bindTo(registry);
    new ProcessorMetrics().bindTo(registry);
    new UptimeMetrics().bindTo(registry);
  }

  /** For binders of other parts (the database pool). */
  public MeterRegistry registry() {
    return registry;
  }

  /** A command, press or thread message handled, with how long the core took. */
  public void served(String platform, String command, Duration took) {
    // Looked up in a map first: building and registering a meter on every request costs more
    // than the request's own bookkeeping.
    commandTimers
        .computeIfAbsent(platform + "\n" + command, key ->
            Timer.builder("dbq.commands")
                .description("Commands, button presses and thread messages the core answered")
                .tag("platform", platform)
                .tag("command", command)
                .publishPercentileHistogram()
                .register(registry))
        .record(took);
  }

  public void roundPosted(String platform) {
    counter("dbq.rounds.posted", "Questions of the day posted", "platform", platform).increment();
  }

  public void roundPostFailed(String platform) {
    counter("dbq.rounds.post.failures", "Question-of-the-day posts a platform refused", "platform", platform).increment();
  }

  /** A thread reply or "I answered" press, by what became of it ({@code counted}, {@code already_counted}…). */
  public void participation(String platform, String outcome) {
    // Looked up first, as for the command timers: every thread reply comes through here.
    participationCounters
        .computeIfAbsent(platform + "\n" + outcome, key ->
            Counter.builder("dbq.participations")
                .description("Thread replies and I-answered presses, by outcome")
                .tag("platform", platform)
                .tag("outcome", outcome)
                .register(registry))
        .increment();
  }

  /** A platform API call that failed ({@code status} such as {@code 429}, {@code 500}, {@code io}). */
  @Override
  public void platformApiError(String platform, String status) {
    Counter.builder("dbq.platform.api.errors")
        .description("Platform API calls that failed")
        .tag("platform", platform)
        .tag("status", status)
        .register(registry)
        .increment();
  }

  /** A platform API call tried again ({@code reason} such as {@code rate_limited}, {@code server_error}). */
  @Override
  public void platformApiRetry(String platform, String reason) {
    Counter.builder("dbq.platform.api.retries")
        .description("Platform API calls retried")
        .tag("platform", platform)
        .tag("reason", reason)
        .register(registry)
        .increment();
  }

  /**
   * An answer that could not be delivered ({@code reason} such as {@code expired}: the
   * platform's window to answer had closed), so the person saw none.
   */
  @Override
  public void answerLost(String platform, String reason) {
    Counter.builder("dbq.answers.lost")
        .description("Answers the platform no longer accepted, so the person saw none")
        .tag("platform", platform)
        .tag("reason", reason)
        .register(registry)
        .increment();
  }

  /** A request refused before the platform's library read it (Slack: {@code dbq_slack_requests_refused_total} by reason). */
  @Override
  public void requestRefused(String platform, String reason) {
    counter("dbq." + platform + ".requests.refused", "Requests to /" + platform + "/events refused before they were read, by reason",
        "reason", reason).increment();
  }

  /** Everything, in the Prometheus text format. */
  public String scrape() {
    return registry.scrape();
  }

  private Counter counter(String name, String description, String tag, String value) {
    return Counter.builder(name).description(description).tag(tag, value).register(registry);
  }

  @Override
  public void close() {
    gc.close();
    registry.close();
  }
}
