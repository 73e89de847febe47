package dev.dbq.discord;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dbq.app.BotMetrics;
import dev.dbq.app.PlatformException;
import dev.dbq.chat.Inbound;
import dev.dbq.config.ConfigLoader;
import dev.dbq.config.DbqConfig;
import dev.dbq.testsupport.discord.FakeDiscord;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** What a person sees when Discord cannot be used: one line, naming what to fix, no token. */
class DiscordPlatformStartTest {

  private static final DbqConfig CONFIG = new ConfigLoader(Map.of()).parse("test.yml", "");
  /** Starting fails before anything reaches the core. */
  private static final Inbound NO_INBOUND = null;

  @Test
  void withoutATokenDiscordIsNotStarted() {
    assertEquals(Optional.empty(), DiscordPlatform.fromEnvironment(Map.of("DISCORD_BOT_TOKEN", " "), CONFIG));
    assertEquals(Optional.empty(), DiscordPlatform.fromEnvironment(Map.of(), CONFIG));
  }

  @Test
  void aRejectedTokenIsNamedWithoutBeingShown() throws Exception {
    // given: Discord knows another token
    try (FakeDiscord discord = FakeDiscord.builder().token("the-real-token").start()) {
      Map<String, String> environment = new HashMap<>(discord.environment());
      environment.put("DISCORD_BOT_TOKEN", "a-wrong-token");
      DiscordPlatform platform = DiscordPlatform.configured(environment, CONFIG).orElseThrow();

      // when
      PlatformException e = assertThrows(PlatformException.class, () -> platform.connect(NO_INBOUND, new BotMetrics()));

      // then
      assertTrue(e.getMessage().startsWith("Discord rejected DISCORD_BOT_TOKEN"), e.getMessage());
      assertFalse(e.getMessage().contains("a-wrong-token"));
      assertFalse(e.getMessage().contains("\n"));
      assertFalse(platform.ready());
    }
  }

  @Test
  void anUnreachableApiUrlIsNamed() {
    // given: nothing listens on port 9
    DiscordPlatform platform = DiscordPlatform.configured(
        Map.of("DISCORD_BOT_TOKEN", "some-token", "DISCORD_API_URL", "http://127.0.0.1:9/api/v10/"), CONFIG)
        .orElseThrow().readyWithin(Duration.ofSeconds(20));

    BotMetrics metrics = new BotMetrics();

    // when
    PlatformException e = assertThrows(PlatformException.class, () -> platform.connect(NO_INBOUND, metrics));

    // then
    assertTrue(e.getMessage().contains("DISCORD_API_URL=http://127.0.0.1:9/api/v10/"), e.getMessage());
    assertFalse(e.getMessage().contains("some-token"));
    assertTrue(metrics.scrape().contains("dbq_platform_api_errors_total{platform=\"discord\",status=\"io\"}"),
        "the operator sees Discord was unreachable");
  }

  @Test
  void aMalformedUrlIsRefusedBeforeConnecting() {
    PlatformException e = assertThrows(PlatformException.class, () -> DiscordPlatform.fromEnvironment(
        Map.of("DISCORD_BOT_TOKEN", "t", "DISCORD_GATEWAY_URL", "http://not-a-websocket"), CONFIG));
    assertTrue(e.getMessage().startsWith("DISCORD_GATEWAY_URL is not a ws(s):// URL"), e.getMessage());
  }
}
