package dev.dbq.slack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dbq.chat.AnswerDeadline;
import dev.dbq.testsupport.Backend;
import dev.dbq.testsupport.CapturedLog;
import dev.dbq.testsupport.TestDatabase;
import dev.dbq.testsupport.slack.FakeSlack;
import dev.dbq.testsupport.slack.SignedRequests;
import dev.dbq.testsupport.slack.SignedRequests.Answer;
import dev.dbq.testsupport.slack.SlackCall;
import dev.dbq.testsupport.slack.SlackPayloads;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A command slower than Slack's window, over HTTP and Socket Mode, on short budgets: the command
 * is held (an admin check waiting on a rate-limited {@code users.info}) until the test has seen
 * the acknowledgement, so nothing depends on how fast the machine is.
 */
class SlackDeadlineTest {

  private static final Duration WAIT = Duration.ofSeconds(10);
  private static final String CHANNEL = "C0GENERAL";
  private static final Instant START = Instant.parse("2026-12-01T08:00:00Z");
  /** Acknowledges after 50 ms; the response_url takes the reply for a minute. */
  private static final AnswerDeadline.Budget SHORT =
      new AnswerDeadline.Budget(Duration.ofMillis(100), Duration.ofMillis(50), Duration.ofMinutes(1));

  private final TestDatabase database = Backend.SQLITE.create();
  private SlackBot slackBot;

  @AfterEach
  void stop() throws Exception {
    slackBot.close();
    database.close();
  }

  @Test
  void aCommandSlowerThanTheBudgetIsAcknowledgedEmptyAndAnsweredThroughItsResponseUrl() {
    // given a bot that acknowledges after 50 ms, and an admin check held until the test lets it go
    slackBot = SlackBot.overHttp(database.database(), "", START, SHORT);
    FakeSlack slack = slackBot.slack;
    CountDownLatch held = hold(slack);
    String responseUrl = slack.responseUrl();

    // when
    Answer ack = slackBot.signed().send(SignedRequests.slashCommand(
        SlackPayloads.slashCommand(FakeSlack.TEAM_ID, CHANNEL, "U1", "schedule set 09:00 UTC daily", responseUrl)));
    held.countDown();
    SlackCall answer = slack.awaitResponses(responseUrl, 1, WAIT).get(0);

    // then
    assertEquals(200, ack.status());
    assertEquals("", ack.body());
    assertEquals("ephemeral", answer.text("response_type"));
    assertTrue(answer.json("blocks").toString().contains("admin"), answer.json("blocks").toString());
  }

  @Test
  void overSocketModeTheEnvelopeIsAcknowledgedEmptyAndTheAnswerGoesThroughTheResponseUrl() {
    // given
    slackBot = SlackBot.overSocketMode(database.database(), "", START, SHORT);
    FakeSlack slack = slackBot.slack;
    slack.awaitConnections(1, WAIT);
    CountDownLatch held = hold(slack);
    String responseUrl = slack.responseUrl();

    // when
    FakeSlack.Ack ack = slack.awaitAck(slack.sendSlashCommand(
        SlackPayloads.slashCommand(FakeSlack.TEAM_ID, CHANNEL, "U1", "schedule set 09:00 UTC daily", responseUrl)).id(), WAIT);
    held.countDown();
    SlackCall answer = slack.awaitResponses(responseUrl, 1, WAIT).get(0);

    // then
    assertEquals(null, ack.payload());
    assertTrue(answer.json("blocks").toString().contains("admin"), answer.json("blocks").toString());
  }

  @Test
  void anAnswerReadyAfterTheResponseUrlsWindowIsNotSentButWarnedAndCounted() {
    // given a response_url that takes replies for 300 ms only
    slackBot = SlackBot.overHttp(database.database(), "", START,
        new AnswerDeadline.Budget(Duration.ofMillis(100), Duration.ofMillis(50), Duration.ofMillis(300)));
    FakeSlack slack = slackBot.slack;
    CountDownLatch held = hold(slack);

    try (CapturedLog log = CapturedLog.of(SlashCommandListener.class)) {
      // when the command is still held when the window closes
      Answer ack = slackBot.signed().send(SignedRequests.slashCommand(
          SlackPayloads.slashCommand(FakeSlack.TEAM_ID, CHANNEL, "U1", "schedule set 09:00 UTC daily", slack.responseUrl())));
      String warning = log.await(e -> e.getFormattedMessage().contains("not delivered"), 1, WAIT, "lost answer").get(0)
          .getFormattedMessage();
      held.countDown();

      // then: one line, and /metrics counts it
      assertEquals("", ack.body());
      assertTrue(warning.contains("(expired)"), warning);
      assertTrue(slackBot.bot().metrics().scrape().contains("dbq_answers_lost_total{platform=\"slack\",reason=\"expired\"} 1"),
          slackBot.bot().metrics().scrape());
    }
  }

  /** The next admin check waits on a rate-limited users.info until the returned latch opens. */
  private CountDownLatch hold(FakeSlack slack) {
    CountDownLatch held = new CountDownLatch(1);
    slackBot.holdRetries = held;
    slack.rateLimitNext("users.info", 1, Duration.ofSeconds(3));
    return held;
  }
}
