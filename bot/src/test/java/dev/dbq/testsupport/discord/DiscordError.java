package dev.dbq.testsupport.discord;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** A Discord JSON error answer: HTTP status, Discord's error code and message. */
final class DiscordError extends RuntimeException {

  final int status;
  final int code;

  DiscordError(int status, int code, String message) {
    super(message, null, false, false);
    this.status = status;
    this.code = code;
  }

  static DiscordError unknownChannel() {
    return new DiscordError(404, 10003, "Unknown Channel");
  }

  static DiscordError unknownMessage() {
    return new DiscordError(404, 10008, "Unknown Message");
  }

  static DiscordError unknownInteraction() {
    return new DiscordError(404, 10062, "Unknown interaction");
  }

  /** A followup before the interaction was acknowledged: Discord knows no such webhook yet. */
  static DiscordError unknownWebhookBeforeAck() {
    return new DiscordError(404, 10015, "Unknown Webhook");
  }

  ObjectNode body() {
    return Payloads.object().put("message", getMessage()).put("code", code);
  }
}
