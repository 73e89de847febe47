package dev.dbq.discord;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.dbq.chat.ChannelKey;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** A process claims a Discord channel's round only when its guild is on a shard it runs. */
class DiscordGatewayShardsTest {

  @ParameterizedTest(name = "guild {0} with shards {1} of {2}: {3}")
  @CsvSource({
    // Discord's own example: guild 41771983423143937 is on shard (id >> 22) % total.
    "41771983423143937, 0, 1, true",
    "41771983423143937, 0, 2, true",
    "41771983423143937, 1, 2, false",
    "not-a-snowflake, 0, 1, false",
  })
  void servesTheGuildsOfItsOwnShards(String guild, int shard, int total, boolean served) {
    // given
    DiscordGateway gateway = new DiscordGateway(total, List.of(shard));

    // when / then
    assertEquals(served, gateway.serves(new ChannelKey("discord", guild, "1")));
  }
}
