package dev.dbq.slack;

import static dev.dbq.slack.SlackBlocksTest.assertWithinLimits;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.spi.ILoggingEvent;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dbq.testsupport.Backend;
import dev.dbq.testsupport.CapturedLog;
import dev.dbq.testsupport.TestDatabase;
import dev.dbq.testsupport.slack.FakeSlack;
import dev.dbq.testsupport.slack.SignedRequests.Answer;
import dev.dbq.testsupport.slack.SignedRequests.Signature;
import dev.dbq.testsupport.slack.SignedRequests;
import dev.dbq.testsupport.slack.SlackCall;
import dev.dbq.testsupport.slack.SlackPayloads;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

class SlackHttpTest {

  private static final Duration WAIT = Duration.ofSeconds(10);
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String CHANNEL = "C0GENERAL";

  private TestDatabase database;
  private SlackBot slackBot;
  private FakeSlack slack;
  private SignedRequests requests;

  @BeforeEach
  void start() {
    database = Backend.SQLITE.create();
    slackBot = SlackBot.overHttp(database.database(), "", Instant.parse("2026-12-01T08:00:00Z"));
    slack = slackBot.slack;
    requests = slackBot.signed();
  }

  @AfterEach
  void stop() throws Exception {
    slackBot.close();
    database.close();
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "", "help", "random", "random topic:cap", "random difficulty:nonsense", "show q1", "answer q1 quick",
      "answer q1 detailed", "answer q1 code", "search sharding", "topics", "scenario", "scenario 1", "streak",
      "streak <@U2>", "leaderboard", "schedule", "schedule show", "schedule set 09:00 UTC daily", "schedule off",
      "frobnicate", "@channel <!here> hi"})
  void everySubcommandIsAnsweredPrivatelyInBlockKitWithinSlacksLimits(String text) throws Exception {
    String responseUrl = slack.responseUrl();

    JsonNode answer = commandAnswer("U1", text, responseUrl);

    assertEquals("ephemeral", answer.path("response_type").asText(), answer.toString());
    assertWithinLimits(answer.path("blocks"));
    assertFalse(answer.toString().contains("<!here>"), "user text must never ping: " + answer);
    assertFalse(answer.toString().contains("<!channel>"), "user text must never ping: " + answer);
    assertFalse(answer.toString().contains("<@U2>"), "user text must never ping: " + answer);
  }

  @Test
  void onlyAWorkspaceAdminMaySetTheScheduleAndSlackIsAskedOncePerUser() {
    slack.setUser("UADMIN", true, false, false);

    String refused = text(commandAnswer("U1", "schedule set 09:00 UTC daily", slack.responseUrl()));
    String accepted = text(commandAnswer("UADMIN", "schedule set 09:00 UTC daily", slack.responseUrl()));
    commandAnswer("UADMIN", "schedule show", slack.responseUrl());

    assertTrue(refused.toLowerCase().contains("admin"), refused);
    assertTrue(accepted.contains("09:00"), accepted);
    assertEquals(1, slack.calls("users.info").stream().filter(c -> "UADMIN".equals(c.text("user"))).count());
  }

  @Test
  void aQuestionCardOffersShareAndSharingPostsItToTheChannel() {
    JsonNode card = commandAnswer("U1", "show q1", slack.responseUrl());
    JsonNode share = buttons(card).stream()
        .filter(b -> b.path("text").path("text").asText().equals(ShareButton.LABEL)).findFirst().orElseThrow();
    String responseUrl = slack.responseUrl();

    Answer pressed = requests.send(SignedRequests.interactive(SlackPayloads.onEphemeral(
        SlackPayloads.blockActions(FakeSlack.TEAM_ID, CHANNEL, "U1", share.path("action_id").asText(),
            share.path("value").asText(), responseUrl), "1733900000.000200").toString()));
    SlackCall post = slack.awaitResponses(responseUrl, 1, WAIT).get(0);

    assertEquals(200, pressed.status());
    assertEquals("in_channel", post.text("response_type"));
    assertEquals("false", post.text("replace_original"));
    assertEquals(card.path("blocks").get(0), post.json("blocks").get(0), "the same question, for everyone");
    assertTrue(buttons(post.json("blocks").toString()).stream()
        .noneMatch(b -> b.path("text").path("text").asText().equals(ShareButton.LABEL)));
  }

  @Test
  void aButtonIsAnsweredThroughItsResponseUrlEvenWithoutTheMessage() {
    String responseUrl = slack.responseUrl();

    Answer ack = requests.send(SignedRequests.interactive(SlackPayloads.onEphemeral(
        SlackPayloads.blockActions(FakeSlack.TEAM_ID, CHANNEL, "U1", "dbq_1", "/dbq answer q1 detailed", responseUrl),
        "1733900000.000300").toString()));
    SlackCall answer = slack.awaitResponses(responseUrl, 1, WAIT).get(0);

    assertEquals(200, ack.status());
    assertEquals("ephemeral", answer.text("response_type"));
    assertWithinLimits(answer.json("blocks"));
    assertTrue(answer.json("blocks").toString().contains("Detailed answer"), answer.params().toString());
  }

  @Test
  void threadRepliesCountOnceAndRetriesEditsJoinsBotsAndOtherEventsAreAcknowledgedWithoutCounting() {
    String roundTs = postARound();

    List<Answer> answers = new ArrayList<>();
    answers.add(event("Ev1", SlackPayloads.messageEvent(CHANNEL, "U1", "1764579700.000001", roundTs)));
    answers.add(requests.send(SignedRequests.event(callback("Ev1",
        SlackPayloads.messageEvent(CHANNEL, "U1", "1764579700.000001", roundTs))).retry(1, "http_timeout")));
    answers.add(event("Ev2", SlackPayloads.messageEvent(CHANNEL, "U1", "1764579700.000001", roundTs)));
    ObjectNode edit = SlackPayloads.messageEvent(CHANNEL, "U3", "1764579700.000003", roundTs);
    edit.put("subtype", "message_changed");
    answers.add(event("Ev3", edit));
    ObjectNode join = SlackPayloads.messageEvent(CHANNEL, "U4", "1764579700.000004", null);
    join.put("subtype", "channel_join");
    answers.add(event("Ev4", join));
    ObjectNode fromBot = SlackPayloads.messageEvent(CHANNEL, "U5", "1764579700.000005", roundTs);
    fromBot.put("bot_id", "B0OTHER");
    answers.add(event("Ev5", fromBot));
    answers.add(event("Ev6", SlackPayloads.messageEvent(CHANNEL, "U6", "1764579700.000006", null)));
    ObjectNode alsoToChannel = SlackPayloads.messageEvent(CHANNEL, "U7", "1764579700.000008", roundTs);
    alsoToChannel.put("subtype", "thread_broadcast");
    answers.add(event("Ev8", alsoToChannel));
    answers.add(event("Ev7", JSON.createObjectNode().put("type", "reaction_added").put("user", "U1")
        .put("reaction", "tada").put("event_ts", "1764579700.000007")));

    assertEquals(List.of(200, 200, 200, 200, 200, 200, 200, 200, 200), answers.stream().map(Answer::status).toList());
    assertTrue(text(commandAnswer("U1", "streak", slack.responseUrl())).contains("Current streak: 1"));
    assertTrue(text(commandAnswer("U7", "streak", slack.responseUrl())).contains("Current streak: 1"), "a reply also sent to the channel counts");
    for (String user : List.of("U3", "U4", "U5", "U6")) {
      assertTrue(text(commandAnswer(user, "streak", slack.responseUrl())).contains("Current streak: 0"), user);
    }
    String board = text(commandAnswer("U1", "leaderboard", slack.responseUrl()));
    assertTrue(board.contains("U1") && !board.contains("U3") && !board.contains("U5"), board);
  }

  @Test
  void aQuestionForAnyoneIsAnsweredInTheAckWithoutAskingSlackAboutTheUser() {
    // given a user Slack was never asked about, and a Web API that would make anyone wait
    slack.rateLimitNext("users.info", 1, Duration.ofSeconds(3));

    // when they ask for a random question
    Answer ack = requests.send(SignedRequests.slashCommand(
        SlackPayloads.slashCommand(FakeSlack.TEAM_ID, CHANNEL, "U7", "random", slack.responseUrl())));

    // then the card is the acknowledgement itself and Slack was not asked who they are
    assertEquals(200, ack.status());
    assertTrue(buttons(parse(ack.body())).size() > 1, ack.body());
    assertTrue(slack.calls("users.info").isEmpty(), slack.calls("users.info").toString());
  }

  @Test
  void noTokenOrSigningSecretReachesTheLogEvenAtDebug() {
    // DBQ_LOG_LEVEL=debug, the most an operator can ask for
    CapturedLog logged = CapturedLog.everything().withLevel("dev.dbq", Level.DEBUG);
    try (logged) {
      slack.rateLimitNext("chat.postMessage");
      postARound();
      commandAnswer("U1", "show q1", slack.responseUrl());
      requests.send(SignedRequests.event(SlackPayloads.urlVerification("x").toString()).signed(Signature.WRONG_SECRET));
      slack.failNextWithError("views.publish", "invalid_auth");
      requests.send(SignedRequests.event(callback("Ev9", SlackPayloads.appHomeOpened("U1"))));
      slack.awaitCalls("views.publish", 1, WAIT);
    }

    assertFalse(logged.events().isEmpty(), "the flow logs something");
    for (ILoggingEvent event : logged.events()) {
      String line = event.getFormattedMessage() + (event.getThrowableProxy() == null ? "" : event.getThrowableProxy().getMessage());
      assertFalse(line.contains(FakeSlack.BOT_TOKEN), line);
      assertFalse(line.contains(SignedRequests.SIGNING_SECRET), line);
    }
  }

  @Test
  void theEventsApiHandshakeIsAnswered() {
    Answer answer = requests.send(SignedRequests.event(SlackPayloads.urlVerification("abc123").toString()));

    assertEquals(200, answer.status());
    assertTrue(answer.body().contains("abc123"), answer.body());
  }

  @ParameterizedTest
  @EnumSource(value = Signature.class, names = {"WRONG_SECRET", "EXPIRED", "FUTURE", "BAD_TIMESTAMP", "MISSING"})
  void aForgedExpiredFutureOrUnsignedRequestIs401AndChangesNothing(Signature signature) {
    slack.setUser("UADMIN", true, false, false);
    String responseUrl = slack.responseUrl();

    Answer command = requests.send(SignedRequests.slashCommand(SlackPayloads.slashCommand(
        FakeSlack.TEAM_ID, CHANNEL, "UADMIN", "schedule set 09:00 UTC daily", responseUrl)).signed(signature));
    Answer press = requests.send(SignedRequests.interactive(SlackPayloads.blockActions(
        FakeSlack.TEAM_ID, CHANNEL, "UADMIN", "dbq_0", "/dbq schedule set 10:00 UTC daily", responseUrl).toString())
        .signed(signature));

    assertEquals(401, command.status());
    assertEquals(401, press.status());
    assertTrue(slack.calls("users.info").isEmpty(), "nothing ran");
    assertTrue(slackBot.bot().rounds().scheduledChannels().isEmpty(), "no schedule was set");
    assertTrue(slack.calls(FakeSlack.RESPONSE_URL).isEmpty());
  }

  @Test
  void anOversizedBodyIsRefusedWith413BeforeAnythingRuns() {
    slack.setUser("UADMIN", true, false, false);
    String padding = "x".repeat(70 * 1024);

    Answer answer = requests.send(SignedRequests.slashCommand(SlackPayloads.slashCommand(
        FakeSlack.TEAM_ID, CHANNEL, "UADMIN", "schedule set 09:00 UTC daily " + padding, slack.responseUrl())));

    assertEquals(413, answer.status());
    assertTrue(slack.calls("users.info").isEmpty());
    assertTrue(slackBot.bot().rounds().scheduledChannels().isEmpty());
  }

  @Test
  void healthIsOkAndReadinessFollowsThePlatform() throws Exception {
    assertEquals("200 ok", get(slackBot.url("/healthz")));
    assertEquals("200 ready", get(slackBot.managementUrl("/readyz")));

    slackBot.runtime.platforms().get(0).close();

    assertEquals("503 not ready: slack is not connected", get(slackBot.managementUrl("/readyz")));
    assertEquals("200 ok", get(slackBot.url("/healthz")));
  }

  /** Schedules #general and posts its round; returns the round's ts. */
  private String postARound() {
    slack.setUser("UADMIN", true, false, false);
    commandAnswer("UADMIN", "schedule set 09:00 UTC daily", slack.responseUrl());
    slackBot.clock.set(Instant.parse("2026-12-01T09:00:00Z"));
    slackBot.bot().rounds().runDue();
    return slack.calls("chat.postMessage").stream()
        .filter(c -> c.text("thread_ts") != null).findFirst().orElseThrow().text("thread_ts");
  }

  private Answer event(String eventId, ObjectNode event) {
    return requests.send(SignedRequests.event(callback(eventId, event)));
  }

  private static String callback(String eventId, ObjectNode event) {
    return SlackPayloads.eventCallback(FakeSlack.TEAM_ID, eventId, event).toString();
  }

  /** The reply to {@code /dbq text}: from the ack, or from the response_url when the ack was empty. */
  private JsonNode commandAnswer(String user, String text, String responseUrl) {
    Answer ack = requests.send(SignedRequests.slashCommand(
        SlackPayloads.slashCommand(FakeSlack.TEAM_ID, CHANNEL, user, text, responseUrl)));
    assertEquals(200, ack.status(), ack.body());
    if (!ack.body().isBlank()) {
      return parse(ack.body());
    }
    return slack.awaitResponses(responseUrl, 1, WAIT).get(0).params();
  }

  private static String text(JsonNode answer) {
    return answer.path("blocks").toString();
  }

  private static List<JsonNode> buttons(JsonNode answer) {
    return buttons(answer.path("blocks").toString());
  }

  private static List<JsonNode> buttons(String blocksJson) {
    return StreamSupport.stream(parse(blocksJson).spliterator(), false)
        .filter(b -> b.path("type").asText().equals("actions"))
        .flatMap(b -> StreamSupport.stream(b.path("elements").spliterator(), false))
        .toList();
  }

  private String get(String url) throws Exception {
    HttpResponse<String> response = HttpClient.newHttpClient().send(
        HttpRequest.newBuilder(URI.create(url)).timeout(WAIT).build(), HttpResponse.BodyHandlers.ofString());
    return response.statusCode() + " " + response.body().strip();
  }

  private static JsonNode parse(String json) {
    try {
      return JSON.readTree(json);
    } catch (Exception e) {
      throw new AssertionError("not JSON: " + json, e);
    }
  }
}
