package dev.dbq.testsupport.discord;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dbq.testsupport.discord.FakeGuild.FakeChannel;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import net.dv8tion.jda.api.JDA;
import net.dv8tion.jda.api.entities.Guild;
import net.dv8tion.jda.api.events.GenericEvent;
import net.dv8tion.jda.api.events.session.ReadyEvent;
import net.dv8tion.jda.api.events.interaction.command.SlashCommandInteractionEvent;
import net.dv8tion.jda.api.hooks.EventListener;
import net.dv8tion.jda.api.requests.GatewayIntent;
import net.dv8tion.jda.api.requests.RestConfig;
import net.dv8tion.jda.api.sharding.DefaultShardManagerBuilder;
import net.dv8tion.jda.api.sharding.ShardManager;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The real JDA client against the fake Discord: it connects, and both sides understand each other. */
class FakeDiscordTest {

  private static final Duration TIMEOUT = Duration.ofSeconds(10);

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
    assertTrue(guild.getSelfMember().hasPermission(guild.getTextChannelById(prep.id()),
        net.dv8tion.jda.api.Permission.MESSAGE_SEND,
        net.dv8tion.jda.api.Permission.CREATE_PUBLIC_THREADS));
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
    assertFalse(event.getMember().hasPermission(net.dv8tion.jda.api.Permission.MANAGE_SERVER));
    event.reply("Here is a question").setEphemeral(true).queue();

    JsonNode callback = interaction.awaitCallback(TIMEOUT);
    assertEquals(4, callback.path("type").asInt());
    assertEquals(64, callback.path("data").path("flags").asInt() & 64);
    assertEquals("Here is a question", callback.path("data").path("content").asText());
  }
}
