package dev.dbq.discord;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dbq.config.ConfigException;
import dev.dbq.config.ConfigLoader;
import dev.dbq.config.DbqConfig;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class DiscordConfigTest {

  private static DbqConfig.Discord parse(String yaml) {
    return new ConfigLoader(Map.of()).parse("dbq.yml", yaml).discord();
  }

  @Test
  void defaultsAreOneShardRunHereAndGlobalRegistration() {
    assertEquals(new DbqConfig.Discord(Optional.empty(), 1, List.of(0)), parse(""));
  }

  @Test
  void devGuildAndShardsAreRead() {
    // when
    DbqConfig.Discord discord = parse("""
        discord:
          dev_guild: "123456789012345678"
          shards:
            total: 4
            ids: [2, 3]
        """);

    // then
    assertEquals(new DbqConfig.Discord(Optional.of("123456789012345678"), 4, List.of(2, 3)), discord);
    assertEquals(List.of(0, 1, 2), parse("discord:\n  shards:\n    total: 3\n").shardIds());
    assertEquals(List.of(1, 2, 3), parse("discord:\n  shards:\n    total: 4\n    ids: 1-3\n").shardIds());
  }

  @Test
  void badValuesNameTheirKeyAndLine() {
    // when
    ConfigException e = assertThrows(ConfigException.class, () -> parse("""
        discord:
          dev_guild: general
          shards:
            total: 2
            ids: [0, 2]
        """));

    // then
    String message = e.getMessage();
    assertTrue(message.contains("discord.dev_guild") && message.contains(":2"), message);
    assertTrue(message.contains("discord.shards.ids") && message.contains(":5") && message.contains("outside 0..1"), message);
  }
}
