package dev.dbq.app;

import dev.dbq.chat.ChannelGateway;
import dev.dbq.chat.CorePorts;
import java.util.Optional;

/**
 * A chat platform at the edge (console, Slack, Discord): it turns platform events into calls of
 * the core's in-ports ({@link CorePorts}) and the core's messages into platform messages through
 * its {@link #gateway()}. {@link BotRuntime} builds the bot once and drives every platform's life.
 * With {@link PlatformException}, {@link HttpRoutes} and {@link ApiTrouble} this is all a
 * platform may know of {@code app} (the layering test holds it to that): never {@link Bot}.
 */
public interface Platform extends AutoCloseable {

  /** The {@code ChannelKey.platform()} of its channels: {@code console}, {@code slack}, {@code discord}. */
  String name();

  /** Where the core sends this platform's round posts; usable once {@link #start} returned. */
  ChannelGateway gateway();

  /**
   * Connects to the platform and starts delivering its events to the core. Returns once
   * connected; throws {@link PlatformException} with a one-line reason when it cannot.
   *
   * @param core what the platform sees of the core: its inbound entry, counters and round controls
   * @param http the process's HTTP server, for platforms that receive requests (Slack over HTTP)
   */
  void start(CorePorts core, HttpRoutes http);

  /** Whether it is connected and delivering events now (for {@code /readyz}). */
  boolean ready();

  /**
   * Why it cannot do its work although connected, if it knows (for {@code /readyz}): e.g. its
   * Web API's last call failed ("the Web API is unreachable: …"). A cheap signal from calls it
   * made anyway, never a call of its own; one line, no secrets.
   */
  default Optional<String> trouble() {
    return Optional.empty();
  }

  /** Disconnects; idempotent. */
  @Override
  void close();
}
