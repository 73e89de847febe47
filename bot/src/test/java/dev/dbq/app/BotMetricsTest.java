package dev.dbq.app;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dbq.chat.ThreadMessage;
import dev.dbq.testsupport.Backend;
import dev.dbq.testsupport.TestBot;
import dev.dbq.testsupport.TestDatabase;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What {@code /metrics} shows after the bot has worked: counted by platform and command, never by user text. */
class BotMetricsTest {

  private TestDatabase database;
  private TestBot bot;

  @BeforeEach
  void startBot() {
    database = Backend.SQLITE.create();
    bot = TestBot.on(database.database(), "", Instant.parse("2026-12-07T09:00:00Z"));
  }

  @AfterEach
  void stopBot() throws Exception {
    database.close();
  }

  @Test
  void commandsRoundsAndParticipationsAreCountedByPlatform() {
    // given
    bot.command("alice", "/dbq random");
    bot.command("alice", "/dbq random difficulty:senior");
    bot.bot().rounds().postNow(TestBot.GENERAL);
    String thread = bot.bot().rounds().currentRound(TestBot.GENERAL).orElseThrow().threadRef();
    bot.bot().inbound().threadMessage(TestBot.GENERAL, thread, ThreadMessage.byPerson("alice", "e1"));

    // when
    String scraped = bot.bot().metrics().scrape();

    // then
    assertTrue(scraped.contains("dbq_commands_seconds_count{command=\"random\",platform=\"test\"} 2"), scraped);
    assertTrue(scraped.contains("dbq_commands_seconds_bucket{command=\"random\""), "latency histogram");
    assertTrue(scraped.contains("dbq_rounds_posted_total{platform=\"test\"} 1"), scraped);
    assertTrue(scraped.contains("dbq_participations_total{outcome=\"counted\",platform=\"test\"} 1"), scraped);
    assertTrue(scraped.contains("jvm_memory_used_bytes"), "JVM metrics");
    assertTrue(scraped.contains("hikaricp_connections_active"), "database pool metrics");
  }

  @Test
  void whatUsersTypeNeverBecomesALabel() {
    // when
    bot.command("mallory", "/dbq @everyone-" + "x".repeat(500));
    String scraped = bot.bot().metrics().scrape();

    // then
    assertTrue(scraped.contains("command=\"unknown\""), scraped);
    assertFalse(scraped.contains("everyone"), "user text leaked into a label");
  }
}
