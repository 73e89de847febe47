package dev.dbq.slack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dbq.testsupport.Backend;
import dev.dbq.testsupport.CapturedLog;
import dev.dbq.testsupport.TestDatabase;
import dev.dbq.testsupport.slack.FakeSlack;
import dev.dbq.testsupport.slack.SlackPayloads;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SlackSocketModeTest {

  private static final Duration WAIT = Duration.ofSeconds(10);

  private TestDatabase database;
  private SlackBot slackBot;
  private FakeSlack slack;

  @BeforeEach
  void start() {
    database = Backend.SQLITE.create();
    slackBot = SlackBot.overSocketMode(database.database(), "", Instant.parse("2026-12-01T08:00:00Z"));
    slack = slackBot.slack;
    slack.awaitConnections(1, WAIT);
  }

  @AfterEach
  void stop() throws Exception {
    slackBot.close();
    database.close();
  }

  @Test
  void aSlashCommandIsAnsweredInItsAckAndAgainAfterSlackAsksToReconnect() {
    FakeSlack.Ack first = slack.awaitAck(slack.sendSlashCommand(help()).id(), WAIT);

    assertEquals("ephemeral", first.payload().path("response_type").asText());
    assertEquals("header", first.payload().path("blocks").get(0).path("type").asText());

    slack.sendDisconnect("refresh_requested");
    slack.awaitConnections(2, WAIT);
    FakeSlack.Ack again = slack.awaitAck(slack.sendSlashCommand(help()).id(), WAIT);

    assertEquals(first.payload().path("blocks"), again.payload().path("blocks"));
    assertTrue(slackBot.runtime.ready());
  }

  @Test
  void aCommandWithoutItsTeamIsAckedWithOnePrivateLineAndNoTrace() {
    var form = help();
    form.remove("team_id");

    try (CapturedLog logged = CapturedLog.everything()) {
      FakeSlack.Ack ack = slack.awaitAck(slack.sendSlashCommand(form).id(), WAIT);

      assertEquals("ephemeral", ack.payload().path("response_type").asText());
      assertTrue(ack.payload().path("text").asText().contains("could not tell"), ack.payload().toString());
      assertTrue(logged.events().stream().allMatch(e -> e.getThrowableProxy() == null), logged::text);
    }
  }

  @Test
  void aDroppedSocketIsReconnectedByTheSessionMonitor() {
    slack.dropConnection();

    slack.awaitConnections(2, Duration.ofSeconds(30));
    FakeSlack.Ack ack = slack.awaitAck(slack.sendSlashCommand(help()).id(), WAIT);

    assertEquals("ephemeral", ack.payload().path("response_type").asText());
  }

  @Test
  void aButtonPressIsAckedAtOnceAndAnsweredThroughItsResponseUrl() {
    String responseUrl = slack.responseUrl();
    String press = SlackPayloads.onEphemeral(
        SlackPayloads.blockActions(FakeSlack.TEAM_ID, "C1", "U1", "dbq_0", "/dbq topics", responseUrl), "1733900000.000100").toString();

    FakeSlack.Ack ack = slack.awaitAck(slack.sendInteractive(press).id(), WAIT);
    var answer = slack.awaitResponses(responseUrl, 1, WAIT).get(0);

    assertEquals(null, ack.payload());
    assertEquals("ephemeral", answer.text("response_type"));
    assertEquals("false", answer.text("replace_original"));
    assertEquals("12 questions, 3 scenarios", answer.json("blocks").get(0).path("text").path("text").asText());
  }

  @Test
  void eventsAreAckedAndTheHomeTabIsPublishedEvenForARedelivery() {
    String callback = SlackPayloads.eventCallback(FakeSlack.TEAM_ID, "Ev1", SlackPayloads.appHomeOpened("U1")).toString();

    FakeSlack.Ack first = slack.awaitAck(slack.sendEvent(callback).id(), WAIT);
    FakeSlack.Ack redelivery = slack.awaitAck(slack.sendEvent(callback, 1, "timeout").id(), WAIT);
    var published = slack.awaitCalls("views.publish", 1, WAIT).get(0);

    assertEquals(null, first.payload());
    assertEquals(null, redelivery.payload());
    assertEquals("U1", published.text("user_id"));
    assertTrue(published.json("view").path("blocks").toString().contains("No channel here has a question of the day yet"));
  }

  private static java.util.Map<String, String> help() {
    return SlackPayloads.slashCommand(FakeSlack.TEAM_ID, "C1", "U1", "help", "http://127.0.0.1:1/unused");
  }
}
