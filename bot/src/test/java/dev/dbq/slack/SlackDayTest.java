package dev.dbq.slack;

import static dev.dbq.slack.SlackBlocksTest.assertWithinLimits;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.dbq.store.Database;
import dev.dbq.testsupport.EachBackend;
import dev.dbq.testsupport.slack.FakeSlack;
import dev.dbq.testsupport.slack.SignedRequests.Answer;
import dev.dbq.testsupport.slack.SignedRequests;
import dev.dbq.testsupport.slack.SlackCall;
import dev.dbq.testsupport.slack.SlackPayloads;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

class SlackDayTest {

  private static final Duration WAIT = Duration.ofSeconds(10);
  private static final String CHANNEL = "C0GENERAL";

  /** Tuesday 1 December 2026, on the clock of a channel in UTC. */
  private static Instant at(String time) {
    return Instant.parse("2026-12-01T" + time + ":00Z");
  }

  @EachBackend
  void aWholeDayThroughSlack(Database database) throws Exception {
    try (SlackBot slackBot = SlackBot.overHttp(database, "", at("08:00"))) {
      FakeSlack slack = slackBot.slack;
      SignedRequests requests = slackBot.signed();
      slack.setUser("ULEAD", false, true, false);

      // GIVEN the team lead schedules the question of the day in #general
      String scheduled = command(requests, "ULEAD", "schedule set 09:00 UTC weekdays");
      assertTrue(scheduled.contains("09:00"), scheduled);

      // WHEN 09:00 comes and Slack rate-limits the first post
      slack.rateLimitNext("chat.postMessage", 1, Duration.ofSeconds(3));
      slackBot.clock.set(at("09:00"));
      slackBot.bot().rounds().runDue();

      // THEN the round is posted once, after waiting Retry-After, and its thread gets a follow-up
      List<SlackCall> posts = slack.calls("chat.postMessage");
      assertEquals(List.of(429, 200, 200), posts.stream().map(SlackCall::status).toList());
      assertEquals(List.of(Duration.ofSeconds(3)), slackBot.retryWaits);
      String metrics = slackBot.bot().metrics().scrape();
      assertTrue(metrics.contains("dbq_platform_api_retries_total{platform=\"slack\",reason=\"rate_limited\"} 1"), metrics);
      assertTrue(metrics.contains("dbq_rounds_posted_total{platform=\"slack\"} 1"), metrics);
      SlackCall round = posts.get(1);
      assertEquals(CHANNEL, round.text("channel"));
      assertNull(round.text("thread_ts"));
      assertTrue(round.json("blocks").get(0).path("text").path("text").asText().startsWith("Question of the day · Tue 1 Dec"));
      String roundTs = posts.get(2).text("thread_ts");
      assertTrue(posts.get(2).json("blocks").toString().contains("Follow-up 1/"), posts.get(2).params().toString());

      // WHEN two people answer in the thread
      assertEquals(200, reply(requests, "Ev100", "UANN", "1764580000.000100", roundTs).status());
      assertEquals(200, reply(requests, "Ev101", "UBOB", "1764580000.000101", roundTs).status());
      slackBot.clock.set(at("10:30"));
      slackBot.bot().rounds().runDue();
      slackBot.clock.set(at("17:00"));
      slackBot.bot().rounds().runDue();

      // THEN the next follow-up and the reveal go to the thread
      List<SlackCall> thread = slack.calls("chat.postMessage").stream().filter(c -> roundTs.equals(c.text("thread_ts"))).toList();
      assertEquals(3, thread.size(), thread.toString());
      assertTrue(thread.get(1).json("blocks").toString().contains("Follow-up 2/"));
      assertTrue(thread.get(2).json("blocks").toString().contains("Quick answer"));
      for (SlackCall post : slack.calls("chat.postMessage")) {
        assertWithinLimits(post.json("blocks"));
      }

      // AND /dbq streak and the Home tab show the streaks
      String streak = command(requests, "UANN", "streak");
      assertTrue(streak.contains("Current streak: 1 · Best streak: 1 · Team streak: 1 (best 1)"), streak);
      Answer opened = requests.send(SignedRequests.event(SlackPayloads.eventCallback(
          FakeSlack.TEAM_ID, "Ev200", SlackPayloads.appHomeOpened("UBOB")).toString()));
      assertEquals(200, opened.status());
      SlackCall home = slack.awaitCalls("views.publish", 1, WAIT).get(0);
      assertEquals("UBOB", home.text("user_id"));
      assertEquals("home", home.json("view").path("type").asText());
      String page = home.json("view").path("blocks").toString();
      assertTrue(page.contains("Current streak: 1 · Best streak: 1 · Team streak: 1 (best 1)"), page);
      assertTrue(page.contains("Next question: Wed 2 Dec 09:00 (UTC)"), page);
      assertTrue(page.contains("*<#" + CHANNEL + ">*"), "Slack shows the channel's name: " + page);
      String board = command(requests, "UANN", "leaderboard");
      assertTrue(board.contains("<@UANN>") && board.contains("<@UBOB>"), "Slack shows the people's names: " + board);
      assertTrue(slack.calls().stream().noneMatch(c -> c.method().startsWith("conversations.")), "no history is read");
    }
  }

  private static Answer reply(SignedRequests requests, String eventId, String user, String ts, String threadTs) {
    return requests.send(SignedRequests.event(SlackPayloads.eventCallback(
        FakeSlack.TEAM_ID, eventId, SlackPayloads.messageEvent(CHANNEL, user, ts, threadTs)).toString()));
  }

  /** Runs {@code /dbq text} in #general; its answer's blocks as JSON text (answered in the ack). */
  private static String command(SignedRequests requests, String user, String text) throws Exception {
    Answer ack = requests.send(SignedRequests.slashCommand(
        SlackPayloads.slashCommand(FakeSlack.TEAM_ID, CHANNEL, user, text, "http://127.0.0.1:1/unused")));
    assertEquals(200, ack.status());
    return new ObjectMapper().readTree(ack.body()).path("blocks").toString();
  }
}
