package dev.dbq.slack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.spi.ILoggingEvent;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dbq.testsupport.Backend;
import dev.dbq.testsupport.CapturedLog;
import dev.dbq.testsupport.TestDatabase;
import dev.dbq.testsupport.slack.FakeSlack;
import dev.dbq.testsupport.slack.SignedRequests;
import dev.dbq.testsupport.slack.SignedRequests.Answer;
import dev.dbq.testsupport.slack.SignedRequests.Signature;
import dev.dbq.testsupport.slack.SlackPayloads;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The edge of /slack/events: what is not Slack's, or not well-formed, is turned away in one line. */
class SlackEdgeTest {

  private static final String CHANNEL = "C0GENERAL";
  private static final String FORGED_LINE = "\n12:00:00.000 ERROR dev.dbq.app.Admins - FORGED granted admin to U666\r\n";

  private TestDatabase database;
  private SlackBot slackBot;
  private FakeSlack slack;
  private SignedRequests requests;
  private CapturedLog logged;

  @BeforeEach
  void start() {
    database = Backend.SQLITE.create();
    slackBot = SlackBot.overHttp(database.database(), "", Instant.parse("2026-12-01T08:00:00Z"));
    slack = slackBot.slack;
    requests = slackBot.signed();
    logged = CapturedLog.everything().withLevel("dev.dbq", Level.DEBUG);
  }

  @AfterEach
  void stop() throws Exception {
    logged.close();
    slackBot.close();
    database.close();
  }

  @Test
  void unsignedRequestsAre401AndNothingOfTheirBodiesReachesTheLog() {
    // given 50 unsigned requests Bolt cannot parse, each carrying a forged log line, and a payload=null
    String body = "hello=" + FORGED_LINE + "x".repeat(2_000);
    for (int i = 0; i < 50; i++) {
      Answer answer = requests.send(SignedRequests.raw("application/x-www-form-urlencoded", body).signed(Signature.MISSING));
      assertEquals(401, answer.status());
      assertEquals(1, answer.body().strip().lines().count(), answer.body());
    }
    Answer nullPayload = requests.send(SignedRequests.raw("application/x-www-form-urlencoded", "payload=null").signed(Signature.MISSING));

    // then each is a one-line 401, nothing of them is in the log, and they are counted, not logged one by one
    assertEquals(401, nullPayload.status());
    String log = logged.text();
    assertFalse(log.contains("FORGED"), log);
    assertFalse(log.contains("xxxxxxxx"), log);
    // (one line a minute at most: see RefusalsTest; a very slow machine might cross one minute)
    assertTrue(logged.events().stream().filter(e -> e.getLoggerName().equals(Refusals.class.getName())).count() <= 2, log);
    assertTrue(slackBot.bot().metrics().scrape().contains("dbq_slack_requests_refused_total{reason=\"unsigned\"} 51.0"),
        slackBot.bot().metrics().scrape().lines().filter(l -> l.contains("refused")).toList().toString());
  }

  @Test
  void anUnsignedRequestIsRefusedUnreadAndItsConnectionIsNotOfferedAgain() {
    // given a large unsigned body, which the door refuses before reading it
    String body = "hello=" + "x".repeat(60_000);

    // when
    Answer answer = requests.send(SignedRequests.raw("application/x-www-form-urlencoded", body).signed(Signature.MISSING));
    Answer next = requests.send(SignedRequests.raw("application/x-www-form-urlencoded", body).signed(Signature.MISSING));

    // then the answer says the connection closes, so no client sends its next request on it
    assertEquals(401, answer.status());
    assertEquals(Optional.of("close"), answer.headers().firstValue("connection"));
    assertEquals(401, next.status());
  }

  static Stream<Arguments> signedMalformedBodies() {
    ObjectNode noUser = SlackPayloads.blockActions(FakeSlack.TEAM_ID, CHANNEL, "U1", "dbq_0", "/dbq random", "http://x/");
    noUser.putNull("user");
    return Stream.of(
        Arguments.of("payload=null", "application/x-www-form-urlencoded"),
        Arguments.of("payload=%5B%5D", "application/x-www-form-urlencoded"),
        Arguments.of("payload=%7B%7D", "application/x-www-form-urlencoded"),
        Arguments.of("payload=%zz", "application/x-www-form-urlencoded"),
        Arguments.of("hello=" + FORGED_LINE, "application/x-www-form-urlencoded"),
        Arguments.of("{not json" + FORGED_LINE, "application/json"),
        Arguments.of("{\"type\":\"event_callback\"}", "application/json"),
        Arguments.of("{\"type\":\"block_actions\",\"text\":\"" + FORGED_LINE.replace("\n", "\\n").replace("\r", "\\r") + "\"}", "application/json"),
        Arguments.of("[".repeat(5_000), "application/json"),
        Arguments.of("", "text/plain"),
        Arguments.of("payload=" + URLEncoder.encode(noUser.toString(), StandardCharsets.UTF_8),
            "application/x-www-form-urlencoded"));
  }

  @ParameterizedTest
  @MethodSource("signedMalformedBodies")
  void aSignedBodyBoltCannotTakeIsA400WithoutATraceOrItsContentInTheLog(String body, String contentType) {
    Answer answer = requests.send(SignedRequests.raw(contentType, body));

    assertEquals(400, answer.status(), answer.body());
    assertEquals(1, answer.body().strip().lines().count(), answer.body());
    assertNoTraceAndNoForgedLine();
  }

  @ParameterizedTest
  @ValueSource(strings = {"team_id", "channel_id", "user_id"})
  void aSignedCommandWithoutItsTeamChannelOrUserGetsOnePrivateLineAndNoTrace(String missing) {
    Map<String, String> form = SlackPayloads.slashCommand(FakeSlack.TEAM_ID, CHANNEL, "U1", "random", slack.responseUrl());
    form.remove(missing);

    Answer answer = requests.send(SignedRequests.slashCommand(form));

    assertEquals(200, answer.status(), answer.body());
    assertTrue(answer.body().contains("\"ephemeral\"") && answer.body().contains("could not tell"), answer.body());
    assertNoTraceAndNoForgedLine();
  }

  @ParameterizedTest
  @ValueSource(strings = {"team", "channel", "user"})
  void aSignedButtonPressWithoutItsTeamChannelOrUserChangesNothingAndLeavesNoTrace(String missing) {
    ObjectNode press = SlackPayloads.blockActions(FakeSlack.TEAM_ID, CHANNEL, "U1", "dbq_0", "/dbq random", slack.responseUrl());
    if (missing.equals("team")) {
      press.putNull("team");
      ((ObjectNode) press.get("user")).remove("team_id");
    } else {
      press.putNull(missing);
    }

    Answer answer = requests.send(SignedRequests.interactive(press.toString()));

    // (Bolt's own parser cannot read a press without a user: that one is malformed, a 400)
    assertEquals(missing.equals("user") ? 400 : 200, answer.status(), answer.body());
    assertTrue(slack.calls(FakeSlack.RESPONSE_URL).isEmpty());
    assertNoTraceAndNoForgedLine();
  }

  @ParameterizedTest
  @ValueSource(strings = {"team_id", "channel", "user"})
  void aSignedEventWithoutItsTeamChannelOrUserIsAcknowledgedAndCountsNothing(String missing) {
    ObjectNode reply = SlackPayloads.messageEvent(CHANNEL, "U1", "1733900001.000200", "1733900001.000100");
    ObjectNode home = SlackPayloads.appHomeOpened("U1");
    ObjectNode replyCallback = SlackPayloads.eventCallback(FakeSlack.TEAM_ID, "Ev1", reply);
    ObjectNode homeCallback = SlackPayloads.eventCallback(FakeSlack.TEAM_ID, "Ev2", home);
    for (ObjectNode callback : new ObjectNode[] {replyCallback, homeCallback}) {
      if (missing.equals("team_id")) {
        callback.remove("team_id");
      } else {
        ((ObjectNode) callback.get("event")).remove(missing);
      }
    }

    assertEquals(200, requests.send(SignedRequests.event(replyCallback.toString())).status());
    assertEquals(200, requests.send(SignedRequests.event(homeCallback.toString())).status());

    assertNoTraceAndNoForgedLine();
  }

  @Test
  void aQuestionFromMemoryIsAnsweredWhileTheWebApiIsDown() {
    // given a bot started while Slack's Web API was up, which is now down
    slack.setWebApiDown(true);
    int authTestsBefore = slack.calls("auth.test").size();

    // when someone asks for a random question, twice
    for (int i = 0; i < 2; i++) {
      Answer answer = requests.send(SignedRequests.slashCommand(
          SlackPayloads.slashCommand(FakeSlack.TEAM_ID, CHANNEL, "U1", "random", slack.responseUrl())));

      // then the card is in the acknowledgement, and Slack was not asked about the token again
      assertEquals(200, answer.status(), answer.body());
      assertTrue(answer.body().contains("blocks"), answer.body());
    }
    assertEquals(authTestsBefore, slack.calls("auth.test").size());
    assertNoTraceAndNoForgedLine();
  }

  private void assertNoTraceAndNoForgedLine() {
    for (ILoggingEvent event : logged.events()) {
      assertTrue(event.getThrowableProxy() == null, () -> "a trace: " + logged.text());
      assertTrue(event.getLevel().toInt() < Level.ERROR_INT, () -> "an error: " + logged.text());
    }
    String log = logged.text();
    assertFalse(log.lines().anyMatch(line -> line.startsWith("12:00:00.000 ERROR")), log);
    assertFalse(log.contains(FakeSlack.BOT_TOKEN) || log.contains(SignedRequests.SIGNING_SECRET), log);
  }
}
