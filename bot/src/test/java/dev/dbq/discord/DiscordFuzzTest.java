package dev.dbq.discord;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import com.fasterxml.jackson.databind.JsonNode;
import dev.dbq.app.Bot;
import dev.dbq.config.ConfigLoader;
import dev.dbq.config.DbqConfig;
import dev.dbq.console.ConsoleClock;
import dev.dbq.testsupport.Backend;
import dev.dbq.testsupport.CapturedLog;
import dev.dbq.testsupport.TestBanks;
import dev.dbq.testsupport.TestDatabase;
import dev.dbq.testsupport.discord.FakeDiscord;
import dev.dbq.testsupport.discord.FakeGuild.FakeChannel;
import dev.dbq.testsupport.discord.FakeGuild.FakeMember;
import dev.dbq.testsupport.discord.FakeInteraction;
import dev.dbq.testsupport.discord.InteractionBuilder;
import dev.dbq.testsupport.discord.RecordedRequest;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * A thousand seeded gateway dispatches of what went wrong before, through the real JDA against
 * the fake Discord: slash commands with random, missing, mistyped, huge or hostile options
 * (mentions, control characters), other command names, subcommand groups without a subcommand,
 * forged button ids, autocomplete with and without a focused option, messages in a round's
 * thread. Every interaction is answered; the log holds no trace and no token. Seeded, so a
 * failure names a dispatch that can be replayed.
 */
class DiscordFuzzTest {

  private static final long SEED = 20261205L;
  private static final int DISPATCHES = 1_000;
  /** Dispatched, then awaited, in batches: a bound on the work in flight on a loaded machine. */
  private static final int BATCH = 40;
  private static final Duration TIMEOUT = Duration.ofSeconds(30);

  private static final List<String> SUBCOMMANDS =
      List.of("help", "random", "show", "answer", "search", "topics", "scenario", "streak", "leaderboard", "nope", "");
  private static final List<String> SCHEDULE = List.of("show", "set", "off", "later");
  private static final List<String> OPTIONS =
      List.of("topic", "difficulty", "company", "tag", "bank", "id", "part", "words", "number", "user", "time", "zone", "days", "x");
  private static final List<String> HOSTILE = List.of(
      "@everyone", "@here", "<@&123456789012345678>", "<@!1174109840998400003>", "\u0000", "\u001b[2J", "\r\n\tat x.Y(Z.java:1)",
      "\u202E", "q1", "Q5", "s2", "database-architecture/q5", "09:00", "25:99", "UTC", "Europe/Berlin", "EST", "mon,wed,fri",
      "daily", "senior", "staff", "9223372036854775808", "-1", "", " ", "\"", "{\"token\":\"x\"}", "cap theorem");
  private static final List<String> RAW_OPTIONS = List.of(
      "[{\"name\":\"schedule\",\"type\":2,\"options\":[]}]",
      "[{\"name\":\"schedule\",\"type\":2}]",
      "[{\"name\":\"random\",\"type\":1,\"options\":[{\"name\":\"topic\",\"type\":3}]}]",
      "[{\"name\":\"random\",\"type\":1,\"options\":[{\"name\":\"topic\",\"type\":3,\"value\":null}]}]",
      "[{\"type\":1}]",
      "[{\"name\":\"show\",\"type\":99}]",
      "[{\"name\":\"random\",\"type\":1},{\"name\":\"show\",\"type\":1}]",
      "[]");
  private static final List<String> FORGED_IDS = List.of(
      "dbq:show q1", "dbq#:show ~AAAAAAAAAAAA", "", "dbq:", "dbq:answer", "dbq:answer ../../../etc/passwd",
      "dbq:answered 999999", "\u0000\u001b[2J", "@everyone", "x".repeat(100), "dbq:show q1 detailed extra words");

  private final SplittableRandom random = new SplittableRandom(SEED);

  @Test
  void everyGeneratedDispatchIsAnsweredWithoutATraceOrATokenInTheLog() throws Exception {
    try (TestDatabase database = Backend.SQLITE.create();
        FakeDiscord discord = FakeDiscord.start();
        CapturedLog log = CapturedLog.everything()) {
      // given: a bot connected to the fake, a card with buttons and a thread to answer in
      DbqConfig config = new ConfigLoader(Map.of()).parse("fuzz.yml", DiscordEndToEndTest.devGuildConfig(discord));
      DiscordPlatform platform = DiscordEndToEndTest.platform(discord.environment(), config);
      Bot bot = new Bot(database.database(), config, TestBanks.library(), platform.gateway(),
          new ConsoleClock(ZoneOffset.UTC, Instant.parse("2026-12-07T08:00:00Z")), new SplittableRandom(SEED));
      try (platform) {
        platform.connect(bot.inbound(), bot.metrics());
        FakeChannel general = discord.guild().channel("general");
        FakeInteraction first = discord.slashCommand(member(discord)).in(general).subcommand("random").send();
        first.awaitAcceptedCallback(TIMEOUT);
        JsonNode card = first.originalMessage();
        String thread = discord.threadCreate(general.idString(), "round", discord.guild().user("alice")).path("id").asText();

        // when
        List<FakeInteraction> sent = new ArrayList<>();
        for (int i = 0; i < DISPATCHES; i++) {
          FakeInteraction interaction = dispatch(discord, general, card, thread);
          if (interaction != null) {
            sent.add(interaction);
          }
          if (sent.size() % BATCH == 0 || i == DISPATCHES - 1) {
            awaitAnswers(discord, sent.subList(Math.max(0, sent.size() - BATCH), sent.size()));
          }
        }

        // then: every interaction answered (above), and the log is clean
        assertTrue(sent.size() > DISPATCHES / 2, "interactions sent: " + sent.size());
        List<String> secrets = new ArrayList<>(List.of(discord.token()));
        sent.forEach(i -> secrets.add(i.payload().path("token").asText()));
        for (ILoggingEvent event : log.events()) {
          String line = event.getFormattedMessage();
          assertEquals(null, event.getThrowableProxy(), () -> "a trace in the log: " + line + " " + describe(event.getThrowableProxy()));
          secrets.forEach(secret -> assertFalse(line.contains(secret), () -> "a token in the log: " + line));
        }
      }
    }
  }

  /** One generated dispatch; the interaction it sent, or null for a thread message. */
  private FakeInteraction dispatch(FakeDiscord discord, FakeChannel general, JsonNode card, String thread) {
    int kind = random.nextInt(100);
    if (kind < 45) {
      return slashCommand(discord.slashCommand(member(discord)).in(general)).send();
    }
    if (kind < 50) {
      return discord.slashCommand(member(discord)).in(general).command(pick(List.of("ping", "DBQ", "dbq2", "x".repeat(32)))).send();
    }
    if (kind < 60) {
      InteractionBuilder builder = random.nextBoolean() ? discord.slashCommand(member(discord)) : discord.autocomplete(member(discord));
      return builder.in(general).rawOptions(pick(RAW_OPTIONS)).send();
    }
    if (kind < 75) {
      return discord.buttonPress(member(discord), card, random.nextInt(4) == 0 ? buttonOf(card) : pick(FORGED_IDS));
    }
    if (kind < 88) {
      InteractionBuilder builder = discord.autocomplete(member(discord)).in(general);
      pickPath(builder);
      return builder.focused(pick(OPTIONS), value()).send();
    }
    discord.messageCreate(thread, discord.guild().user(pick(List.of("alice", "bob", "helper-bot"))), value());
    return null;
  }

  private InteractionBuilder slashCommand(InteractionBuilder builder) {
    pickPath(builder);
    int options = random.nextInt(4);
    for (int i = 0; i < options; i++) {
      String name = pick(OPTIONS);
      switch (random.nextInt(5)) {
        case 0 -> builder.optionWithoutValue(name, 3 + random.nextInt(4));
        case 1 -> builder.option(name, random.nextLong());
        case 2 -> builder.option(name, random.nextBoolean());
        default -> builder.option(name, value());
      }
    }
    return builder;
  }

  private void pickPath(InteractionBuilder builder) {
    if (random.nextInt(5) == 0) {
      builder.subcommand("schedule", pick(SCHEDULE));
    } else {
      String name = pick(SUBCOMMANDS);
      if (!name.isEmpty()) {
        builder.subcommand(name);
      }
    }
  }

  /** Hostile text, sometimes several pieces, sometimes far longer than Discord allows. */
  private String value() {
    StringBuilder text = new StringBuilder(pick(HOSTILE));
    for (int more = random.nextInt(3); more > 0; more--) {
      text.append(' ').append(pick(HOSTILE));
    }
    if (random.nextInt(20) == 0) {
      text.append("y".repeat(6_000 + random.nextInt(10_000)));
    }
    return text.toString();
  }

  private FakeMember member(FakeDiscord discord) {
    return discord.guild().member(pick(List.of("alice", "bob", "carol", "dave", "owner")));
  }

  private String buttonOf(JsonNode card) {
    JsonNode buttons = card.path("components").path(0).path("components");
    return buttons.isEmpty() ? "dbq:show q1" : buttons.get(random.nextInt(buttons.size())).path("custom_id").asText();
  }

  private <T> T pick(List<T> from) {
    return from.get(random.nextInt(from.size()));
  }

  /** Each interaction got an accepted callback: a reply, a deferral (then its edit) or choices. */
  private static void awaitAnswers(FakeDiscord discord, List<FakeInteraction> batch) {
    for (FakeInteraction interaction : batch) {
      RecordedRequest callback = interaction.awaitAcceptedCallback(TIMEOUT);
      if (callback.body().path("type").asInt() == 4) {
        JsonNode parse = callback.body().path("data").path("allowed_mentions").path("parse");
        assertTrue(parse.isArray() && parse.isEmpty(), () -> "a reply that can ping: " + callback);
      }
    }
  }

  private static String describe(IThrowableProxy trace) {
    return trace == null ? "" : trace.getClassName() + ": " + trace.getMessage();
  }
}
