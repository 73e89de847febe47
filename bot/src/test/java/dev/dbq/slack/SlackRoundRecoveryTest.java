package dev.dbq.slack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dbq.chat.ChannelGateway;
import dev.dbq.chat.ChannelKey;
import dev.dbq.chat.Reply;
import dev.dbq.round.ChannelSchedule;
import dev.dbq.round.ChannelSettings;
import dev.dbq.round.Days;
import dev.dbq.round.Round;
import dev.dbq.store.Database;
import dev.dbq.store.Store;
import dev.dbq.testsupport.EachBackend;
import dev.dbq.testsupport.TestBanks;
import dev.dbq.testsupport.slack.FakeSlack;
import dev.dbq.testsupport.slack.SignedRequests;
import dev.dbq.testsupport.slack.SlackCall;
import dev.dbq.testsupport.slack.SlackPayloads;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.List;

/**
 * A round's post that Slack took although dbq never heard so (a 5xx after posting, an answer
 * lost on the way, a crash before the post was recorded) is found by its metadata and adopted:
 * the channel shows the question once and replies in its thread count.
 */
class SlackRoundRecoveryTest {

  private static final ChannelKey GENERAL = new ChannelKey("slack", FakeSlack.TEAM_ID, "C0GENERAL");

  /** Tuesday 1 December 2026 in UTC, #general's zone. */
  private static Instant at(String time) {
    return Instant.parse("2026-12-01T" + time + ":00Z");
  }

  @EachBackend
  void aPostSlackMadeBeforeAnsweringA5xxIsAdoptedNotPostedAgain(Database database) {
    try (SlackBot slackBot = SlackBot.overHttp(database, "", at("08:00"))) {
      // GIVEN #general's question of the day at 09:00, and Slack posts it but answers 500
      scheduleAtNine(slackBot);
      slackBot.slack.failNextAfterTakingEffect("chat.postMessage", 500);
      runAt(slackBot, "09:00");

      // WHEN the next run comes
      runAt(slackBot, "09:01");

      // THEN the channel has the question once, that message is the round's, and a reply in its thread counts
      assertAdoptedOnceAndRepliesCount(slackBot, database);
    }
  }

  @EachBackend
  void aPostWhoseAnswerWasLostIsAdoptedNotPostedAgain(Database database) {
    try (SlackBot slackBot = SlackBot.overHttp(database, "", at("08:00"))) {
      // GIVEN Slack posts #general's question of the day, and the connection drops before its answer
      scheduleAtNine(slackBot);
      slackBot.slack.dropNextAfterTakingEffect("chat.postMessage");
      runAt(slackBot, "09:00");

      // WHEN the next run comes
      runAt(slackBot, "09:01");

      // THEN it is adopted
      assertAdoptedOnceAndRepliesCount(slackBot, database);
    }
  }

  @EachBackend
  void aRestartedBotFindsThePostThatACrashNeverRecorded(Database database) {
    try (SlackBot slackBot = SlackBot.overHttp(database, "", at("08:00"))) {
      // GIVEN an instance claimed #general's round at 09:00, posted it with its key, and died
      // before recording it: its lease (2 minutes) still runs
      scheduleAtNine(slackBot);
      String question = TestBanks.library().questions().get(0).id();
      Round claimed = Store.on(database).rounds()
          .claim(GENERAL, LocalDate.parse("2026-12-01"), question, at("09:00"), at("09:02")).orElseThrow();
      slackBot.clock.set(at("09:00"));
      ChannelGateway gateway = slackBot.runtime.platforms().get(0).gateway();
      gateway.post(GENERAL, "round-" + claimed.id(), Reply.text("The question of the day"));

      // WHEN the restarted bot runs after the lease
      runAt(slackBot, "09:01");
      runAt(slackBot, "09:02");

      // THEN it adopts that post
      assertAdoptedOnceAndRepliesCount(slackBot, database);
    }
  }

  private static void scheduleAtNine(SlackBot slackBot) {
    slackBot.bot().rounds().saveSettings(new ChannelSettings(
        GENERAL, new ChannelSchedule(LocalTime.of(9, 0), ZoneOffset.UTC, Days.parse("weekdays"), LocalTime.of(17, 0), true), null));
  }

  private static void runAt(SlackBot slackBot, String time) {
    slackBot.clock.set(at(time));
    slackBot.bot().rounds().runDue();
  }

  private static void assertAdoptedOnceAndRepliesCount(SlackBot slackBot, Database database) {
    FakeSlack slack = slackBot.slack;
    List<JsonNode> inChannel = slack.messagesIn(GENERAL.channel());
    assertEquals(1, inChannel.size(), "the question once, not " + inChannel.stream().map(m -> m.path("ts").asText()).toList());
    String ts = inChannel.get(0).path("ts").asText();
    assertEquals("dbq_round", inChannel.get(0).path("metadata").path("event_type").asText(), inChannel.toString());
    Round round = slackBot.bot().rounds().currentRound(GENERAL).orElseThrow();
    assertEquals(ts, round.messageRef());
    assertEquals(ts, round.threadRef());
    assertTrue(slack.calls("chat.postMessage").stream().anyMatch(c -> ts.equals(c.text("thread_ts"))),
        "its first follow-up went to its thread: " + slack.calls("chat.postMessage"));
    List<SlackCall> lookups = slack.calls("conversations.history");
    assertTrue(lookups.stream().allMatch(c -> "1".equals(c.text("include_all_metadata"))), "the SDK sends true as 1: " + lookups);

    SignedRequests.Answer answer = slackBot.signed().send(SignedRequests.event(SlackPayloads.eventCallback(
        FakeSlack.TEAM_ID, "EvReply1", SlackPayloads.messageEvent(GENERAL.channel(), "UANN", "1796115900.000100", ts)).toString()));
    assertEquals(200, answer.status());
    assertEquals(1, Store.on(database).participations().count(round.id()), "the reply in the only thread counts");
  }
}
