package dev.dbq.discord;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Level;
import com.fasterxml.jackson.databind.JsonNode;
import dev.dbq.app.Bot;
import dev.dbq.chat.Attachment;
import dev.dbq.chat.ChannelKey;
import dev.dbq.chat.Reply;
import dev.dbq.config.ConfigLoader;
import dev.dbq.config.DbqConfig;
import dev.dbq.console.ConsoleClock;
import dev.dbq.testsupport.Backend;
import dev.dbq.testsupport.CapturedLog;
import dev.dbq.testsupport.ProbeInbound;
import dev.dbq.testsupport.TestBanks;
import dev.dbq.testsupport.TestDatabase;
import dev.dbq.testsupport.TestPictures;
import dev.dbq.testsupport.discord.FakeDiscord;
import dev.dbq.testsupport.discord.FakeGuild.FakeChannel;
import dev.dbq.testsupport.discord.FakeGuild.FakeMember;
import dev.dbq.testsupport.discord.FakeInteraction;
import dev.dbq.testsupport.discord.RecordedRequest;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The outbound port on Discord beyond rounds, through the real JDA against the fake's REST and
 * gateway: a plain message with a chart's PNG attached, a direct message (and a user who takes
 * none), and a form answered as a modal whose MODAL_SUBMIT comes back to the core.
 */
class DiscordPortsTest {

  private static final Duration TIMEOUT = Duration.ofSeconds(20);

  private FakeDiscord discord;
  private TestDatabase database;
  private Bot bot;
  private DiscordPlatform platform;
  private ProbeInbound probe;
  private FakeChannel general;
  private ChannelKey channel;

  @BeforeEach
  void start() {
    discord = FakeDiscord.start();
    database = Backend.SQLITE.create();
    general = discord.guild().channel("general");
    channel = new ChannelKey("discord", discord.guild().idString(), general.idString());
    DbqConfig config = new ConfigLoader(Map.of()).parse("test.yml", DiscordEndToEndTest.devGuildConfig(discord));
    platform = DiscordEndToEndTest.platform(discord.environment(), config);
    ConsoleClock clock = new ConsoleClock(ZoneOffset.UTC, Instant.parse("2026-12-04T17:30:00Z"));
    bot = new Bot(database.database(), config, TestBanks.library(), platform.gateway(), clock, new SplittableRandom(42));
    probe = new ProbeInbound(bot.inbound());
    platform.connect(probe, bot.metrics());
  }

  @AfterEach
  void stop() throws Exception {
    platform.close();
    bot.close();
    database.close();
    discord.close();
  }

  @Test
  void aPlainMessageOpensNoThreadAndCarriesItsChartAsAPngWithTheAltTextAsItsDescription() {
    // WHEN a recap with a chart is posted
    Attachment.Chart chart = TestPictures.answersPerDay();
    Reply recap = new Reply("Weekly recap", List.of(new Reply.Text("3 rounds, 8 answers.")), List.of(), Reply.Visibility.CHANNEL)
        .withAttachments(List.of(chart));
    String messageId = platform.gateway().postMessage(channel, recap);

    // THEN one multipart message carries the PNG, described by the alt text, mentioning nobody
    RecordedRequest post = discord.requests("POST", "channels/" + general.idString() + "/messages").get(0);
    assertEquals(200, post.status());
    assertEquals(1, post.files().size());
    assertEquals("answers.png", post.files().get(0).fileName());
    assertArrayEquals(chart.picture().png(), post.files().get(0).bytes());
    assertEquals(chart.altText(), post.body().path("attachments").get(0).path("description").asText());
    JsonNode parse = post.body().path("allowed_mentions").path("parse");
    assertTrue(parse.isArray() && parse.isEmpty(), post.toString());
    JsonNode stored = discord.message(general.idString(), messageId);
    assertEquals("answers.png", stored.path("attachments").get(0).path("filename").asText());
    // AND no thread is opened on it
    assertEquals(List.of(), discord.requests("POST", "channels/\\d+/messages/\\d+/threads"));
  }

  @Test
  void aPrivateWordIsADirectMessageAndSomeoneWhoTakesNoneIsSkippedWithADebugLine() {
    FakeMember alice = discord.guild().member("alice");
    // WHEN alice is reminded privately
    boolean told = platform.gateway().tellPrivately(channel, alice.user().idString(), Reply.text("Today's question is still open."));

    // THEN the bot opened its DM channel with her and wrote there, mentioning nobody
    assertTrue(told);
    assertEquals(alice.user().idString(), discord.requests("POST", "users/@me/channels").get(0).body().path("recipient_id").asText());
    RecordedRequest dm = discord.awaitDirectMessage(alice.user(), 1, TIMEOUT);
    assertEquals(200, dm.status());
    assertEquals("Today's question is still open.", dm.body().path("content").asText());
    assertTrue(dm.body().path("allowed_mentions").path("parse").isEmpty(), dm.toString());

    // WHEN bob, who takes no direct messages, is reminded
    FakeMember bob = discord.guild().members().stream().filter(m -> !m.equals(alice) && !m.user().bot()).findFirst().orElseThrow();
    discord.closeDirectMessages(bob.user());
    try (CapturedLog log = CapturedLog.of(DiscordGateway.class).withLevel(DiscordGateway.class.getName(), Level.DEBUG)) {
      boolean toldBob = platform.gateway().tellPrivately(channel, bob.user().idString(), Reply.text("Reminder"));

      // THEN he is skipped: a DEBUG line, no error
      assertFalse(toldBob);
      assertEquals(403, discord.awaitDirectMessage(bob.user(), 1, TIMEOUT).status());
      assertEquals(1, log.at(Level.DEBUG).size(), log.text());
      assertEquals(List.of(), log.at(Level.WARN));
      assertEquals(List.of(), log.at(Level.ERROR));
    }
  }

  @Test
  void aFormAnswersTheInteractionAsAModalAndItsSubmissionReachesTheCoreAndIsAnsweredPrivately() throws Exception {
    FakeMember alice = discord.guild().member("alice");
    // WHEN alice runs the probe command whose answer is a form
    JsonNode callback = discord.slashCommand(alice).in(general).subcommand("probe-form").send().awaitCallback(TIMEOUT);

    // THEN the interaction is answered with a modal (type 9) of the form's fields
    assertEquals(9, callback.path("type").asInt(), callback.toString());
    JsonNode modal = callback.path("data");
    assertEquals("dbq-form:probe", modal.path("custom_id").asText());
    assertEquals("Suggest a question", modal.path("title").asText());
    JsonNode first = modal.path("components").get(0);
    assertEquals("Question", first.path("label").asText(), modal.toString());
    assertEquals("title", first.path("component").path("custom_id").asText());
    assertEquals(2, modal.path("components").get(1).path("component").path("style").asInt());

    // WHEN she submits it
    JsonNode answer = discord.modalSubmit(alice, general.idString(), "dbq-form:probe",
        Map.of("title", "What is MVCC?", "answer", "Versions")).awaitCallback(TIMEOUT);

    // THEN the core gets her values in this channel, and she alone sees the answer
    ProbeInbound.Submission submission = probe.awaitSubmission(TIMEOUT);
    assertEquals("probe", submission.formId());
    assertEquals(channel, submission.caller().channel());
    assertEquals(alice.user().idString(), submission.caller().userId());
    assertEquals(Map.of("title", "What is MVCC?", "answer", "Versions"), submission.values());
    assertEquals(4, answer.path("type").asInt());
    assertEquals(64, answer.path("data").path("flags").asInt() & 64);
    assertEquals("Thanks, What is MVCC?", answer.path("data").path("content").asText());
    assertTrue(answer.path("data").path("allowed_mentions").path("parse").isEmpty(), answer.toString());
  }

  @Test
  void aFormWhoseAnswerCameAfterTheDeferralCannotOpenAndSaysSo() {
    // GIVEN the form's answer is slower than the deferral
    probe.holdForms();
    FakeMember alice = discord.guild().member("alice");
    FakeInteraction slow = discord.slashCommand(alice).in(general).subcommand("probe-form").send();

    // WHEN the interaction was deferred and the form comes after all
    assertEquals(5, slow.awaitCallback(TIMEOUT).path("type").asInt());
    probe.releaseForms();

    // THEN no modal is attempted (Discord would refuse it): the deferred answer says to try again
    JsonNode edit = slow.awaitOriginalEdit(1, TIMEOUT);
    assertEquals(DiscordForms.TOO_LATE, edit.path("content").asText());
    assertEquals(1, discord.requests("POST", "interactions/.*/callback").size());
  }
}
