package dev.dbq.testsupport.slack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The messages the fake Slack keeps, per channel, as Slack does: each with a {@code ts} from the
 * fake's clock (unique and increasing), its {@code metadata} when the post had one, and {@code
 * conversations.history} over them.
 */
final class Messages {

  private final Map<String, List<ObjectNode>> byChannel = new HashMap<>();
  private final AtomicLong lastTsMicros = new AtomicLong();
  private volatile Clock clock = Clock.systemUTC();

  /** Slack's clock: the {@code ts} of every message from now on follows it. */
  void useClock(Clock slackClock) {
    this.clock = slackClock;
  }

  /** A fresh {@code ts} ("seconds.micros"): the clock's, or just after the last one. */
  String nextTs() {
    Instant now = clock.instant();
    long clockMicros = now.getEpochSecond() * 1_000_000 + now.getNano() / 1000;
    long micros = lastTsMicros.updateAndGet(last -> Math.max(clockMicros, last + 100));
    return String.format("%d.%06d", micros / 1_000_000, micros % 1_000_000);
  }

  synchronized void keep(String channel, ObjectNode message) {
    byChannel.computeIfAbsent(channel, c -> new ArrayList<>()).add(message);
  }

  /** The channel's messages outside threads (what people see in the channel), oldest first. */
  synchronized List<ObjectNode> inChannel(String channel) {
    return byChannel.getOrDefault(channel, List.of()).stream().filter(Messages::topLevel).map(ObjectNode::deepCopy).toList();
  }

  private static boolean topLevel(JsonNode message) {
    return !message.hasNonNull("thread_ts") || message.get("thread_ts").asText().equals(message.get("ts").asText());
  }

  /**
   * {@code conversations.history}: the channel's top-level messages newest first, after {@code
   * oldest} (at it too with {@code inclusive}) and before {@code latest}, {@code limit} a page
   * (100 by default) with a {@code next_cursor}; {@code metadata} only with {@code
   * include_all_metadata}.
   */
  synchronized ObjectNode history(ObjectNode params, ObjectNode answer) {
    BigDecimal oldest = number(params, "oldest", BigDecimal.ZERO);
    BigDecimal latest = number(params, "latest", null);
    boolean inclusive = flag(params, "inclusive");
    boolean metadata = flag(params, "include_all_metadata");
    int limit = params.hasNonNull("limit") ? Math.max(1, params.get("limit").asInt(100)) : 100;
    int from = params.path("cursor").asText("").startsWith("offset:")
        ? Integer.parseInt(params.get("cursor").asText().substring("offset:".length()))
        : 0;
    List<ObjectNode> matching = new ArrayList<>();
    List<ObjectNode> all = byChannel.getOrDefault(params.path("channel").asText(""), List.of());
    for (int i = all.size() - 1; i >= 0; i--) {
      ObjectNode message = all.get(i);
      BigDecimal ts = new BigDecimal(message.get("ts").asText());
      int vsOldest = ts.compareTo(oldest);
      if (topLevel(message) && (vsOldest > 0 || (inclusive && vsOldest == 0)) && (latest == null || ts.compareTo(latest) < 0)) {
        matching.add(message);
      }
    }
    ArrayNode messages = answer.putArray("messages");
    int to = Math.min(matching.size(), from + limit);
    for (ObjectNode message : matching.subList(Math.min(from, to), to)) {
      ObjectNode copy = message.deepCopy();
      if (!metadata) {
        copy.remove("metadata");
      }
      messages.add(copy);
    }
    answer.put("has_more", to < matching.size()).put("pin_count", 0);
    answer.putObject("response_metadata").put("next_cursor", to < matching.size() ? "offset:" + to : "");
    return answer;
  }

  /** Slack takes {@code true} or {@code 1} (what the Java SDK sends) for a boolean argument. */
  private static boolean flag(ObjectNode params, String name) {
    String value = params.path(name).asText("");
    return value.equals("1") || value.equals("true");
  }

  private static BigDecimal number(ObjectNode params, String name, BigDecimal absent) {
    String value = params.path(name).asText("");
    return value.isEmpty() ? absent : new BigDecimal(value);
  }
}
