package dev.dbq.testsupport.slack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.slack.api.Slack;
import com.slack.api.SlackConfig;
import com.slack.api.bolt.App;
import com.slack.api.bolt.AppConfig;
import com.slack.api.bolt.socket_mode.SocketModeApp;
import com.slack.api.socket_mode.SocketModeClient;
import com.slack.api.methods.MethodsClient;
import com.slack.api.methods.SlackApiException;
import com.slack.api.methods.response.chat.ChatPostMessageResponse;
import com.slack.api.model.Message;
import com.slack.api.model.block.Blocks;
import com.slack.api.model.block.composition.BlockCompositions;
import com.slack.api.model.view.View;
import com.slack.api.webhook.WebhookResponse;
import dev.dbq.testsupport.slack.FakeSlack.Envelope;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The fake speaks Slack's protocol: the real Slack SDK, pointed at it, works as against Slack. */
class FakeSlackTest {

  private static final Duration TIMEOUT = Duration.ofSeconds(5);

  private final FakeSlack fake = FakeSlack.start();
  private final Slack slack = Slack.getInstance(configFor(fake));
  private final List<SocketModeApp> socketApps = new ArrayList<>();
  /** What the Bolt app's handlers saw, as "kind:detail". */
  private final List<String> seen = new CopyOnWriteArrayList<>();

  @AfterEach
  void stop() throws Exception {
    for (SocketModeApp socketApp : socketApps) {
      socketApp.close();
    }
    slack.close();
    fake.close();
  }

  private static SlackConfig configFor(FakeSlack fake) {
    SlackConfig config = new SlackConfig();
    config.setMethodsEndpointUrlPrefix(fake.apiUrl());
    return config;
  }

  private MethodsClient bot() {
    return slack.methods(FakeSlack.BOT_TOKEN);
  }

  @Test
  void postMessageReturnsAFreshTsAndTheFakeRecordsTheBlocks() throws Exception {
    ChatPostMessageResponse first = bot().chatPostMessage(r -> r.channel("C1").text("Question")
        .blocks(List.of(Blocks.section(s -> s.text(BlockCompositions.markdownText("*Q1*"))))));
    ChatPostMessageResponse second = bot().chatPostMessage(r -> r.channel("C1").text("Reveal")
        .threadTs(first.getTs()));

    assertTrue(first.isOk(), first.getError());
    assertEquals("C1", first.getChannel());
    assertTrue(first.getTs().matches("\\d{10}\\.\\d{6}"), first.getTs());
    assertNotEquals(first.getTs(), second.getTs());
    assertEquals(first.getTs(), second.getMessage().getThreadTs());
    List<SlackCall> posts = fake.awaitCalls("chat.postMessage", 2, TIMEOUT);
    SlackCall post = posts.get(0);
    assertEquals("*Q1*", post.json("blocks").get(0).path("text").path("text").asText());
    assertEquals("mrkdwn", post.json("blocks").get(0).path("text").path("type").asText());
    assertEquals("xoxb", post.tokenType());
    assertEquals(first.getTs(), posts.get(1).text("thread_ts"));
  }

  @Test
  void historyListsTopLevelMessagesNewestFirstSinceOldestInPagesWithMetadataOnlyWhenAsked() throws Exception {
    // GIVEN Slack's clock at 09:00 and three posts, one with metadata, and a thread reply
    fake.useClock(Clock.fixed(Instant.parse("2026-12-01T09:00:00Z"), ZoneOffset.UTC));
    String first = bot().chatPostMessage(r -> r.channel("C1").text("one")).getTs();
    String second = bot().chatPostMessage(r -> r.channel("C1").text("two")
        .metadata(Message.Metadata.builder().eventType("dbq_round").eventPayload(Map.of("round_key", "round-1")).build())).getTs();
    bot().chatPostMessage(r -> r.channel("C1").threadTs(second).text("in the thread"));
    String third = bot().chatPostMessage(r -> r.channel("C1").text("three")).getTs();
    assertEquals("1796115600.000000", first, "the ts follows Slack's clock");

    // THEN history pages them newest first, after oldest (at it with inclusive), thread replies left out
    var page1 = bot().conversationsHistory(r -> r.channel("C1").oldest(first).limit(1).includeAllMetadata(true));
    assertEquals(List.of(third), page1.getMessages().stream().map(Message::getTs).toList());
    assertTrue(page1.isHasMore());
    var page2 = bot().conversationsHistory(r -> r.channel("C1").oldest(first).limit(1).includeAllMetadata(true)
        .cursor(page1.getResponseMetadata().getNextCursor()));
    assertEquals(List.of(second), page2.getMessages().stream().map(Message::getTs).toList());
    assertEquals("round-1", page2.getMessages().get(0).getMetadata().getEventPayload().get("round_key"));
    assertFalse(page2.isHasMore());
    var all = bot().conversationsHistory(r -> r.channel("C1").oldest(first).inclusive(true));
    assertEquals(List.of(third, second, first), all.getMessages().stream().map(Message::getTs).toList());
    assertTrue(all.getMessages().stream().allMatch(m -> m.getMetadata() == null), "metadata only with include_all_metadata");
    assertEquals(3, fake.messagesIn("C1").size());
  }

  @Test
  void aFaultAfterTakingEffectLeavesThePostInTheChannel() throws Exception {
    fake.failNextAfterTakingEffect("chat.postMessage", 500);
    assertThrows(SlackApiException.class, () -> bot().chatPostMessage(r -> r.channel("C1").text("x")));
    assertEquals(1, fake.messagesIn("C1").size());
    assertEquals(500, fake.calls("chat.postMessage").get(0).status());
  }

  @Test
  void aRateLimitSurfacesInTheSdkAsSlackSendsIt() throws Exception {
    fake.rateLimitNext("chat.postMessage");

    SlackApiException limited = assertThrows(SlackApiException.class,
        () -> bot().chatPostMessage(r -> r.channel("C1").text("Question")));
    ChatPostMessageResponse retried = bot().chatPostMessage(r -> r.channel("C1").text("Question"));

    assertEquals(429, limited.getResponse().code());
    assertEquals("1", limited.getResponse().header("Retry-After"));
    assertEquals("ratelimited", limited.getError().getError());
    assertTrue(retried.isOk());
    List<SlackCall> posts = fake.awaitCalls("chat.postMessage", 2, TIMEOUT);
    assertFalse(posts.get(0).succeeded());
    assertTrue(posts.get(1).succeeded());
  }

  @Test
  void rateLimitWhereAnswersEverySelectedCall429AndDoesNothingWithIt() throws Exception {
    // GIVEN Slack rate-limits posts to C2 for 4 s
    fake.rateLimitWhere(call -> "C2".equals(call.text("channel")), Duration.ofSeconds(4));

    // WHEN a post goes to C1 and two to C2
    ChatPostMessageResponse other = bot().chatPostMessage(r -> r.channel("C1").text("Question"));
    for (int i = 0; i < 2; i++) {
      SlackApiException limited = assertThrows(SlackApiException.class,
          () -> bot().chatPostMessage(r -> r.channel("C2").text("Question")));
      assertEquals(429, limited.getResponse().code());
      assertEquals("4", limited.getResponse().header("Retry-After"));
    }

    // THEN only C1's landed; once it ends, C2 takes posts again
    assertTrue(other.isOk());
    assertEquals(List.of(), fake.messagesIn("C2"));
    fake.rateLimitWhere(call -> false, Duration.ZERO);
    assertTrue(bot().chatPostMessage(r -> r.channel("C2").text("Question")).isOk());
    assertEquals(1, fake.messagesIn("C2").size());
  }

  @Test
  void usersInfoTellsTheConfiguredRoles() throws Exception {
    fake.setUser("UADMIN", true, false, false);

    assertTrue(bot().usersInfo(r -> r.user("UADMIN")).getUser().isAdmin());
    assertFalse(bot().usersInfo(r -> r.user("UPLAIN")).getUser().isAdmin());
    assertFalse(bot().usersInfo(r -> r.user("UPLAIN")).getUser().isOwner());
  }

  @Test
  void ephemeralUpdateAndHomeTabAnswersParseInTheSdk() throws Exception {
    var ephemeral = bot().chatPostEphemeral(r -> r.channel("C1").user("U1").text("Only you"));
    var update = bot().chatUpdate(r -> r.channel("C1").ts("1733900000.000100").text("Revealed"));
    var home = bot().viewsPublish(r -> r.userId("U1").view(View.builder().type("home")
        .blocks(List.of(Blocks.section(s -> s.text(BlockCompositions.markdownText("*Streak* 3")))))
        .build()));

    assertTrue(ephemeral.isOk() && update.isOk() && home.isOk());
    assertTrue(ephemeral.getMessageTs().matches("\\d{10}\\.\\d{6}"));
    assertEquals("1733900000.000100", update.getTs());
    assertEquals("home", home.getView().getType());
    SlackCall published = fake.awaitCalls("views.publish", 1, TIMEOUT).get(0);
    assertEquals("*Streak* 3",
        published.json("view").path("blocks").get(0).path("text").path("text").asText());
  }

  @Test
  void anInjectedErrorComesBackAsANotOkResponse() throws Exception {
    fake.failNextWithError("chat.postMessage", "channel_not_found");

    ChatPostMessageResponse response = bot().chatPostMessage(r -> r.channel("C9").text("x"));

    assertFalse(response.isOk());
    assertEquals("channel_not_found", response.getError());
  }

  @Test
  void anAppTokenIsRefusedForBotMethodsAsSlackDoes() throws Exception {
    ChatPostMessageResponse response = slack.methods(FakeSlack.APP_TOKEN)
        .chatPostMessage(r -> r.channel("C1").text("x"));

    assertFalse(response.isOk());
    assertEquals("not_allowed_token_type", response.getError());
  }

  @Test
  void postsToAResponseUrlAreRecordedAsJson() throws Exception {
    String responseUrl = fake.responseUrl();

    WebhookResponse response = slack.send(responseUrl,
        "{\"response_type\":\"ephemeral\",\"replace_original\":true,\"text\":\"Answer\"}");

    assertEquals(200, response.getCode());
    SlackCall post = fake.awaitResponses(responseUrl, 1, TIMEOUT).get(0);
    assertEquals(FakeSlack.RESPONSE_URL, post.method());
    assertEquals("Answer", post.text("text"));
    assertTrue(post.json("replace_original").asBoolean());
  }

  @Test
  void aResponseUrlCanFailWithAServerError() throws Exception {
    String responseUrl = fake.responseUrl();
    fake.failNext(FakeSlack.RESPONSE_URL, 500, Map.of());

    WebhookResponse failed = slack.send(responseUrl, "{\"text\":\"Answer\"}");
    WebhookResponse retried = slack.send(responseUrl, "{\"text\":\"Answer\"}");

    assertEquals(500, failed.getCode());
    assertEquals(200, retried.getCode());
    assertEquals(2, fake.awaitResponses(responseUrl, 2, TIMEOUT).size());
  }

  @Test
  void aSocketModeAppConnectsAndAnswersASlashCommandInItsAck() throws Exception {
    startSocketModeApp();
    fake.awaitConnections(1, TIMEOUT);

    Envelope command = fake.sendSlashCommand(slashCommand("help"));

    assertEquals("You asked: help", fake.awaitAck(command.id(), TIMEOUT).text());
    SlackCall open = fake.calls("apps.connections.open").get(0);
    assertEquals("xapp", open.tokenType());
  }

  @Test
  void afterADisconnectMessageTheAppReconnectsAndAnswersAgain() throws Exception {
    startSocketModeApp();
    fake.awaitConnections(1, TIMEOUT);
    fake.awaitAck(fake.sendSlashCommand(slashCommand("one")).id(), TIMEOUT);

    fake.sendDisconnect("refresh_requested");
    fake.awaitConnections(2, TIMEOUT);
    Envelope again = fake.sendSlashCommand(slashCommand("two"));

    assertEquals("You asked: two", fake.awaitAck(again.id(), TIMEOUT).text());
  }

  @Test
  void afterADroppedConnectionTheAppReconnectsAndAnswersAgain() throws Exception {
    SocketModeApp socketApp = startSocketModeApp();
    // Reconnect on close rather than on the SDK's 5-second session monitor, to keep this fast.
    socketApp.getClient().setAutoReconnectOnCloseEnabled(true);
    fake.awaitConnections(1, TIMEOUT);

    fake.dropConnection();
    fake.awaitConnections(2, TIMEOUT);
    Envelope again = fake.sendSlashCommand(slashCommand("after the drop"));

    assertEquals("You asked: after the drop", fake.awaitAck(again.id(), TIMEOUT).text());
  }

  @Test
  void eventsRedeliveriesAndButtonPressesReachTheAppAndAreAcked() throws Exception {
    startSocketModeApp();
    fake.awaitConnections(1, TIMEOUT);
    String event = SlackPayloads.eventCallback(FakeSlack.TEAM_ID, "Ev1",
        SlackPayloads.messageEvent("C1", "U1", "1733900001.000200", "1733900000.000100"))
        .toString();

    Envelope press = fake.sendInteractive(SlackPayloads.onMessage(SlackPayloads.blockActions(
        FakeSlack.TEAM_ID, "C1", "U1", "reveal", "q-1", fake.responseUrl()), "1733900000.000100")
        .toString());
    Envelope first = fake.sendEvent(event);
    Envelope redelivery = fake.sendEvent(event, 1, "timeout");

    assertNull(fake.awaitAck(press.id(), TIMEOUT).payload());
    assertNull(fake.awaitAck(first.id(), TIMEOUT).payload());
    assertNull(fake.awaitAck(redelivery.id(), TIMEOUT).payload());
    // The SDK handles envelopes on several threads, so their order is not fixed.
    assertEquals(Set.of("reveal:q-1", "message:U1 retry:0/", "message:U1 retry:1/timeout"),
        Set.copyOf(seen));
  }

  private SocketModeApp startSocketModeApp() throws Exception {
    App app = new App(AppConfig.builder()
        .slack(slack)
        .singleTeamBotToken(FakeSlack.BOT_TOKEN)
        .build());
    ProbeApp.addProbeHandlers(app, seen);
    SocketModeApp socketApp = new SocketModeApp(FakeSlack.APP_TOKEN, app, SocketModeClient.Backend.JavaWebSocket);
    socketApps.add(socketApp);
    socketApp.startAsync();
    return socketApp;
  }

  private Map<String, String> slashCommand(String text) {
    return SlackPayloads.slashCommand(FakeSlack.TEAM_ID, "C1", "U1", text, fake.responseUrl());
  }
}
