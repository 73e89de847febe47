package dev.dbq.testsupport.discord;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;

/**
 * An interaction the fake sent to the bot; waits for what the bot answered to it.
 *
 * <p>{@link #awaitCallback} returns the body of {@code POST interactions/{id}/{token}/callback}:
 * {@code type} (4 message, 5 deferred, 6 deferred update, 7 update, 8 autocomplete choices) and
 * {@code data} ({@code content}, {@code embeds}, {@code components}, {@code flags} — 64 is
 * ephemeral — {@code allowed_mentions}, {@code choices}).
 */
public final class FakeInteraction {

  private final FakeDiscord discord;
  private final String id;
  private final String token;
  private final JsonNode payload;

  FakeInteraction(FakeDiscord discord, String id, String token, JsonNode payload) {
    this.discord = discord;
    this.id = id;
    this.token = token;
    this.payload = payload;
  }

  public String id() {
    return id;
  }

  /** The INTERACTION_CREATE payload as sent. */
  public JsonNode payload() {
    return payload;
  }

  /** The callback's body (the first accepted one; a refused second ack is recorded too). */
  public JsonNode awaitCallback(Duration timeout) {
    return discord.awaitRequest("POST", callbackPath(), timeout).body();
  }

  /** The first callback Discord accepted (2xx): the interaction was answered. */
  public RecordedRequest awaitAcceptedCallback(Duration timeout) {
    return discord.awaitAccepted("POST", callbackPath(), timeout);
  }

  /** The body of the n-th (from 1) edit of the original response ({@code @original}). */
  public JsonNode awaitOriginalEdit(int nth, Duration timeout) {
    return discord.awaitRequests("PATCH", webhookPath() + "/messages/@original", nth, timeout)
        .get(nth - 1).body();
  }

  /** The body of the n-th (from 1) followup message. */
  public JsonNode awaitFollowup(int nth, Duration timeout) {
    return discord.awaitRequests("POST", webhookPath(), nth, timeout).get(nth - 1).body();
  }

  /** The reply's message as Discord would show it now (after callback and edits), as JSON. */
  public JsonNode originalMessage() {
    return discord.state().webhookMessage(token, "@original");
  }

  private String callbackPath() {
    return "interactions/" + id + "/" + java.util.regex.Pattern.quote(token) + "/callback";
  }

  private String webhookPath() {
    return "webhooks/\\d+/" + java.util.regex.Pattern.quote(token);
  }
}
