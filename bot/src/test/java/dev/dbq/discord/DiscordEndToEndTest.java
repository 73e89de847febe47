package dev.dbq.discord;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.spi.ILoggingEvent;
import com.fasterxml.jackson.databind.JsonNode;
import dev.dbq.app.Bot;
import dev.dbq.chat.AnswerDeadline;
import dev.dbq.chat.ChannelGateway;
import dev.dbq.chat.ChannelGoneException;
import dev.dbq.chat.ChannelKey;
import dev.dbq.chat.OptionSpec;
import dev.dbq.chat.Reply;
import dev.dbq.config.ConfigLoader;
import dev.dbq.config.DbqConfig;
import dev.dbq.console.ConsoleClock;
import dev.dbq.store.Database;
import dev.dbq.testsupport.CapturedLog;
import dev.dbq.testsupport.EachBackend;
import dev.dbq.testsupport.TestBanks;
import dev.dbq.testsupport.TestDatabase;
import dev.dbq.testsupport.discord.DiscordPermissions;
import dev.dbq.testsupport.discord.FakeDiscord;
import dev.dbq.testsupport.discord.FakeGuild.FakeChannel;
import dev.dbq.testsupport.discord.FakeGuild.FakeMember;
import dev.dbq.testsupport.discord.FakeInteraction;
import dev.dbq.testsupport.discord.RecordedRequest;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.AfterEach;

/**
 * The real JDA client against the loopback fake Discord (REST and a zlib-stream gateway), with
 * the whole bot on a test database and a clock that moves only when told. The bot's clock is
 * simulated; Discord's (ids, timestamps) is the real one, which JDA compares them with.
 */
class DiscordEndToEndTest {

  private static final Duration TIMEOUT = Duration.ofSeconds(20);
  /** Tuesday 1 December 2026, 08:00 UTC: before the 09:00 post of a weekday. */
  private static final Instant TUESDAY_MORNING = Instant.parse("2026-12-01T08:00:00Z");

  /** Defers after 50 ms: for the tests that hold the core's answer until they saw the deferral. */
  private static final AnswerDeadline.Budget SHORT =
      new AnswerDeadline.Budget(Duration.ofMillis(100), Duration.ofMillis(50), Duration.ofMinutes(1));

  private final List<AutoCloseable> running = new ArrayList<>();
  private AnswerDeadline.Budget budget = AnswerDeadline.Budget.DISCORD;
  private FakeDiscord discord;
  private ConsoleClock clock;
  private Bot bot;
  private RecordingInbound inbound;
  private FakeChannel general;

  @AfterEach
  void stop() throws Exception {
    for (int i = running.size() - 1; i >= 0; i--) {
      running.get(i).close();
    }
  }

  @EachBackend
  void registersDbqInTheDevGuildWithTypedOptionsAndOnlyAgainWhenItChanged(TestDatabase database) throws Exception {
    // given / when
    DiscordPlatform first = start(database);

    // then: connected through gateway/bot on the REST base, zlib-stream, no privileged intent
    assertEquals(1, discord.requests("GET", "gateway/bot").size());
    String connection = discord.awaitConnection(1, TIMEOUT);
    assertTrue(connection.startsWith("/gateway?") && connection.contains("compress=zlib-stream"), connection);
    JsonNode identify = discord.awaitIdentify(TIMEOUT);
    assertEquals(0, identify.path("intents").asInt() & DiscordPermissions.PRIVILEGED_INTENTS);
    assertTrue((identify.path("intents").asInt() & DiscordPermissions.INTENT_GUILD_MESSAGES) != 0);
    assertTrue(first.ready());

    // and /dbq went to the dev guild, made from the handlers' descriptions
    String guildCommands = "applications/\\d+/guilds/" + discord.guild().idString() + "/commands";
    assertEquals(1, discord.requests("PUT", guildCommands).size());
    assertEquals(0, discord.requests("PUT", "applications/\\d+/commands").size());
    JsonNode dbq = discord.requests("PUT", guildCommands).get(0).body().get(0);
    assertEquals("dbq", dbq.path("name").asText());
    JsonNode random = option(dbq, "random");
    assertEquals(1, random.path("type").asInt());
    assertTrue(option(random, "difficulty").path("choices").size() > 0);
    assertTrue(option(random, "topic").path("autocomplete").asBoolean());
    assertTrue(option(random, "company").path("autocomplete").asBoolean());
    assertTrue(option(option(dbq, "show"), "id").path("autocomplete").asBoolean());
    assertEquals(4, option(option(dbq, "scenario"), "number").path("type").asInt());
    assertEquals(6, option(option(dbq, "streak"), "user").path("type").asInt());
    JsonNode schedule = option(dbq, "schedule");
    assertEquals(2, schedule.path("type").asInt());
    assertEquals(List.of("show", "set", "off"), names(schedule));
    assertEquals(List.of("time", "zone", "days"), names(option(schedule, "set")));

    // when: the bot restarts with the same definition
    first.close();
    running.remove(first);
    connect(database);

    // then: it read the definition again and sent nothing
    assertEquals(2, discord.requests("GET", guildCommands).size());
    assertEquals(1, discord.requests("PUT", guildCommands).size());
  }

  @EachBackend
  void withoutADevGuildDbqIsRegisteredGloballyAndDiscordGatewayUrlReplacesGatewayBot(TestDatabase database) throws Exception {
    // given / when: no dev guild, and the gateway URL given in the environment
    discord = FakeDiscord.start();
    running.add(discord);
    general = discord.guild().channel("general");
    connect(database.database(), "", discord.environmentWithGatewayOverride());

    // then
    assertEquals(1, discord.requests("PUT", "applications/\\d+/commands").size());
    assertEquals(0, discord.requests("PUT", "applications/\\d+/guilds/\\d+/commands").size());
    assertEquals(0, discord.requests("GET", "gateway/bot").size());
    String connection = discord.awaitConnection(1, TIMEOUT);
    assertTrue(discord.gatewayOverrideUrl().endsWith(connection.substring(0, connection.indexOf('?'))), connection);
  }

  @EachBackend
  void randomWithOptionsAutocompleteAndButtonPressesAnswerOnlyTheCaller(TestDatabase database) throws Exception {
    // given
    start(database);
    FakeMember alice = discord.guild().member("alice");

    // when: alice types the start of a topic of the bank
    String typed = bot.inbound().complete(OptionSpec.Completion.TOPIC, "", 1).get(0).substring(0, 3).toLowerCase(Locale.ROOT);
    JsonNode completion =
        discord.autocomplete(alice).in(general).subcommand("random").focused("topic", typed).send().awaitCallback(TIMEOUT);

    // then
    assertEquals(8, completion.path("type").asInt());
    JsonNode choices = completion.path("data").path("choices");
    assertTrue(choices.size() > 0 && choices.size() <= 25, completion.toString());
    choices.forEach(c -> assertTrue(c.path("name").asText().toLowerCase(Locale.ROOT).contains(typed), c.toString()));

    // when: she asks for a random senior question on that topic
    String topic = choices.get(0).path("value").asText();
    FakeInteraction random =
        discord.slashCommand(alice).in(general).subcommand("random").option("topic", topic).option("difficulty", "senior").send();
    JsonNode callback = random.awaitCallback(TIMEOUT);

    // then: a card only she sees, with buttons
    assertEquals(4, callback.path("type").asInt());
    JsonNode data = callback.path("data");
    assertEquals(64, data.path("flags").asInt() & 64);
    assertFalse(data.path("embeds").get(0).path("title").asText().isBlank());
    JsonNode buttons = data.path("components").get(0).path("components");
    assertTrue(buttons.size() > 0, data.toString());
    buttons.forEach(b -> assertTrue(b.path("custom_id").asText().length() <= 100));

    // when: she presses the first button (another part of the answer)
    JsonNode message = random.originalMessage();
    String customId = buttons.get(0).path("custom_id").asText();
    JsonNode pressed = discord.buttonPress(alice, message, customId).awaitCallback(TIMEOUT);

    // then
    assertEquals(4, pressed.path("type").asInt());
    assertEquals(64, pressed.path("data").path("flags").asInt() & 64);
    assertTrue(pressed.path("data").path("embeds").size() > 0, pressed.toString());

    // when: she presses a button whose question has left the banks
    JsonNode expired = discord.buttonPress(alice, message, "dbq#:show ~AAAAAAAAAAAA").awaitCallback(TIMEOUT);

    // then: a polite private note
    assertEquals(64, expired.path("data").path("flags").asInt() & 64);
    assertTrue(expired.path("data").path("content").asText().contains("expired"), expired.toString());
    assertNothingSentCanPing();
  }

  @EachBackend
  void onlyAServerManagerChangesTheSchedule(TestDatabase database) throws Exception {
    // given
    start(database);

    // when: bob, a plain member, tries
    JsonNode refused = scheduleSet(discord.guild().member("bob")).awaitCallback(TIMEOUT);

    // then: a polite refusal to him alone, nothing saved
    assertEquals(64, refused.path("data").path("flags").asInt() & 64);
    assertTrue(refused.path("data").path("content").asText().contains("Only admins"), refused.toString());
    assertTrue(bot.rounds().scheduledChannels().isEmpty());

    // when: carol, who has Manage Server, does it
    JsonNode saved = scheduleSet(discord.guild().member("carol")).awaitCallback(TIMEOUT);

    // then: the channel is told, and the channel joined
    assertEquals(0, saved.path("data").path("flags").asInt() & 64);
    assertTrue(saved.path("data").path("content").asText().contains("Schedule saved"), saved.toString());
    assertEquals(
        List.of(new ChannelKey("discord", discord.guild().idString(), general.idString())),
        bot.rounds().scheduledChannels().stream().map(s -> s.channel()).toList());
    assertNothingSentCanPing();
  }

  @EachBackend
  void aFullDayPostsOnceThroughA429OpensAThreadCountsPeopleNotBotsAndShowsTheStreak(TestDatabase database)
      throws Exception {
    // given: carol scheduled #general at 09:00 UTC, and Discord will rate-limit the round's post once
    start(database);
    scheduleSet(discord.guild().member("carol")).awaitCallback(TIMEOUT);
    String messages = "channels/" + general.idString() + "/messages";
    discord.failNext("POST", messages, 429, 1.0);

    // when: 09:00 comes
    clock.set(Instant.parse("2026-12-01T09:00:00Z"));
    bot.rounds().runDue();

    // then: JDA waited out the 429; the round is in the channel once, with a thread on it
    List<RecordedRequest> posts = discord.requests("POST", messages);
    assertEquals(List.of(429, 200), posts.stream().map(RecordedRequest::status).toList());
    assertTrue(bot.metrics().scrape().contains("dbq_platform_api_retries_total{platform=\"discord\",reason=\"rate_limited\"} 1"),
        "the operator sees the rate limit");
    JsonNode round = discord.awaitMessagePost(general.idString(), 1, TIMEOUT);
    assertFalse(round.path("embeds").isEmpty(), round.toString());
    RecordedRequest threadStart = discord.awaitThreadStart(general.idString(), 1, TIMEOUT);
    // Discord gives a message's thread the message's id
    String thread = threadStart.path().replaceAll("^channels/\\d+/messages/(\\d+)/threads$", "$1");
    assertEquals(discord.message(general.idString(), thread).path("id").asText(), thread);
    JsonNode followUp = discord.awaitMessagePost(thread, 1, TIMEOUT);
    assertFalse(followUp.path("content").asText().isBlank() && followUp.path("embeds").isEmpty());

    // when: alice and bob answer in the thread, and another bot chimes in
    discord.messageCreate(thread, discord.guild().user("alice"), "Leader-based replication, because...");
    discord.messageCreate(thread, discord.guild().user("bob"), "Quorum writes!");
    discord.messageCreate(thread, discord.guild().user("helper-bot"), "I am a bot");

    // then: the people count, the bot does not
    RecordingInbound.Delivered alice = inbound.awaitThreadMessageFrom(discord.guild().user("alice").idString(), TIMEOUT);
    RecordingInbound.Delivered bob = inbound.awaitThreadMessageFrom(discord.guild().user("bob").idString(), TIMEOUT);
    RecordingInbound.Delivered helper = inbound.awaitThreadMessageFrom(discord.guild().user("helper-bot").idString(), TIMEOUT);
    ChannelKey channel = new ChannelKey("discord", discord.guild().idString(), general.idString());
    assertEquals(channel, alice.channel());
    assertEquals(thread, alice.threadRef());
    assertTrue(alice.verdictText().contains(": counted"), alice.verdictText());
    assertTrue(bob.verdictText().contains(": counted"), bob.verdictText());
    assertTrue(helper.message().fromBot());
    assertEquals("(not counted)", helper.verdictText());

    // when: 17:00, the reveal
    String inThread = "channels/" + thread + "/messages";
    int before = discord.requests("POST", inThread).size();
    clock.set(Instant.parse("2026-12-01T17:00:00Z"));
    bot.rounds().runDue();

    // then: it goes into the thread with a button for the detailed answer, nothing more into the channel
    List<JsonNode> sinceFive = discord.requests("POST", inThread).stream().skip(before).map(RecordedRequest::body).toList();
    JsonNode reveal = sinceFive.stream().filter(b -> b.path("content").asText().contains("Quick answer")).findFirst()
        .orElseThrow(() -> new AssertionError("no reveal in the thread: " + sinceFive));
    assertTrue(reveal.path("components").get(0).path("components").get(0).path("custom_id").asText().startsWith("dbq:answer "));
    assertEquals(2, discord.requests("POST", messages).size());

    // when: alice asks for her streak at the end of the day
    JsonNode streak =
        discord.slashCommand(discord.guild().member("alice")).in(general).subcommand("streak").send().awaitCallback(TIMEOUT);

    // then
    String text = streak.path("data").toString();
    assertTrue(text.contains("Current streak: 1"), text);
    assertTrue(text.contains("Team streak: 1"), text);
    assertNothingSentCanPing();
  }

  @EachBackend
  void aSlowAnswerIsDeferredThenDeliveredAndASharedOneStillReachesTheChannel(TestDatabase database) throws Exception {
    // given: the core takes its time
    budget = SHORT;
    start(database);
    inbound.holdCommands();

    // when: alice asks for her streak, and carol sets the schedule (a reply for the channel)
    FakeInteraction streak = discord.slashCommand(discord.guild().member("alice")).in(general).subcommand("streak").send();
    FakeInteraction schedule = scheduleSet(discord.guild().member("carol"));

    // then: both are acknowledged in time, privately, before any answer exists
    JsonNode deferred = streak.awaitCallback(TIMEOUT);
    assertEquals(5, deferred.path("type").asInt());
    assertEquals(64, deferred.path("data").path("flags").asInt() & 64);
    assertEquals(5, schedule.awaitCallback(TIMEOUT).path("type").asInt());

    // when: the core answers
    inbound.releaseCommands();

    // then: the private answer replaces the deferral; the shared one is a visible follow-up
    assertTrue(streak.awaitOriginalEdit(1, TIMEOUT).toString().contains("Current streak"));
    JsonNode shared = schedule.awaitFollowup(1, TIMEOUT);
    assertEquals(0, shared.path("flags").asInt() & 64);
    assertTrue(shared.path("content").asText().contains("Schedule saved"), shared.toString());
    assertNothingSentCanPing();
  }

  @EachBackend
  void anAnswerToAnInteractionDiscordNoLongerTakesIsWarnedOnceAndCounted(TestDatabase database) throws Exception {
    // given: alice's command reaches the bot 16 minutes after she sent it (a stalled gateway)
    start(database);
    try (CapturedLog log = CapturedLog.of(LostAnswers.class)) {
      FakeInteraction late = discord.slashCommand(discord.guild().member("alice")).in(general).subcommand("streak")
          .createdAgo(Duration.ofMinutes(16)).send();

      // when: the bot answers, and Discord refuses (10062 Unknown interaction)
      assertEquals(404, discord.awaitRequest("POST", "interactions/" + late.id() + "/.*", TIMEOUT).status());

      // then: one warning line, without trace or token, and the loss is counted
      assertLostAnswerWarned(log, late);
    }
  }

  @EachBackend
  void aDeferredAnswerWhoseWebhookDiscordRefusesIsWarnedOnceAndCounted(TestDatabase database) throws Exception {
    // given: a slow answer, deferred in time
    budget = SHORT;
    start(database);
    inbound.holdCommands();
    FakeInteraction streak = discord.slashCommand(discord.guild().member("alice")).in(general).subcommand("streak").send();
    assertEquals(5, streak.awaitCallback(TIMEOUT).path("type").asInt());
    discord.failNext("PATCH", "webhooks/\\d+/.*/messages/@original", 404, 10062, "Unknown interaction");

    try (CapturedLog log = CapturedLog.of(LostAnswers.class)) {
      // when: the answer is ready, but Discord no longer takes it
      inbound.releaseCommands();

      // then
      assertLostAnswerWarned(log, streak);
    }
  }

  @EachBackend
  void anAnswerReadyAfterDiscordsFollowUpWindowIsNotSentButWarnedOnceAndCounted(TestDatabase database) throws Exception {
    // given: a follow-up window of 300 ms, and an answer held past it
    budget = new AnswerDeadline.Budget(Duration.ofMillis(100), Duration.ofMillis(50), Duration.ofMillis(300));
    start(database);
    inbound.holdCommands();
    try (CapturedLog log = CapturedLog.of(LostAnswers.class)) {
      FakeInteraction streak = discord.slashCommand(discord.guild().member("alice")).in(general).subcommand("streak").send();
      assertEquals(5, streak.awaitCallback(TIMEOUT).path("type").asInt());

      // when: the window closes before the answer is ready
      assertLostAnswerWarned(log, streak);
      inbound.releaseCommands();

      // then: the loss was said once
      assertEquals(1, log.events().size(), log::text);
    }
  }

  @EachBackend
  void everyMalformedInteractionGetsAOneLinePrivateAnswerAndLeavesNoTraceInTheLog(TestDatabase database) throws Exception {
    // given
    start(database);
    FakeMember alice = discord.guild().member("alice");
    try (CapturedLog log = CapturedLog.everything()) {
      // when: a command of another app's registration, options without values (an integer, which
      // JDA passes on, and a string, which JDA cannot even read), a group without its subcommand
      List<FakeInteraction> bad = List.of(
          discord.slashCommand(alice).in(general).command("ping").send(),
          discord.slashCommand(alice).in(general).subcommand("scenario").optionWithoutValue("number", 4).send(),
          discord.slashCommand(alice).in(general).subcommand("show").optionWithoutValue("id", 3).send(),
          discord.slashCommand(alice).in(general).rawOptions("[{\"name\":\"schedule\",\"type\":2,\"options\":[]}]").send());

      // then: each got a private one-line answer
      for (FakeInteraction interaction : bad) {
        JsonNode callback = interaction.awaitCallback(TIMEOUT);
        assertEquals(4, callback.path("type").asInt(), callback.toString());
        assertEquals(64, callback.path("data").path("flags").asInt() & 64, callback.toString());
        String content = callback.path("data").path("content").asText();
        assertTrue(!content.isBlank() && !content.contains("\n"), content);
      }
      // and the log has no trace and no token
      for (ILoggingEvent event : log.events()) {
        assertNull(event.getThrowableProxy(), event.getFormattedMessage());
        bad.forEach(i -> assertFalse(event.getFormattedMessage().contains(i.payload().path("token").asText()), event.getFormattedMessage()));
      }
    }
    assertNothingSentCanPing();
  }

  @EachBackend
  void aReplyInTheRoundsThreadCountsAfterTheBotRestarted(TestDatabase database) throws Exception {
    // given: a round posted with its thread, then the bot restarts
    String thread = postARoundAndStop(start(database));
    connect(database);

    // when: alice replies in the thread
    discord.messageCreate(thread, discord.guild().user("alice"), "After the restart");

    // then: the new process knew the thread (from GUILD_CREATE) and counted her
    RecordingInbound.Delivered alice = inbound.awaitThreadMessageFrom(discord.guild().user("alice").idString(), TIMEOUT);
    assertTrue(alice.verdictText().contains(": counted"), alice.verdictText());
  }

  @EachBackend
  void theRevealReachesARoundsThreadThatWasArchivedWhileTheBotWasDown(TestDatabase database) throws Exception {
    // given: a round posted with its thread; the bot stops, a moderator archives the thread, a new process starts
    String thread = postARoundAndStop(start(database));
    discord.archiveThread(thread);
    bot = null; // a new process: its own bot on its own pool
    connect(database.openAnother(), devGuildConfig(), discord.environment());

    // when: 17:00, the reveal
    clock.set(Instant.parse("2026-12-01T17:00:00Z"));
    bot.rounds().runDue();

    // then: the new process found the thread among the archived ones and posted in it, which reopened it
    discord.awaitRequest("GET", "channels/" + general.idString() + "/threads/archived/public", TIMEOUT);
    List<JsonNode> inThread = discord.requests("POST", "channels/" + thread + "/messages").stream()
        .map(RecordedRequest::body).toList();
    assertTrue(inThread.stream().anyMatch(b -> b.path("content").asText().contains("Quick answer")), inThread.toString());
    assertFalse(discord.channel(thread).path("thread_metadata").path("archived").asBoolean());
  }

  @EachBackend
  void aRoundPostedAgainByARestartedBotIsOneMessageWithOneThread(TestDatabase database) throws Exception {
    // given: a bot posted a round (message and thread), then stopped before it could record that
    DiscordPlatform crashed = start(database);
    ChannelKey channel = new ChannelKey("discord", discord.guild().idString(), general.idString());
    Reply question = new Reply("Q7 · Design a migration", List.of(new Reply.Text("How?")), List.of(), Reply.Visibility.CHANNEL);
    ChannelGateway.PostedMessage first = crashed.gateway().post(channel, "round-7", question);
    crashed.close();
    running.remove(crashed);

    // when: the restarted bot posts the same round again, as its recovery does
    ChannelGateway.PostedMessage again = connect(database).gateway().post(channel, "round-7", question);

    // then: Discord gave back the message it had (same nonce), and its thread
    assertEquals(first, again);
    assertEquals(1, discord.requests("POST", "channels/" + general.idString() + "/messages/\\d+/threads").stream()
        .filter(r -> r.status() == 201).count());
    assertEquals(List.of(true, true), discord.requests("POST", "channels/" + general.idString() + "/messages").stream()
        .map(r -> r.body().path("nonce").asText().equals("round-7")).toList());
  }

  @EachBackend
  void aPostToAChannelDiscordNoLongerHasIsReportedAsGone(TestDatabase database) throws Exception {
    // given: a channel id of the guild that names no channel (deleted)
    DiscordPlatform platform = start(database);
    ChannelKey deleted = new ChannelKey("discord", discord.guild().idString(), "123456789012345678");
    Reply question = Reply.text("Q1");

    // when / then: nothing is sent, and the core is told the channel is gone
    assertThrows(ChannelGoneException.class, () -> platform.gateway().post(deleted, "round-1", question));
    assertThrows(ChannelGoneException.class, () -> platform.gateway().postInThread(deleted, "123456789012345679", question));
    assertEquals(List.of(), discord.requests("POST", "channels/123456789012345678/.*"));
  }

  // ---- helpers

  private DiscordPlatform start(TestDatabase database) throws Exception {
    // The fake stays on the real clock, as Discord: JDA judges its ids by that one.
    discord = FakeDiscord.start();
    running.add(discord);
    general = discord.guild().channel("general");
    return connect(database);
  }

  /** Carol schedules #general, the 09:00 round posts with its thread, and the process stops; the thread's id. */
  private String postARoundAndStop(DiscordPlatform platform) throws Exception {
    scheduleSet(discord.guild().member("carol")).awaitCallback(TIMEOUT);
    clock.set(Instant.parse("2026-12-01T09:00:00Z"));
    bot.rounds().runDue();
    String thread = discord.awaitThreadStart(general.idString(), 1, TIMEOUT).path()
        .replaceAll("^channels/\\d+/messages/(\\d+)/threads$", "$1");
    platform.close();
    running.remove(platform);
    return thread;
  }

  /** A bot process on the database, with /dbq in the fake's guild, connected through the environment. */
  private DiscordPlatform connect(TestDatabase database) {
    return connect(database.database(), devGuildConfig(), discord.environment());
  }

  /** /dbq registered in the fake's guild, as a team trying the bot would. */
  private String devGuildConfig() {
    return devGuildConfig(discord);
  }

  private DiscordPlatform connect(Database database, String configYaml, Map<String, String> environment) {
    DbqConfig config = new ConfigLoader(Map.of()).parse("test.yml", configYaml);
    DiscordPlatform platform = platform(environment, config).answeringWithin(budget);
    if (bot == null) {
      clock = new ConsoleClock(ZoneOffset.UTC, TUESDAY_MORNING);
      bot = new Bot(database, config, TestBanks.library(), platform.gateway(), clock, new SplittableRandom(42));
      inbound = new RecordingInbound(bot.inbound());
    }
    running.add(platform);
    platform.connect(inbound, bot.metrics());
    return platform;
  }

  /** The Discord platform a process with this environment and configuration would run (not connected yet). */
  static DiscordPlatform platform(Map<String, String> environment, DbqConfig config) {
    return DiscordPlatform.configured(environment, config).orElseThrow().readyWithin(TIMEOUT);
  }

  /** /dbq registered in the fake's guild, as a team trying the bot would. */
  static String devGuildConfig(FakeDiscord fake) {
    return "discord:\n  dev_guild: \"" + fake.guild().idString() + "\"\n";
  }

  private FakeInteraction scheduleSet(FakeMember member) {
    return discord.slashCommand(member).in(general).subcommand("schedule", "set")
        .option("time", "09:00").option("zone", "UTC").send();
  }

  /** One WARN line for the interaction's lost answer, without trace or token, and {@code dbq_answers_lost_total} says it. */
  private void assertLostAnswerWarned(CapturedLog log, FakeInteraction interaction) {
    ILoggingEvent warning = log.await(e -> e.getFormattedMessage().contains(interaction.id()), 1, TIMEOUT, "lost answer").get(0);
    assertEquals(Level.WARN, warning.getLevel());
    assertNull(warning.getThrowableProxy());
    assertFalse(warning.getFormattedMessage().contains(interaction.payload().path("token").asText()), warning.getFormattedMessage());
    String metrics = bot.metrics().scrape();
    assertTrue(metrics.contains("dbq_answers_lost_total{platform=\"discord\",reason=\"expired\"} 1"), metrics);
  }

  /** Every message, reply, follow-up and edit the bot sent says that it mentions nobody. */
  private void assertNothingSentCanPing() {
    int checked = 0;
    for (RecordedRequest request : discord.requests()) {
      boolean sendsMessage =
          request.matches("POST", "channels/\\d+/messages")
              || request.matches("PATCH", "(channels/\\d+/messages/\\d+|webhooks/.*)")
              || request.matches("POST", "webhooks/.*")
              || (request.matches("POST", "interactions/.*/callback") && request.body().path("type").asInt() == 4);
      if (!sendsMessage) {
        continue;
      }
      JsonNode body = request.path().startsWith("interactions/") ? request.body().path("data") : request.body();
      JsonNode parse = body.path("allowed_mentions").path("parse");
      assertTrue(parse.isArray() && parse.isEmpty(), "allowed_mentions of " + request);
      checked++;
    }
    assertTrue(checked > 0, "nothing was sent");
  }

  private static JsonNode option(JsonNode parent, String name) {
    for (JsonNode option : parent.path("options")) {
      if (option.path("name").asText().equals(name)) {
        return option;
      }
    }
    throw new AssertionError("no option " + name + " in " + parent);
  }

  private static List<String> names(JsonNode parent) {
    List<String> names = new ArrayList<>();
    parent.path("options").forEach(o -> names.add(o.path("name").asText()));
    return names;
  }
}
