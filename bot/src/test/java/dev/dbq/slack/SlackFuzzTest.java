package dev.dbq.slack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.spi.ILoggingEvent;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dbq.testsupport.Backend;
import dev.dbq.testsupport.CapturedLog;
import dev.dbq.testsupport.TestDatabase;
import dev.dbq.testsupport.slack.FakeSlack;
import dev.dbq.testsupport.slack.SignedRequests;
import dev.dbq.testsupport.slack.SignedRequests.Answer;
import dev.dbq.testsupport.slack.SignedRequests.Signature;
import dev.dbq.testsupport.slack.SignedRequests.SignedRequest;
import dev.dbq.testsupport.slack.SlackPayloads;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * 2,000 seeded requests through the real Bolt servlet, signed and not: slash commands with
 * hostile text, button presses with forged or missing ids, events with missing fields,
 * garbage, wrong content types, bad stamps and signatures. Whatever comes, no 5xx, a 401 for
 * everything unsigned, and a log with no trace, no credential and no line someone else began.
 */
class SlackFuzzTest {

  private static final int REQUESTS = 2_000;
  private static final long SEED = 20261205L;
  private static final int SENDERS = 4;
  private static final ObjectMapper JSON = new ObjectMapper();
  /** A line a forger would like to see in the log. */
  private static final String FORGED = "12:00:00.000 ERROR dev.dbq.Forged - FORGED admin granted";
  /** How every line the encoder writes begins (CapturedLog.text's pattern). */
  private static final Pattern LOG_LINE = Pattern.compile("^\\d\\d:\\d\\d:\\d\\d\\.\\d{3} (TRACE|DEBUG|INFO |WARN |ERROR) .*");

  private static final String[] WORDS = {
      "random", "show q1", "show 5", "answer q1 code", "answer q99 quick", "search sharding", "topics", "scenario 2",
      "streak <@U2>", "leaderboard", "schedule set 09:30 EST", "schedule set 09:00 UTC daily", "schedule off", "help",
      "@everyone", "<!channel>", "<!here>", "<@U0BOT>", "<#C1|x>", "hlep", "random topic:cap difficulty:hard",
      "\r\n" + FORGED + "\r\n", "\n" + FORGED, "\r" + FORGED, "\u0000", "\u001b[2J", "\t", "\u2028", "\u007f", "🙂", "é",
      "'; DROP TABLE rounds; --", "%s%n", "${jndi:ldap://x}", "*bold*", "&amp;", "q" + Long.MAX_VALUE};

  @Test
  void twoThousandSignedAndUnsignedRequestsGetNo5xxAndLeaveAQuietHonestLog() throws Exception {
    SplittableRandom random = new SplittableRandom(SEED);
    try (TestDatabase database = Backend.SQLITE.create();
        SlackBot slackBot = SlackBot.overHttp(database.database(), "", Instant.parse("2026-12-01T08:00:00Z"));
        CapturedLog logged = CapturedLog.everything().withLevel("dev.dbq", Level.DEBUG)) {
      FakeSlack slack = slackBot.slack;
      slack.setUser("UADMIN", true, false, false);
      List<SignedRequest> requests = new ArrayList<>();
      for (int i = 0; i < REQUESTS; i++) {
        requests.add(request(random, slack.responseUrl()));
      }

      // when they arrive, four at a time
      SignedRequests client = slackBot.signed();
      ExecutorService senders = Executors.newFixedThreadPool(SENDERS);
      List<Future<Answer>> answers = new ArrayList<>();
      Map<Integer, Integer> statuses = new TreeMap<>();
      try {
        for (SignedRequest request : requests) {
          answers.add(senders.submit(() -> client.send(request)));
        }
        for (int i = 0; i < REQUESTS; i++) {
          Answer answer = answers.get(i).get();
          SignedRequest request = requests.get(i);
          String what = "request " + i + " (" + request.signature() + ", " + request.contentType() + "): " + answer.status()
              + " " + answer.body().lines().findFirst().orElse("");
          // then: no 5xx, and nothing unsigned gets past the door (a body over the limit is a 413 first)
          statuses.merge(answer.status(), 1, Integer::sum);
          assertTrue(answer.status() < 500, what);
          if (request.signature() != Signature.VALID) {
            assertTrue(answer.status() == 401 || answer.status() == 413, what);
          }
        }
      } finally {
        senders.shutdownNow();
      }
      // (the fuzz reached the core, not only the door)
      assertTrue(statuses.getOrDefault(200, 0) > REQUESTS / 3, statuses::toString);
      // Replies still on their way through response_urls are delivered (or given up) first.
      slackBot.runtime.platforms().get(0).close();

      // and the log holds no trace, no credential, and only lines the bot began
      String log = logged.text();
      for (ILoggingEvent event : logged.events()) {
        assertEquals(null, event.getThrowableProxy(), () -> "a trace in: " + event.getFormattedMessage());
        assertTrue(event.getLevel().toInt() < Level.ERROR_INT, () -> "an error: " + event.getFormattedMessage());
      }
      assertFalse(log.contains(FakeSlack.BOT_TOKEN), "the bot token is in the log");
      assertFalse(log.contains(SignedRequests.SIGNING_SECRET), "the signing secret is in the log");
      for (String line : log.split("\r\n|\r|\n")) {
        assertTrue(LOG_LINE.matcher(line).matches(), "a line the bot did not begin: " + line);
        assertFalse(line.startsWith(FORGED), line);
      }
    }
  }

  private static SignedRequest request(SplittableRandom r, String responseUrl) {
    int kind = r.nextInt(100);
    SignedRequest request;
    if (kind < 35) {
      request = SignedRequests.slashCommand(slashCommand(r, responseUrl));
    } else if (kind < 55) {
      request = SignedRequests.interactive(blockActions(r, responseUrl).toString());
    } else if (kind < 72) {
      request = SignedRequests.event(event(r).toString());
    } else if (kind < 77) {
      request = SignedRequests.event(SlackPayloads.urlVerification(text(r)).toString());
    } else if (kind < 90) {
      request = SignedRequests.raw(pick(r, "application/x-www-form-urlencoded", "application/json"), garbage(r, responseUrl));
    } else {
      // a well-formed body under a content type Slack never sends
      SignedRequest body = r.nextBoolean()
          ? SignedRequests.slashCommand(slashCommand(r, responseUrl))
          : SignedRequests.event(event(r).toString());
      request = SignedRequests.raw(pick(r, "text/plain", "application/xml", "multipart/form-data; boundary=x", "application/octet-stream"),
          body.body());
    }
    int how = r.nextInt(100);
    if (how < 75) {
      return request;
    }
    return request.signed(pick(r, Signature.WRONG_SECRET, Signature.EXPIRED, Signature.FUTURE, Signature.BAD_TIMESTAMP, Signature.MISSING));
  }

  private static Map<String, String> slashCommand(SplittableRandom r, String responseUrl) {
    Map<String, String> form = SlackPayloads.slashCommand(
        id(r, "T"), id(r, "C"), pick(r, "U1", "U2", "UADMIN", id(r, "U")), text(r), pick(r, responseUrl, responseUrl, responseUrl, "not a url"));
    if (r.nextInt(10) == 0) {
      form.remove(pick(r, "team_id", "channel_id", "user_id", "text", "command", "response_url"));
    }
    if (r.nextInt(10) == 0) {
      form.put(pick(r, "team_id", "channel_id", "user_id", "user_name", "command"), text(r));
    }
    // Any field may carry a forged line.
    form.replaceAll((field, value) -> r.nextInt(25) == 0 ? value + "\r\n" + FORGED : value);
    return form;
  }

  private static ObjectNode blockActions(SplittableRandom r, String responseUrl) {
    String actionId = pick(r, "dbq_0", "dbq_1", "dbq_17", "dbq_", "dbq_x", "", "dbq_0\r\n" + FORGED, "other_" + r.nextInt(100));
    String value = pick(r, "/dbq random", "/dbq schedule set 10:00 UTC daily", "/dbq show q1", "share:q1", "answered:1", text(r));
    ObjectNode payload = SlackPayloads.blockActions(FakeSlack.TEAM_ID, id(r, "C"), pick(r, "U1", "UADMIN", id(r, "U")),
        actionId, value, responseUrl);
    switch (r.nextInt(10)) {
      case 0 -> payload.putNull("user");
      case 1 -> payload.putNull("team");
      case 2 -> payload.putNull("channel");
      case 3 -> payload.remove("actions");
      case 4 -> payload.putArray("actions");
      case 5 -> ((ObjectNode) payload.get("actions").get(0)).remove("action_id");
      case 6 -> {
        payload.putNull("team");
        ((ObjectNode) payload.get("user")).remove("team_id");
      }
      default -> { }
    }
    if (r.nextBoolean()) {
      SlackPayloads.onMessage(payload, "1733900000.000" + r.nextInt(1_000));
    }
    return payload;
  }

  private static ObjectNode event(SplittableRandom r) {
    ObjectNode event = switch (r.nextInt(4)) {
      case 0 -> SlackPayloads.messageEvent(id(r, "C"), id(r, "U"), "1733900001.00" + r.nextInt(10_000), "1733900000.000100");
      case 1 -> SlackPayloads.messageEvent(id(r, "C"), id(r, "U"), "1733900001.000100", null).put("subtype", pick(r, "message_changed", "bot_message", "channel_join", "thread_broadcast"));
      case 2 -> SlackPayloads.appHomeOpened(id(r, "U")).put("tab", pick(r, "home", "messages", ""));
      default -> JSON.createObjectNode().put("type", pick(r, "reaction_added", "frobnicate", "", "message\r\n" + FORGED));
    };
    event.put("text", text(r));
    if (r.nextInt(4) == 0) {
      event.remove(pick(r, "user", "channel", "ts", "thread_ts", "tab"));
    }
    ObjectNode callback = SlackPayloads.eventCallback(pick(r, FakeSlack.TEAM_ID, id(r, "T")), "Ev" + r.nextInt(1_000_000), event);
    if (r.nextInt(6) == 0) {
      callback.remove(pick(r, "team_id", "event_id", "authorizations", "api_app_id"));
    }
    return callback;
  }

  private static String garbage(SplittableRandom r, String responseUrl) {
    return switch (r.nextInt(10)) {
      case 0 -> "payload=null";
      case 1 -> "payload=" + encode(pick(r, "[]", "{}", "\"x\"", "{\"type\":null}", "{\"type\":\"view_submission\"}", "{\"type\":\"block_actions\"}"));
      case 2 -> pick(r, "{not json", "[]", "[" .repeat(3_000), "{\"type\":\"event_callback\",\"event\":null}", "{\"type\":7}", "null");
      case 3 -> "payload=%zz&command=%";
      case 4 -> "hello=" + encode(text(r)) + "\r\n" + FORGED;
      case 5 -> "ssl_check=1&token=" + encode(text(r));
      case 6 -> "";
      case 7 -> "{\"type\":\"url_verification\",\"challenge\":" + r.nextInt() + "}";
      case 8 -> "payload=" + encode(SlackPayloads.blockActions(null, null, "U1", "dbq_0", "x", responseUrl).toString());
      default -> new String(bytes(r), StandardCharsets.ISO_8859_1);
    };
  }

  /** Command text: a few words, hostile pieces and, now and then, up to the 64 KB body limit. */
  private static String text(SplittableRandom r) {
    StringBuilder text = new StringBuilder();
    int words = r.nextInt(6);
    for (int i = 0; i < words; i++) {
      text.append(pick(r, WORDS)).append(r.nextInt(4) == 0 ? "" : " ");
    }
    if (r.nextInt(50) == 0) {
      text.append("x".repeat(r.nextInt(60_000)));
    }
    return text.toString();
  }

  private static String id(SplittableRandom r, String prefix) {
    return switch (r.nextInt(12)) {
      case 0 -> "";
      case 1 -> prefix + "\r\n" + FORGED;
      case 2 -> prefix + "\u0000\u001b";
      default -> prefix + "0" + r.nextInt(5);
    };
  }

  private static byte[] bytes(SplittableRandom r) {
    byte[] bytes = new byte[r.nextInt(200)];
    r.nextBytes(bytes);
    return bytes;
  }

  private static String encode(String text) {
    return URLEncoder.encode(text, StandardCharsets.UTF_8);
  }

  @SafeVarargs
  private static <T> T pick(SplittableRandom r, T... choices) {
    return choices[r.nextInt(choices.length)];
  }
}
