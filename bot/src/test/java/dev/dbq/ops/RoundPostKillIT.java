package dev.dbq.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dbq.chat.ChannelKey;
import dev.dbq.round.ChannelSchedule;
import dev.dbq.round.ChannelSettings;
import dev.dbq.round.Round;
import dev.dbq.store.Store;
import dev.dbq.testsupport.Backend;
import dev.dbq.testsupport.BackendUnavailableException;
import dev.dbq.testsupport.BotProcess;
import dev.dbq.testsupport.TestDatabase;
import dev.dbq.testsupport.UnavailableBackend;
import dev.dbq.testsupport.slack.FakeSlack;
import dev.dbq.testsupport.slack.HeldAnswer;
import dev.dbq.testsupport.slack.SignedRequests;
import dev.dbq.testsupport.slack.SlackPayloads;
import java.net.URI;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The crash between Slack taking a round's post and the database recording it, twenty times,
 * with real processes (the shaded jar) on PostgreSQL: the fake Slack keeps each round's post and
 * holds its answer, the test kills (as {@code kill -9}) the instance that sent it, and the other
 * instance, or the one started in its place, takes the round over once its lease ran out. It
 * must adopt the post it finds by the round's metadata, never post again. An instance posts
 * several channels at once (the fan-out), so one kill may cut off several posts.
 *
 * <p>The instances run with {@code -Ddbq.test.post-lease=PT10S -Ddbq.test.tick=PT1S} (see
 * {@code app.TestTiming}): the 2-minute lease and 1-minute tick would make twenty takeovers last
 * an hour. Ten seconds stays far above the time from a claim to its post reaching Slack.
 */
class RoundPostKillIT {

  private static final int KILLS = 20;
  /**
   * Enough rounds for twenty kills: an instance posts up to 16 channels of a workspace at once
   * (its Slack lane's width), so one kill may cut off as many posts.
   */
  private static final int CHANNELS = 16 * KILLS + 10;
  private static final Duration LONG = Duration.ofMinutes(3);
  private static final String[] FAST_TAKEOVER = {"-Xmx128m", "-Ddbq.test.post-lease=PT10S", "-Ddbq.test.tick=PT1S"};

  @TempDir Path scratch;

  private final Map<String, BotProcess> running = new LinkedHashMap<>();
  private int started;

  @Test
  void killsBetweenSlackTakingARoundsPostAndItsRecordPostNoRoundTwiceAndLoseNoReply() throws Exception {
    try (TestDatabase database = postgresql(); FakeSlack slack = FakeSlack.start()) {
      // GIVEN thirty channels whose question of the day is due, and a Slack that keeps each
      // round's post but holds its answer
      List<ChannelKey> channels = IntStream.range(0, CHANNELS)
          .mapToObj(i -> new ChannelKey("slack", FakeSlack.TEAM_ID, "CKILL" + i))
          .toList();
      LocalTime due = ZonedDateTime.now(ZoneOffset.UTC).minusMinutes(1).toLocalTime().withNano(0);
      for (ChannelKey channel : channels) {
        Store.on(database.database()).channels().save(new ChannelSettings(channel,
            new ChannelSchedule(due, ZoneOffset.UTC, EnumSet.allOf(DayOfWeek.class), LocalTime.of(23, 59, 59), true), null));
      }
      slack.holdAnswers(call -> call.method().equals("chat.postMessage") && call.text("thread_ts") == null);

      try {
        // AND two instances on one PostgreSQL database
        startInstance(slack, database);
        startInstance(slack, database);

        // WHEN the instance that sent a round's post is killed before it heard back, twenty times,
        // and another one is started in its place each time
        int kills = 0;
        for (int seen = 1; kills < KILLS; seen++) {
          HeldAnswer held = slack.awaitHeld(seen, LONG).get(seen - 1);
          BotProcess poster = running.remove(held.call().client());
          if (poster != null) {
            poster.kill();
            kills++;
            startInstance(slack, database);
          }
          held.release();
        }
        slack.stopHolding();

        // THEN every round is recorded
        Map<String, String> threadOf = awaitEveryRoundRecorded(slack, database, channels);

        // AND no channel shows its question twice, and no post was ever sent again
        for (ChannelKey channel : channels) {
          List<JsonNode> shown = slack.messagesIn(channel.channel());
          assertEquals(1, shown.size(), channel + " shows its question once: " + shown.stream().map(m -> m.path("ts").asText()).toList());
          Round round = Store.on(database.database()).rounds().latest(channel).orElseThrow();
          assertEquals(shown.get(0).path("ts").asText(), round.messageRef(), channel + ": the round is the message shown");
        }
        assertEquals(CHANNELS, slack.calls("chat.postMessage").stream().filter(c -> c.text("thread_ts") == null).count());

        // AND a reply in each round's thread counts
        BotProcess survivor = running.values().iterator().next();
        survivor.awaitReady(Duration.ofSeconds(90));
        SignedRequests requests = new SignedRequests(
            URI.create("http://127.0.0.1:" + survivor.port() + "/slack/events"), SignedRequests.SIGNING_SECRET);
        int reply = 0;
        for (ChannelKey channel : channels) {
          reply++;
          String threadTs = threadOf.get(channel.channel());
          SignedRequests.Answer answer = requests.send(SignedRequests.event(SlackPayloads.eventCallback(FakeSlack.TEAM_ID,
              "EvKill" + reply, SlackPayloads.messageEvent(channel.channel(), "UANN", threadTs.split("\\.")[0] + ".9" + String.format("%05d", reply), threadTs)).toString()));
          assertEquals(200, answer.status(), survivor.output());
          Round round = Store.on(database.database()).rounds().latest(channel).orElseThrow();
          assertEquals(1, Store.on(database.database()).participations().count(round.id()), channel + ": the reply counts");
        }
        assertEquals(KILLS, kills);
      } finally {
        for (BotProcess process : running.values()) {
          process.close();
        }
      }
    }
  }

  /** A new instance, named (and calling Slack as) p1, p2, ...; not waited for. */
  private void startInstance(FakeSlack slack, TestDatabase database) throws Exception {
    String name = "p" + (++started);
    Map<String, String> environment = new HashMap<>(Map.of(
        "DBQ_DATABASE_URL", database.url(),
        "SLACK_BOT_TOKEN", FakeSlack.BOT_TOKEN,
        "SLACK_SIGNING_SECRET", SignedRequests.SIGNING_SECRET,
        "SLACK_API_URL", slack.apiUrl(name),
        "DBQ_LOG_LEVEL", "info"));
    running.put(name, BotProcess.start(environment, scratch, name, FAST_TAKEOVER));
  }

  /**
   * Waits until each channel's round is recorded as the channel's one message; returns each
   * channel's thread ts. Not its follow-up: a follow-up is claimed before it is sent (at most
   * once), and a kill cuts off the follow-ups the instance was sending for other channels.
   * Rounds are recorded after a Slack call (the post, or {@code conversations.history} before an
   * adoption), so the wait is for the next call, and at the end for a moment more.
   */
  private static Map<String, String> awaitEveryRoundRecorded(FakeSlack slack, TestDatabase database, List<ChannelKey> channels) {
    long deadline = System.nanoTime() + LONG.toNanos();
    while (true) {
      Map<String, String> threadOf = new HashMap<>();
      List<String> missing = new ArrayList<>();
      for (ChannelKey channel : channels) {
        List<JsonNode> shown = slack.messagesIn(channel.channel());
        String ts = shown.isEmpty() ? null : shown.get(0).path("ts").asText();
        Round round = Store.on(database.database()).rounds().latest(channel).orElse(null);
        if (ts != null && round != null && ts.equals(round.messageRef())) {
          threadOf.put(channel.channel(), round.threadRef());
        } else {
          missing.add(channel.channel());
        }
      }
      if (missing.isEmpty()) {
        return threadOf;
      }
      long left = deadline - System.nanoTime();
      if (left <= 0) {
        throw new AssertionError("not recorded as the message shown: " + missing);
      }
      try {
        slack.awaitAnyCalls(slack.calls().size() + 1, Duration.ofNanos(Math.min(left, Duration.ofSeconds(2).toNanos())));
      } catch (AssertionError quiet) {
        // No call for a while: the last recordings need none; read the database again.
      }
    }
  }

  private static TestDatabase postgresql() {
    try {
      return Backend.POSTGRESQL.create();
    } catch (BackendUnavailableException unavailable) {
      return UnavailableBackend.ofThisRun().handle(unavailable);
    }
  }
}
