package dev.dbq.slack;

import com.slack.api.webhook.WebhookResponse;
import java.io.IOException;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Answers through a command's or an action's {@code response_url}, in order, within its limit. */
final class ResponseUrl {

  /** Slack accepts this many posts to one response_url. */
  static final int USES = 5;

  private static final Logger log = LoggerFactory.getLogger(ResponseUrl.class);

  /** One post of one message. */
  @FunctionalInterface
  interface Post {
    WebhookResponse send(SlackBlocks.Message message) throws IOException;
  }

  private ResponseUrl() {}

  /** Posts the messages one after another; stops at the first that Slack does not take. */
  static void sendAll(List<SlackBlocks.Message> messages, Post post) {
    if (messages.size() > USES) {
      log.warn("a reply of {} messages was cut to the {} a response_url takes", messages.size(), USES);
    }
    for (SlackBlocks.Message message : messages.subList(0, Math.min(messages.size(), USES))) {
      try {
        WebhookResponse sent = post.send(message);
        if (sent.getCode() != 200) {
          log.warn("response_url answered HTTP {}: {}", sent.getCode(), sent.getBody());
          return;
        }
      } catch (IOException e) {
        log.warn("response_url could not be reached: {}", e.getMessage());
        return;
      } catch (IllegalArgumentException e) {
        log.warn("response_url is not a URL the client takes: {}", e.getMessage());
        return;
      }
    }
  }
}
