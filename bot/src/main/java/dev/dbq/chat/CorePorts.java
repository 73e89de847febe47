package dev.dbq.chat;

import java.util.Objects;

/**
 * All a platform sees of the core (the in-ports, as in hexagonal architecture): the one entry
 * for what it delivers, the counters it bumps, and, for a platform that plays the clock itself
 * (the console), the question of the day's controls. The core reaches the platform through its
 * {@link ChannelGateway}, the out-port.
 */
public record CorePorts(Inbound inbound, PlatformCounters counters, LocalRounds rounds) {

  public CorePorts {
    Objects.requireNonNull(inbound, "inbound");
    Objects.requireNonNull(counters, "counters");
    Objects.requireNonNull(rounds, "rounds");
  }
}
