package dev.dbq.discord;

import net.dv8tion.jda.api.JDA;
import net.dv8tion.jda.api.utils.ConcurrentSessionController;

/**
 * Where the shards connect. By default JDA's shard manager asks {@code GET gateway/bot} on the
 * REST base, as every Discord client does; {@code DISCORD_GATEWAY_URL} replaces the answer.
 * JDA falls back to {@link #getGateway()} when it reconnects from scratch, which would be the
 * public gateway whatever the REST base: here it is the URL in use.
 */
final class GatewayUrlSessionController extends ConcurrentSessionController {

  private final String override;
  private final int shardsTotal;
  private volatile String fetched;

  /** @param override the gateway URL to use instead of asking Discord, or null */
  GatewayUrlSessionController(String override, int shardsTotal) {
    this.override = override;
    this.shardsTotal = shardsTotal;
  }

  @Override
  public ShardedGateway getShardedGateway(JDA api) {
    if (override != null) {
      return new ShardedGateway(override, shardsTotal, 1);
    }
    ShardedGateway gateway = super.getShardedGateway(api);
    fetched = gateway.getUrl();
    return gateway;
  }

  @Override
  public String getGateway() {
    if (override != null) {
      return override;
    }
    return fetched != null ? fetched : super.getGateway();
  }
}
