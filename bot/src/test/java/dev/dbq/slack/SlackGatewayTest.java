package dev.dbq.slack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dbq.app.Platform;
import dev.dbq.app.PlatformException;
import dev.dbq.chat.ChannelGateway;
import dev.dbq.chat.ChannelGoneException;
import dev.dbq.chat.ChannelKey;
import dev.dbq.chat.RateLimitedException;
import dev.dbq.chat.Reply;
import dev.dbq.testsupport.Backend;
import dev.dbq.testsupport.TestDatabase;
import dev.dbq.testsupport.slack.FakeSlack;
import dev.dbq.testsupport.slack.SlackCall;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SlackGatewayTest {

  private static final ChannelKey GENERAL = new ChannelKey("slack", FakeSlack.TEAM_ID, "C0GENERAL");

  private TestDatabase database;
  private SlackBot slackBot;
  private FakeSlack slack;
  private ChannelGateway gateway;

  @BeforeEach
  void start() {
    database = Backend.SQLITE.create();
    slackBot = SlackBot.overHttp(database.database(), "", Instant.parse("2026-12-01T08:00:00Z"));
    slack = slackBot.slack;
    gateway = slackBot.runtime.platforms().get(0).gateway();
  }

  @AfterEach
  void stop() throws Exception {
    slackBot.close();
    database.close();
  }

  @Test
  void serverErrorsOnAThreadPostAreRetriedWithGrowingPausesAndItLandsOnce() {
    slack.failNext("chat.postMessage", 500, Map.of());
    slack.failNext("chat.postMessage", 503, Map.of());

    gateway.postInThread(GENERAL, "1796112000.000100", Reply.text("a follow-up"));

    assertEquals(List.of(500, 503, 200), slack.calls("chat.postMessage").stream().map(SlackCall::status).toList());
    assertEquals(List.of(Duration.ofSeconds(1), Duration.ofSeconds(2)), slackBot.retryWaits);
  }

  @Test
  void aServerErrorOnARoundPostIsNotRepeatedBlindlySinceSlackMayHavePostedIt() {
    // GIVEN Slack answers a round's post with 500
    slack.failNext("chat.postMessage", 500, Map.of());

    // WHEN the gateway posts it, THEN it fails at once for the core to look before it retries
    PlatformException failed = assertThrows(PlatformException.class, () -> gateway.post(GENERAL, "round-1", Reply.text("hello")));
    assertTrue(failed.getMessage().contains("HTTP 500"), failed.getMessage());
    assertEquals(List.of(500), slack.calls("chat.postMessage").stream().map(SlackCall::status).toList());
    assertEquals(List.of(), slackBot.retryWaits);
  }

  @Test
  void aRoundPostCarriesItsKeyAndIsFoundByItSinceTheClaim() {
    // GIVEN a round's post (the bot's clock, which the fake's ts follow, says 08:00)
    ChannelGateway.PostedMessage posted = gateway.post(GENERAL, "round-7", Reply.text("hello"));
    assertEquals(posted.messageRef(), posted.threadRef());
    SlackCall post = slack.calls("chat.postMessage").get(0);
    assertEquals("dbq_round", post.json("metadata").path("event_type").asText());
    assertEquals("round-7", post.json("metadata").path("event_payload").path("round_key").asText());

    // THEN it is found by its key from just before its claim, and another key finds nothing
    Instant claimed = Instant.parse("2026-12-01T08:00:00Z");
    assertEquals(posted, gateway.findPost(GENERAL, "round-7", claimed).orElseThrow());
    assertTrue(gateway.findPost(GENERAL, "round-8", claimed).isEmpty());
    assertTrue(gateway.findPost(new ChannelKey("slack", FakeSlack.TEAM_ID, "C0OTHER"), "round-7", claimed).isEmpty());
  }

  @ParameterizedTest
  @ValueSource(strings = {"channel_not_found", "is_archived"})
  void aDeletedOrArchivedChannelIsReportedAsGoneAndNotRetried(String error) {
    slack.failNextWithError("chat.postMessage", error);

    ChannelGoneException e = assertThrows(ChannelGoneException.class, () -> gateway.post(GENERAL, "round-1", Reply.text("hello")));

    assertTrue(e.getMessage().contains(error), e.getMessage());
    assertEquals(1, slack.calls("chat.postMessage").size());
  }

  @Test
  void whileTheWebApiFailsTheReadinessCheckSaysSoUntilACallIsAnsweredAgain() {
    Platform platform = slackBot.runtime.platforms().get(0);
    // GIVEN Slack's Web API answers 503 to everything
    slack.setWebApiDown(true);

    // WHEN a round post fails on it, THEN the platform names the trouble for /readyz
    assertThrows(PlatformException.class, () -> gateway.post(GENERAL, "round-1", Reply.text("hello")));
    assertEquals(Optional.of("Slack's Web API answers HTTP 503"), platform.trouble());

    // WHEN it is back and a call is answered, THEN the trouble is gone
    slack.setWebApiDown(false);
    gateway.postInThread(GENERAL, "1796112000.000100", Reply.text("a follow-up"));
    assertEquals(Optional.empty(), platform.trouble());
  }

  @Test
  void retriesAreBoundedAndEndInAOneLineError() {
    slack.rateLimitNext("chat.postMessage", WebApi.MAX_ATTEMPTS, Duration.ofSeconds(1));

    PlatformException e = assertThrows(PlatformException.class,
        () -> gateway.postInThread(GENERAL, "1796112000.000100", Reply.text("a follow-up")));

    assertEquals("chat.postMessage to C0GENERAL failed: HTTP 429 (ratelimited)", e.getMessage());
    assertEquals(WebApi.MAX_ATTEMPTS, slack.calls("chat.postMessage").size());
  }

  @Test
  void aRateLimitedRoundPostIsRaisedWithItsRetryAfterAndNotWaitedOut() {
    // GIVEN Slack rate-limits the next post for 7 s
    slack.rateLimitNext("chat.postMessage", 1, Duration.ofSeconds(7));

    // WHEN a round is posted
    RateLimitedException e = assertThrows(RateLimitedException.class,
        () -> gateway.post(GENERAL, "round-1", Reply.text("hello")));

    // THEN the core gets the wait and the channel's scope, once, and nothing waited here
    assertEquals(Duration.ofSeconds(7), e.retryAfter());
    assertEquals(RateLimitedException.Scope.CHANNEL, e.scope());
    assertEquals(1, slack.calls("chat.postMessage").size());
    assertEquals(List.of(), slackBot.retryWaits);
  }

  @Test
  void anErrorSlackAnswersIsNotRetried() {
    slack.failNextWithError("chat.postMessage", "restricted_action");

    PlatformException e = assertThrows(PlatformException.class, () -> gateway.post(GENERAL, "round-1", Reply.text("hello")));

    assertEquals("chat.postMessage to C0GENERAL failed: restricted_action", e.getMessage());
    assertEquals(1, slack.calls("chat.postMessage").size());
  }

  @Test
  void aChannelTheBotIsNotInIsJoinedOnceBeforePostingAgain() {
    slack.failNextWithError("chat.postMessage", "not_in_channel");

    boolean joined = true;
    try {
      gateway.post(GENERAL, "round-1", Reply.text("hello"));
    } catch (PlatformException joinRefused) {
      // The fake may not implement conversations.join; the attempt is what this test is about.
      joined = false;
    }

    List<SlackCall> joins = slack.calls("conversations.join");
    assertEquals(1, joins.size());
    assertEquals("C0GENERAL", joins.get(0).text("channel"));
    assertEquals(joined ? 2 : 1, slack.calls("chat.postMessage").size(), "posted again only once joined");
  }

  @Test
  void aThreadPostCarriesThePostsTs() {
    ChannelGateway.PostedMessage posted = gateway.post(GENERAL, "round-1", Reply.text("question"));

    gateway.postInThread(GENERAL, posted.threadRef(), Reply.text("follow-up"));

    SlackCall followUp = slack.calls("chat.postMessage").get(1);
    assertEquals(posted.threadRef(), followUp.text("thread_ts"));
    assertTrue(followUp.json("blocks").toString().contains("follow-up"));
  }
}
