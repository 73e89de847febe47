package dev.dbq.slack;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Whether a signed body has a shape Bolt's parser handles: Events API JSON, a slash command's
 * form, an interactivity {@code payload=} form field, or Slack's {@code ssl_check}. Bolt throws
 * on the others (an HTTP 500) or logs them whole at WARN; they get a 400 here instead, with a
 * one-line reason that quotes nothing of the body.
 */
final class SlackBodies {

  /** What Bolt 1.47's SlackRequestParser dispatches on ({@code type}). */
  private static final Set<String> EVENTS_API_TYPES = Set.of("event_callback", "url_verification");
  private static final Set<String> PAYLOAD_TYPES = Set.of(
      "block_actions", "interactive_message", "block_suggestion", "shortcut", "message_action",
      "dialog_cancellation", "dialog_submission", "dialog_suggestion", "view_submission",
      "view_closed", "workflow_step_edit", "event_callback", "url_verification");

  private static final ObjectMapper JSON = new ObjectMapper();

  private SlackBodies() {}

  /** Why Bolt could not take {@code body}, or empty when it can. */
  static Optional<String> problem(String body) {
    String trimmed = body.strip();
    if (trimmed.isEmpty()) {
      return Optional.of("empty body");
    }
    if (trimmed.charAt(0) == '{' || trimmed.charAt(0) == '[') {
      return typed(trimmed, EVENTS_API_TYPES, "JSON body");
    }
    Map<String, String> form = form(trimmed);
    if (form == null) {
      return Optional.of("neither JSON nor form-encoded");
    }
    if (form.containsKey("payload")) {
      return typed(form.get("payload"), PAYLOAD_TYPES, "payload");
    }
    if (form.containsKey("command") || "1".equals(form.get("ssl_check"))) {
      return Optional.empty();
    }
    return Optional.of("neither a command nor a payload");
  }

  private static Optional<String> typed(String json, Set<String> types, String what) {
    JsonNode node;
    try {
      node = JSON.readTree(json);
    } catch (JsonProcessingException e) {
      return Optional.of(what + " is not JSON");
    }
    if (node == null || !node.isObject()) {
      return Optional.of(what + " is not a JSON object");
    }
    if (!node.path("type").isTextual() || !types.contains(node.get("type").asText())) {
      return Optional.of(what + " has no type Slack sends");
    }
    // Bolt reads these without looking first.
    String type = node.get("type").asText();
    if (type.equals("event_callback") && !node.path("event").path("type").isTextual()) {
      return Optional.of(what + " has no event type");
    }
    if (type.equals("view_submission") && !node.path("view").path("type").isTextual()) {
      return Optional.of(what + " has no view type");
    }
    return Optional.empty();
  }

  /** The form's fields as Bolt reads them (a field it cannot split is skipped), or null when undecodable. */
  private static Map<String, String> form(String body) {
    Map<String, String> fields = new HashMap<>();
    for (String pair : body.split("&")) {
      String[] parts = pair.split("=");
      if (parts.length != 2) {
        continue;
      }
      try {
        fields.putIfAbsent(URLDecoder.decode(parts[0].strip().replaceAll("\\n+", ""), StandardCharsets.UTF_8),
            URLDecoder.decode(parts[1], StandardCharsets.UTF_8));
      } catch (IllegalArgumentException e) {
        return null; // a broken %-escape: Bolt's decoder would throw
      }
    }
    return fields;
  }
}
