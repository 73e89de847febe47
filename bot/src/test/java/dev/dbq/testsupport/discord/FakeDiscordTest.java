package dev.dbq.testsupport.discord;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dbq.testsupport.discord.FakeGuild.FakeChannel;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import net.dv8tion.jda.api.JDA;
import net.dv8tion.jda.api.Permission;
import net.dv8tion.jda.api.components.actionrow.ActionRow;
import net.dv8tion.jda.api.components.buttons.Button;
import net.dv8tion.jda.api.entities.Guild;
import net.dv8tion.jda.api.entities.Message;
import net.dv8tion.jda.api.entities.channel.ChannelType;
import net.dv8tion.jda.api.entities.channel.concrete.ThreadChannel;
import net.dv8tion.jda.api.events.GenericEvent;
import net.dv8tion.jda.api.events.interaction.command.CommandAutoCompleteInteractionEvent;
import net.dv8tion.jda.api.events.interaction.command.SlashCommandInteractionEvent;
import net.dv8tion.jda.api.events.interaction.component.ButtonInteractionEvent;
import net.dv8tion.jda.api.events.message.MessageReceivedEvent;
import net.dv8tion.jda.api.events.session.ReadyEvent;
import net.dv8tion.jda.api.events.session.SessionResumeEvent;
import net.dv8tion.jda.api.events.session.ShutdownEvent;
import net.dv8tion.jda.api.hooks.EventListener;
import net.dv8tion.jda.api.interactions.commands.Command;
import net.dv8tion.jda.api.interactions.commands.OptionType;
import net.dv8tion.jda.api.interactions.commands.build.Commands;
import net.dv8tion.jda.api.interactions.commands.build.SubcommandData;
import net.dv8tion.jda.api.interactions.commands.build.SubcommandGroupData;
import net.dv8tion.jda.api.requests.CloseCode;
import net.dv8tion.jda.api.requests.GatewayIntent;
import net.dv8tion.jda.api.requests.RestConfig;
import net.dv8tion.jda.api.sharding.DefaultShardManagerBuilder;
import net.dv8tion.jda.api.sharding.ShardManager;
import net.dv8tion.jda.api.utils.ConcurrentSessionController;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The real JDA client against the fake Discord: it connects, and both sides understand each other. */
class FakeDiscordTest {

  /** Generous: a loaded machine may take many seconds to connect; waits end as soon as it is done. */
  private static final Duration TIMEOUT = Duration.ofSeconds(30);

  private FakeDiscord discord;
  private ShardManager shards;
  private final Events events = new Events();

  /** What JDA delivered to its listeners, to wait on. */
  private static final class Events implements EventListener {
    private final BlockingQueue<GenericEvent> received = new LinkedBlockingQueue<>();

    @Override
    public void onEvent(GenericEvent event) {
      received.add(event);
    }

    <T extends GenericEvent> T await(Class<T> type, Predicate<T> filter) {
      long deadline = System.nanoTime() + TIMEOUT.toNanos();
      try {
        while (true) {
          GenericEvent event = received.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
          if (event == null) {
            throw new AssertionError("JDA delivered no " + type.getSimpleName() + " in time");
          }
          if (type.isInstance(event) && filter.test(type.cast(event))) {
            return type.cast(event);
          }
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError(e);
      }
    }
  }

  @BeforeEach
  void startFakeDiscord() {
    discord = FakeDiscord.start();
  }

  @AfterEach
  void stop() throws Exception {
    if (shards != null) {
      shards.shutdown();
      for (JDA shard : shards.getShards()) {
        shard.awaitShutdown(TIMEOUT);
      }
    }
    discord.close();
  }

  /** As production must build it: shard manager, REST base from DISCORD_API_URL. */
  private JDA connect() throws InterruptedException {
    shards = DefaultShardManagerBuilder.createLight(discord.environment().get("DISCORD_BOT_TOKEN"),
            GatewayIntent.GUILD_MESSAGES)
        .setRestConfig(new RestConfig().setBaseUrl(discord.environment().get("DISCORD_API_URL")))
        .setShardsTotal(1)
        .addEventListeners(events)
        .build();
    return events.await(ReadyEvent.class, e -> true).getJDA();
  }

  @Test
  void jdaConnectsThroughGatewayBotWithZlibStreamAndSeesTheGuild() throws Exception {
    JDA jda = connect();

    assertEquals(1, discord.requests("GET", "gateway/bot").size());
    String connection = discord.awaitConnection(1, TIMEOUT);
    assertTrue(connection.startsWith("/gateway?"), connection);
    assertTrue(connection.contains("compress=zlib-stream"), connection);
    JsonNode identify = discord.awaitIdentify(TIMEOUT);
    assertEquals("<the fake's token>", identify.path("token").asText());
    assertEquals(0, identify.path("intents").asInt() & DiscordPermissions.PRIVILEGED_INTENTS);
    assertEquals("[0,1]", identify.path("shard").toString());

    Guild guild = jda.getGuildById(discord.guild().id());
    assertNotNull(guild, "JDA cached the guild from GUILD_CREATE");
    assertEquals(discord.guild().name(), guild.getName());
    FakeChannel prep = discord.guild().channel("interview-prep");
    assertEquals("interview-prep", guild.getTextChannelById(prep.id()).getName());
    assertEquals(discord.guild().botUser().id(), jda.getSelfUser().getIdLong());
    assertEquals(discord.guild().applicationId(), jda.getSelfUser().getApplicationIdLong());
    assertEquals(discord.guild().applicationId(),
        jda.retrieveApplicationInfo().complete().getIdLong());
    assertTrue(guild.getSelfMember().hasPermission(guild.getTextChannelById(prep.id()),
        Permission.MESSAGE_SEND,
        Permission.CREATE_PUBLIC_THREADS));
  }

  @Test
  void slashCommandReachesJdaAndItsEphemeralReplyIsRecorded() throws Exception {
    connect();
    FakeChannel channel = discord.guild().channel("interview-prep");

    FakeInteraction interaction = discord.slashCommand(discord.guild().member("alice"))
        .in(channel).subcommand("random").option("topic", "sql").send();

    SlashCommandInteractionEvent event = events.await(SlashCommandInteractionEvent.class, e -> true);
    assertEquals("dbq", event.getName());
    assertEquals("random", event.getSubcommandName());
    assertEquals("sql", event.getOption("topic").getAsString());
    assertEquals(channel.id(), event.getChannel().getIdLong());
    assertEquals(discord.guild().user("alice").id(), event.getUser().getIdLong());
    assertFalse(event.getMember().hasPermission(Permission.MANAGE_SERVER));
    event.reply("Here is a question").setEphemeral(true).queue();

    JsonNode callback = interaction.awaitCallback(TIMEOUT);
    assertEquals(4, callback.path("type").asInt());
    assertEquals(64, callback.path("data").path("flags").asInt() & 64);
    assertEquals("Here is a question", callback.path("data").path("content").asText());
  }

  @Test
  void messagePostAnsweredWith429IsRetriedByJdaAfterTheRetryAfter() throws Exception {
    JDA jda = connect();
    FakeChannel channel = discord.guild().channel("interview-prep");
    discord.failNext("POST", "channels/\\d+/messages", 429, 1.0);

    Message posted = jda.getTextChannelById(channel.id()).sendMessage("Question of the day")
        .complete();

    List<RecordedRequest> posts =
        discord.awaitRequests("POST", "channels/" + channel.idString() + "/messages", 2, TIMEOUT);
    assertEquals(429, posts.get(0).status());
    assertEquals(200, posts.get(1).status());
    assertTrue(posts.get(1).receivedNanos() - posts.get(0).receivedNanos()
        >= Duration.ofMillis(950).toNanos(), "JDA waited out Retry-After");
    assertEquals(2, discord.requests("POST", "channels/\\d+/messages").size(), "no third post");
    JsonNode body = discord.awaitMessagePost(channel.idString(), 1, TIMEOUT);
    assertEquals("Question of the day", body.path("content").asText());
    assertEquals(posted.getId(),
        discord.message(channel.idString(), posted.getId()).path("id").asText());
    assertEquals(jda.getSelfUser().getIdLong(), posted.getAuthor().getIdLong());
  }

  /**
   * JDA sends a request again when its answer is late (a read timeout on a loaded fake), while
   * the first is still being handled: with {@code enforce_nonce} both must get the one message.
   */
  @Test
  void postsWithOneEnforcedNonceAtTheSameTimeMakeOneMessage() throws Exception {
    FakeChannel channel = discord.guild().channel("interview-prep");
    HttpClient http = HttpClient.newHttpClient();
    ExecutorService senders = Executors.newFixedThreadPool(8);
    try {
      for (int round = 0; round < 25; round++) {
        // GIVEN eight posts of one round, with its nonce, sent at the same moment
        String body = "{\"content\":\"Question of the day\",\"nonce\":\"round-" + round + "\",\"enforce_nonce\":true}";
        HttpRequest post = HttpRequest.newBuilder(URI.create(discord.restBaseUrl() + "channels/" + channel.idString() + "/messages"))
            .header("Authorization", "Bot " + discord.token())
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build();
        CyclicBarrier together = new CyclicBarrier(8);
        List<Future<String>> answers = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
          answers.add(senders.submit(() -> {
            together.await();
            HttpResponse<String> answer = http.send(post, HttpResponse.BodyHandlers.ofString());
            assertEquals(200, answer.statusCode(), answer.body());
            return Payloads.parse(answer.body()).path("id").asText();
          }));
        }

        // WHEN the fake answers them all, THEN every answer names one message
        Set<String> ids = new HashSet<>();
        for (Future<String> answer : answers) {
          ids.add(answer.get(TIMEOUT.toSeconds(), TimeUnit.SECONDS));
        }
        assertEquals(1, ids.size(), "round " + round + " made messages " + ids);
      }
    } finally {
      senders.shutdownNow();
    }
  }

  @Test
  void threadOnAPostedMessageReceivesRepliesWithAuthorAndThreadButNoContent() throws Exception {
    JDA jda = connect();
    FakeChannel channel = discord.guild().channel("interview-prep");
    Message round = jda.getTextChannelById(channel.id()).sendMessage("Round").complete();

    ThreadChannel thread = round.createThreadChannel("Round follow-ups").complete();

    assertEquals(round.getIdLong(), thread.getIdLong(), "a message's thread takes its id");
    assertEquals(channel.id(), thread.getParentChannel().getIdLong());
    RecordedRequest start = discord.awaitThreadStart(channel.idString(), 1, TIMEOUT);
    assertEquals("Round follow-ups", start.body().path("name").asText());
    assertEquals(11, discord.channel(thread.getId()).path("type").asInt());

    discord.messageCreate(thread.getId(), discord.guild().user("alice"), "my answer");
    MessageReceivedEvent reply = events.await(MessageReceivedEvent.class,
        e -> e.getChannel().getIdLong() == thread.getIdLong());
    assertEquals(discord.guild().user("alice").id(), reply.getAuthor().getIdLong());
    assertFalse(reply.getAuthor().isBot());
    assertEquals("", reply.getMessage().getContentRaw(), "no MESSAGE_CONTENT intent");

    discord.messageCreate(thread.getId(), discord.guild().user("helper-bot"), "beep");
    MessageReceivedEvent botReply = events.await(MessageReceivedEvent.class,
        e -> e.getChannel().getIdLong() == thread.getIdLong() && e.getAuthor().isBot()
            && e.getAuthor().getIdLong() != jda.getSelfUser().getIdLong());
    assertEquals("helper-bot", botReply.getAuthor().getName());
  }

  @Test
  void threadOpenedByAUserIsCachedSoItsMessagesReachJda() throws Exception {
    connect();
    FakeChannel channel = discord.guild().channel("general");

    JsonNode thread = discord.threadCreate(channel.idString(), "chat", discord.guild().user("bob"));
    discord.messageCreate(thread.path("id").asText(), discord.guild().user("bob"), "hello");

    MessageReceivedEvent event = events.await(MessageReceivedEvent.class,
        e -> e.getChannel().getId().equals(thread.path("id").asText()));
    assertEquals(ChannelType.GUILD_PUBLIC_THREAD, event.getChannelType());
    assertEquals(discord.guild().user("bob").id(), event.getAuthor().getIdLong());
  }

  @Test
  void commandOverwriteIsKeptAndReturnedAndInteractionsCarryItsId() throws Exception {
    JDA jda = connect();
    Guild guild = jda.getGuildById(discord.guild().id());

    List<Command> registered = guild.updateCommands().addCommands(Commands.slash("dbq", "Prep")
        .addSubcommands(new SubcommandData("show", "Show a question")
            .addOption(OptionType.STRING, "id", "Question id", true, true))
        .addSubcommandGroups(new SubcommandGroupData("schedule", "Daily question")
            .addSubcommands(new SubcommandData("set", "Set it")
                .addOption(OptionType.STRING, "time", "HH:MM", true))))
        .complete();

    assertEquals(1, registered.size());
    RecordedRequest put = discord.awaitRequest("PUT",
        "applications/\\d+/guilds/" + discord.guild().idString() + "/commands", TIMEOUT);
    assertEquals("dbq", put.body().path(0).path("name").asText());
    List<Command> fetched = guild.retrieveCommands().complete();
    assertEquals(registered.get(0).getId(), fetched.get(0).getId());
    assertEquals("schedule", fetched.get(0).getSubcommandGroups().get(0).getName());

    discord.autocomplete(discord.guild().member("bob")).subcommand("show").focused("id", "sq")
        .send();
    CommandAutoCompleteInteractionEvent autocomplete =
        events.await(CommandAutoCompleteInteractionEvent.class, e -> true);
    assertEquals(registered.get(0).getIdLong(), autocomplete.getCommandIdLong());
    assertEquals("id", autocomplete.getFocusedOption().getName());
    assertEquals("sq", autocomplete.getFocusedOption().getValue());
  }

  @Test
  void autocompleteAnswerAndButtonPressOnTheReplyRoundTrip() throws Exception {
    connect();
    FakeInteraction typing = discord.autocomplete(discord.guild().member("bob"))
        .subcommand("show").focused("id", "sq").send();
    events.await(CommandAutoCompleteInteractionEvent.class, e -> true)
        .replyChoice("sql-1: Joins", "sql-1").queue();
    JsonNode choices = typing.awaitCallback(TIMEOUT);
    assertEquals(8, choices.path("type").asInt());
    assertEquals("sql-1", choices.path("data").path("choices").path(0).path("value").asText());

    FakeInteraction command = discord.slashCommand(discord.guild().member("bob"))
        .subcommand("show").option("id", "sql-1").send();
    events.await(SlashCommandInteractionEvent.class, e -> true).reply("Joins?")
        .addComponents(ActionRow.of(Button.primary("answer:sql-1", "Show answer"))).queue();
    command.awaitCallback(TIMEOUT);

    discord.buttonPress(discord.guild().member("bob"), command.originalMessage(), "answer:sql-1");
    ButtonInteractionEvent press = events.await(ButtonInteractionEvent.class, e -> true);
    assertEquals("answer:sql-1", press.getComponentId());
    assertEquals("Show answer", press.getButton().getLabel());
  }

  @Test
  void deferredEphemeralReplyIsFilledByEditingTheOriginal() throws Exception {
    connect();
    FakeInteraction interaction = discord.slashCommand(discord.guild().member("carol"))
        .subcommand("schedule", "set").option("time", "09:00").send();
    SlashCommandInteractionEvent event = events.await(SlashCommandInteractionEvent.class, e -> true);
    assertEquals("schedule", event.getSubcommandGroup());
    assertTrue(event.getMember().hasPermission(Permission.MANAGE_SERVER), "carol moderates");

    event.deferReply(true).complete();
    event.getHook().editOriginal("Scheduled").complete();

    assertEquals(5, interaction.awaitCallback(TIMEOUT).path("type").asInt());
    assertEquals("Scheduled", interaction.awaitOriginalEdit(1, TIMEOUT).path("content").asText());
    assertEquals("Scheduled", interaction.originalMessage().path("content").asText());
  }

  @Test
  void privilegedIntentIsRefusedWithCloseCode4014() throws Exception {
    shards = DefaultShardManagerBuilder.createLight(discord.token(), GatewayIntent.GUILD_MESSAGES,
            GatewayIntent.MESSAGE_CONTENT)
        .setRestConfig(new RestConfig().setBaseUrl(discord.restBaseUrl()))
        .setShardsTotal(1)
        .addEventListeners(events)
        .build();

    ShutdownEvent shutdown = events.await(ShutdownEvent.class, e -> true);
    assertEquals(CloseCode.DISALLOWED_INTENTS, shutdown.getCloseCode());
  }

  @Test
  void gatewayOverrideFromASessionControllerIsWhereJdaConnects() throws Exception {
    String override = discord.environmentWithGatewayOverride().get("DISCORD_GATEWAY_URL");
    shards = DefaultShardManagerBuilder.createLight(discord.token(), GatewayIntent.GUILD_MESSAGES)
        .setRestConfig(new RestConfig().setBaseUrl(discord.restBaseUrl()))
        .setSessionController(new ConcurrentSessionController() {
          @Override
          public String getGateway() {
            return override;
          }

          @Override
          public ShardedGateway getShardedGateway(JDA api) {
            return new ShardedGateway(override, 1, 1);
          }
        })
        .setShardsTotal(1)
        .addEventListeners(events)
        .build();
    events.await(ReadyEvent.class, e -> true);

    assertTrue(discord.awaitConnection(1, TIMEOUT).startsWith("/gateway-override?"));
    assertTrue(discord.requests("GET", "gateway/bot").isEmpty());
  }

  @Test
  void droppedConnectionResumesAndEventsFlowAgain() throws Exception {
    JDA jda = connect();

    discord.dropConnections();
    events.await(SessionResumeEvent.class, e -> true);
    discord.messageCreate(discord.guild().channel("general").idString(),
        discord.guild().user("alice"), "still there?");

    events.await(MessageReceivedEvent.class, e -> !e.getAuthor().isBot());
    assertTrue(discord.awaitConnection(2, TIMEOUT).startsWith("/gateway?"), "resume_gateway_url");
    assertEquals(1, discord.identifies().size(), "resumed, not identified again");
    assertEquals(JDA.Status.CONNECTED, jda.getStatus());
  }

  @Test
  void onlyTheShardThatOwnsTheGuildReceivesIt() throws Exception {
    int owner = (int) ((discord.guild().id() >>> 22) % 2);
    shards = DefaultShardManagerBuilder.createLight(discord.token(), GatewayIntent.GUILD_MESSAGES)
        .setRestConfig(new RestConfig().setBaseUrl(discord.restBaseUrl()))
        .setShardsTotal(2)
        .setShards(1 - owner)
        .addEventListeners(events)
        .build();
    JDA other = events.await(ReadyEvent.class, e -> true).getJDA();
    assertTrue(other.getGuilds().isEmpty());
    assertEquals("[" + (1 - owner) + ",2]", discord.awaitIdentify(TIMEOUT).path("shard").toString());
    shards.shutdown();
    other.awaitShutdown(TIMEOUT);

    shards = DefaultShardManagerBuilder.createLight(discord.token(), GatewayIntent.GUILD_MESSAGES)
        .setRestConfig(new RestConfig().setBaseUrl(discord.restBaseUrl()))
        .setShardsTotal(2)
        .setShards(owner)
        .addEventListeners(events)
        .build();
    JDA owning = events.await(ReadyEvent.class, e -> true).getJDA();
    assertNotNull(owning.getGuildById(discord.guild().id()));
  }

  @Test
  void threadOpenedBeforeARestartIsInGuildCreateSoItsRepliesStillArrive() throws Exception {
    JDA first = connect();
    FakeChannel channel = discord.guild().channel("interview-prep");
    Message round = first.getTextChannelById(channel.id()).sendMessage("Round").complete();
    ThreadChannel thread = round.createThreadChannel("Round follow-ups").complete();
    shards.shutdown();
    first.awaitShutdown(TIMEOUT);

    JDA restarted = connect();
    assertNotNull(restarted.getThreadChannelById(thread.getIdLong()), "active thread cached");
    discord.messageCreate(thread.getId(), discord.guild().user("bob"), "late answer");

    MessageReceivedEvent reply = events.await(MessageReceivedEvent.class,
        e -> e.getJDA() == restarted && e.getChannel().getIdLong() == thread.getIdLong());
    assertEquals(discord.guild().user("bob").id(), reply.getAuthor().getIdLong());
  }
}
