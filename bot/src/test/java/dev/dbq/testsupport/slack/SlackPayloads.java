package dev.dbq.testsupport.slack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The payloads Slack sends an app, shaped as Slack sends them, for both transports: over HTTP
 * with {@link SignedRequests} and over Socket Mode with {@link FakeSlack}.
 *
 * <ul>
 *   <li>{@link #slashCommand}: the form fields of {@code /dbq TEXT} (a form body over HTTP, the
 *       {@code payload} object of a {@code slash_commands} envelope);
 *   <li>{@link #blockActions}: a button press ({@code payload=} form field over HTTP, the payload
 *       of an {@code interactive} envelope); {@link #onMessage} / {@link #onEphemeral} add where
 *       the button was;
 *   <li>{@link #messageEvent}, {@link #appHomeOpened}: events, wrapped by {@link #eventCallback};
 *   <li>{@link #urlVerification}: the Events API handshake.
 * </ul>
 *
 * <p>JSON comes back as a Jackson {@link ObjectNode}: adjust it ({@code event.put("bot_id",
 * "B1")}, {@code event.put("subtype", "message_changed")}) and pass {@code toString()} on.
 */
public final class SlackPayloads {

  private static final AtomicLong lastTrigger = new AtomicLong();

  private SlackPayloads() {}

  /** The form fields of {@code /dbq text}, in Slack's order. */
  public static Map<String, String> slashCommand(
      String teamId, String channelId, String userId, String text, String responseUrl) {
    Map<String, String> form = new LinkedHashMap<>();
    form.put("token", "verification-token-unused");
    form.put("team_id", teamId);
    form.put("team_domain", FakeSlack.TEAM_DOMAIN);
    form.put("channel_id", channelId);
    form.put("channel_name", "general");
    form.put("user_id", userId);
    form.put("user_name", userId.toLowerCase());
    form.put("command", "/dbq");
    form.put("text", text);
    form.put("api_app_id", FakeSlack.APP_ID);
    form.put("is_enterprise_install", "false");
    form.put("response_url", responseUrl);
    form.put("trigger_id", triggerId());
    return form;
  }

  /** A {@code block_actions} payload for a button press, without {@code container}. */
  public static ObjectNode blockActions(String teamId, String channelId, String userId,
      String actionId, String value, String responseUrl) {
    ObjectNode payload = WebApi.JSON.createObjectNode()
        .put("type", "block_actions")
        .put("api_app_id", FakeSlack.APP_ID)
        .put("token", "verification-token-unused")
        .put("trigger_id", triggerId())
        .put("response_url", responseUrl)
        .put("is_enterprise_install", false);
    payload.putObject("team").put("id", teamId).put("domain", FakeSlack.TEAM_DOMAIN);
    payload.putObject("user")
        .put("id", userId).put("username", userId.toLowerCase()).put("name", userId.toLowerCase())
        .put("team_id", teamId);
    payload.putObject("channel").put("id", channelId).put("name", "general");
    payload.putArray("actions").addObject()
        .put("action_id", actionId)
        .put("block_id", "b-" + actionId)
        .put("value", value)
        .put("type", "button")
        .put("action_ts", "1733900000.123456")
        .putObject("text").put("type", "plain_text").put("text", actionId).put("emoji", true);
    return payload;
  }

  /**
   * A {@code view_submission}: the user submitted the modal the app opened ({@code view} as
   * {@code views.open} got it, e.g. {@code fake.calls("views.open").get(0).json("view")}), with
   * {@code values} by block id, each in a {@code plain_text_input} whose action id is {@code
   * actionId}. Send it with {@link SignedRequests#interactive} or {@link FakeSlack#sendInteractive}.
   */
  public static ObjectNode viewSubmission(String teamId, String userId, JsonNode view, String actionId,
      Map<String, String> values) {
    ObjectNode payload = WebApi.JSON.createObjectNode()
        .put("type", "view_submission")
        .put("api_app_id", FakeSlack.APP_ID)
        .put("token", "verification-token-unused")
        .put("trigger_id", triggerId())
        .put("is_enterprise_install", false);
    payload.putObject("team").put("id", teamId).put("domain", FakeSlack.TEAM_DOMAIN);
    payload.putObject("user")
        .put("id", userId).put("username", userId.toLowerCase()).put("name", userId.toLowerCase())
        .put("team_id", teamId);
    ObjectNode submitted = ((ObjectNode) view.deepCopy())
        .put("id", "V0SUBMITTED").put("team_id", teamId).put("app_id", FakeSlack.APP_ID)
        .put("bot_id", FakeSlack.BOT_ID).put("hash", "1.fake");
    ObjectNode state = submitted.putObject("state").putObject("values");
    values.forEach((block, value) -> state.putObject(block).putObject(actionId)
        .put("type", "plain_text_input").put("value", value));
    payload.set("view", submitted);
    payload.putArray("response_urls");
    return payload;
  }

  /** Marks the press as made on the channel message {@code messageTs} (container and message). */
  public static ObjectNode onMessage(ObjectNode blockActions, String messageTs) {
    String channelId = blockActions.path("channel").path("id").asText();
    blockActions.putObject("container")
        .put("type", "message").put("message_ts", messageTs).put("channel_id", channelId)
        .put("is_ephemeral", false);
    blockActions.putObject("message")
        .put("type", "message").put("user", FakeSlack.BOT_USER_ID).put("bot_id", FakeSlack.BOT_ID)
        .put("text", "").put("ts", messageTs)
        .putArray("blocks");
    return blockActions;
  }

  /** Marks the press as made on an ephemeral message: Slack then sends no {@code message}. */
  public static ObjectNode onEphemeral(ObjectNode blockActions, String messageTs) {
    String channelId = blockActions.path("channel").path("id").asText();
    blockActions.putObject("container")
        .put("type", "message").put("message_ts", messageTs).put("channel_id", channelId)
        .put("is_ephemeral", true);
    return blockActions;
  }

  /** A user's {@code message} event; {@code threadTs} null for a top-level message. */
  public static ObjectNode messageEvent(String channel, String user, String ts, String threadTs) {
    ObjectNode event = WebApi.JSON.createObjectNode()
        .put("type", "message")
        .put("channel", channel)
        .put("user", user)
        .put("text", "my answer")
        .put("ts", ts)
        .put("event_ts", ts)
        .put("channel_type", "channel");
    if (threadTs != null) {
      event.put("thread_ts", threadTs).put("parent_user_id", FakeSlack.BOT_USER_ID);
    }
    return event;
  }

  /** The {@code app_home_opened} event of {@code user} opening the Home tab. */
  public static ObjectNode appHomeOpened(String user) {
    return WebApi.JSON.createObjectNode()
        .put("type", "app_home_opened")
        .put("user", user)
        .put("channel", "D0" + user)
        .put("tab", "home")
        .put("event_ts", "1733900000.000001");
  }

  /** The {@code event_callback} wrapping {@code event}, as Slack delivers it. */
  public static ObjectNode eventCallback(String teamId, String eventId, ObjectNode event) {
    ObjectNode callback = WebApi.JSON.createObjectNode()
        .put("token", "verification-token-unused")
        .put("team_id", teamId)
        .put("api_app_id", FakeSlack.APP_ID)
        .put("type", "event_callback")
        .put("event_id", eventId)
        .put("event_time", 1_733_900_000L)
        .put("is_ext_shared_channel", false)
        .put("event_context", "4-fake-" + eventId);
    callback.set("event", event);
    callback.putArray("authorizations").addObject()
        .put("team_id", teamId)
        .put("user_id", FakeSlack.BOT_USER_ID)
        .put("is_bot", true)
        .put("is_enterprise_install", false);
    return callback;
  }

  /** The {@code url_verification} handshake Slack sends when the Request URL is saved. */
  public static ObjectNode urlVerification(String challenge) {
    return WebApi.JSON.createObjectNode()
        .put("token", "verification-token-unused")
        .put("challenge", challenge)
        .put("type", "url_verification");
  }

  private static String triggerId() {
    return "1337." + lastTrigger.incrementAndGet() + ".fake";
  }
}
