package dev.dbq.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dbq.chat.ChannelKey;
import dev.dbq.round.ChannelSchedule;
import dev.dbq.round.ChannelSettings;
import dev.dbq.store.ChannelRepository;
import dev.dbq.store.Database;
import dev.dbq.testsupport.Backend;
import dev.dbq.testsupport.BackendUnavailableException;
import dev.dbq.testsupport.BotProcess;
import dev.dbq.testsupport.TestDatabase;
import dev.dbq.testsupport.UnavailableBackend;
import dev.dbq.testsupport.discord.FakeDiscord;
import dev.dbq.testsupport.discord.FakeGuild;
import dev.dbq.testsupport.slack.FakeSlack;
import dev.dbq.testsupport.slack.SlackCall;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two real bot processes (the shaded jar, under {@code -Xmx128m}), each with Slack and Discord,
 * share one PostgreSQL database, one (fake) Slack workspace and one (fake) Discord server: every
 * channel's round is posted exactly once, and when one process is killed mid-way the other
 * posts the rest.
 */
class SeveralInstancesIT {

  private static final int CHANNELS = 10;
  private static final Duration SPACING = Duration.ofSeconds(3);

  @TempDir Path scratch;

  @Test
  void twoInstancesPostEachRoundOnceAndTheSurvivorPostsTheRest() throws Exception {
    try (TestDatabase database = postgresql(); FakeSlack slack = FakeSlack.start(); FakeDiscord discord = FakeDiscord.start()) {
      // given Slack channels whose question of the day comes a few seconds apart, starting soon,
      // and two Discord channels: one due before the kill, one after
      ZonedDateTime first = ZonedDateTime.now(ZoneOffset.UTC).plusSeconds(25).withNano(0);
      schedule(database.database(), first);
      List<FakeGuild.FakeChannel> discordChannels = discord.guild().channels();
      scheduleDiscord(database.database(), discord.guild(), discordChannels.get(0), first.plusSeconds(1));
      scheduleDiscord(database.database(), discord.guild(), discordChannels.get(1), first.plus(SPACING.multipliedBy(CHANNELS - 1)));
      Map<String, String> environment = new HashMap<>(discord.environment());
      environment.putAll(
          Map.of(
              "DBQ_DATABASE_URL", database.url(),
              "SLACK_BOT_TOKEN", FakeSlack.BOT_TOKEN,
              "SLACK_SIGNING_SECRET", "several-instances-signing-secret",
              "SLACK_API_URL", slack.apiUrl(),
              "DBQ_LOG_LEVEL", "info"));

      // and two instances, both ready
      try (BotProcess one = BotProcess.start(environment, scratch, "one", "-Xmx128m");
          BotProcess two = BotProcess.start(environment, scratch, "two", "-Xmx128m")) {
        one.awaitReady(Duration.ofSeconds(60));
        two.awaitReady(Duration.ofSeconds(60));

        // when half the rounds are out (each followed by its thread's first follow-up, which is
        // sent once the round is recorded as posted), one instance dies without a goodbye
        awaitPosts(slack, CHANNELS / 2, true, untilChannel(first, CHANNELS / 2));
        one.kill();

        // then the other posts every remaining round
        Map<String, Long> perChannel =
            awaitPosts(slack, CHANNELS, false, untilChannel(first, CHANNELS)).stream()
                .collect(Collectors.groupingBy(c -> c.text("channel"), Collectors.counting()));
        assertEquals(CHANNELS, perChannel.size(), "every channel got its question: " + perChannel);
        assertTrue(perChannel.values().stream().allMatch(n -> n == 1), "each exactly once: " + perChannel);
        for (FakeGuild.FakeChannel channel : discordChannels) {
          discord.awaitMessagePost(channel.idString(), 1, untilChannel(first, CHANNELS));
        }
        assertTrue(two.status("/healthz") == 200, two.output());
        assertEquals(404, two.status("/metrics"), "metrics are not on the public port");
        String metrics = two.managementBody("/metrics");
        assertTrue(metrics.contains("dbq_rounds_posted_total{platform=\"slack\"}"), metrics);
        assertTrue(metrics.contains("hikaricp_connections_active"), "the pool is in /metrics");
      }

      // and Discord got each of its rounds once, and the database agrees: one round per channel
      for (FakeGuild.FakeChannel channel : discordChannels) {
        assertEquals(1, discord.requests("POST", "channels/" + channel.idString() + "/messages").stream()
            .filter(r -> r.status() == 200).count(), "one post in " + channel.name());
      }
      assertEquals(CHANNELS + discordChannels.size(), postedRounds(database.database()));
    }
  }

  /**
   * Waits for {@code count} successful posts, to channels or (with {@code inThreads}) in threads;
   * returns every such post so far.
   */
  private static List<SlackCall> awaitPosts(FakeSlack slack, int count, boolean inThreads, Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    List<SlackCall> posts = posts(slack, inThreads);
    while (posts.size() < count) {
      int seen = slack.calls("chat.postMessage").size();
      slack.awaitCalls("chat.postMessage", seen + 1, Duration.ofNanos(Math.max(1, deadline - System.nanoTime())));
      posts = posts(slack, inThreads);
    }
    return posts;
  }

  private static List<SlackCall> posts(FakeSlack slack, boolean inThreads) {
    return slack.calls("chat.postMessage").stream()
        .filter(c -> c.succeeded() && (c.text("thread_ts") != null) == inThreads)
        .toList();
  }

  private static void schedule(Database database, ZonedDateTime first) {
    for (int i = 0; i < CHANNELS; i++) {
      schedule(database, new ChannelKey("slack", FakeSlack.TEAM_ID, "C" + i), first.plus(SPACING.multipliedBy(i)));
    }
  }

  private static void scheduleDiscord(Database database, FakeGuild guild, FakeGuild.FakeChannel channel, ZonedDateTime at) {
    schedule(database, new ChannelKey("discord", guild.idString(), channel.idString()), at);
  }

  /** Daily at {@code at} (UTC), revealed just before midnight: only the posts matter here. */
  private static void schedule(Database database, ChannelKey channel, ZonedDateTime at) {
    new ChannelRepository(database).save(
        new ChannelSettings(
            channel,
            new ChannelSchedule(at.toLocalTime(), ZoneOffset.UTC, EnumSet.allOf(DayOfWeek.class), LocalTime.of(23, 59, 59), true),
            null));
  }

  /** Long enough for channel {@code n}'s post time to pass, with room for a loaded machine. */
  private static Duration untilChannel(ZonedDateTime first, int n) {
    ZonedDateTime due = first.plus(SPACING.multipliedBy(n));
    return Duration.between(ZonedDateTime.now(ZoneOffset.UTC), due).plusSeconds(60);
  }

  private static int postedRounds(Database database) {
    return database.read(
        "count posted rounds",
        connection -> {
          try (var statement = connection.prepareStatement("SELECT COUNT(*) FROM rounds WHERE message_ref IS NOT NULL");
              var rows = statement.executeQuery()) {
            rows.next();
            return rows.getInt(1);
          }
        });
  }

  private static TestDatabase postgresql() {
    try {
      return Backend.POSTGRESQL.create();
    } catch (BackendUnavailableException unavailable) {
      return UnavailableBackend.ofThisRun().handle(unavailable);
    }
  }
}
