package dev.dbq.slack;

import com.slack.api.methods.MethodsClient;
import com.slack.api.methods.response.chat.ChatPostMessageResponse;
import dev.dbq.app.PlatformException;
import dev.dbq.chat.ChannelGateway;
import dev.dbq.chat.ChannelGoneException;
import dev.dbq.chat.ChannelKey;
import dev.dbq.chat.Reply;
import java.util.List;
import java.util.Map;

/**
 * Rounds into Slack: the question with {@code chat.postMessage}, its follow-ups and reveal in
 * the post's thread ({@code thread_ts} = the post's {@code ts}). A reply too long for one
 * message continues in the thread.
 */
final class SlackGateway implements ChannelGateway {

  /** chat.postMessage errors that no retry mends, and what a person does about each. */
  private static final Map<String, String> GONE = Map.of(
      "channel_not_found", "deleted, or a private channel dbq was never invited to (/invite @dbq there)",
      "is_archived", "archived (unarchive it first)");

  private final MethodsClient methods;
  private final WebApi webApi;

  SlackGateway(MethodsClient methods, WebApi webApi) {
    this.methods = methods;
    this.webApi = webApi;
  }

  @Override
  public PostedMessage post(ChannelKey channel, String postKey, Reply message) {
    List<SlackBlocks.Message> messages = SlackBlocks.messages(message);
    String ts = send(channel, null, messages.get(0));
    for (SlackBlocks.Message rest : messages.subList(1, messages.size())) {
      send(channel, ts, rest);
    }
    return new PostedMessage(ts, ts);
  }

  @Override
  public void postInThread(ChannelKey channel, String threadRef, Reply message) {
    for (SlackBlocks.Message part : SlackBlocks.messages(message)) {
      send(channel, threadRef, part);
    }
  }

  /**
   * Posts one message and returns its {@code ts}. A channel the bot is not in yet (an admin ran
   * {@code /dbq schedule set} there, which needs no membership) is joined once, so that the post
   * and the thread's message events reach it.
   */
  private String send(ChannelKey key, String threadTs, SlackBlocks.Message message) {
    String channel = key.channel();
    ChatPostMessageResponse response = postMessage(channel, threadTs, message);
    if (!response.isOk() && "not_in_channel".equals(response.getError())) {
      webApi.call("conversations.join " + channel, () -> methods.conversationsJoin(r -> r.channel(channel)));
      response = postMessage(channel, threadTs, message);
    }
    if (!response.isOk() && GONE.containsKey(response.getError())) {
      throw new ChannelGoneException(key, "Slack says " + response.getError() + ": " + GONE.get(response.getError()));
    }
    if (!response.isOk()) {
      throw new PlatformException("chat.postMessage to " + channel + " failed: " + response.getError());
    }
    return response.getTs();
  }

  private ChatPostMessageResponse postMessage(String channel, String threadTs, SlackBlocks.Message message) {
    return webApi.answer(
        "chat.postMessage to " + channel,
        () ->
            methods.chatPostMessage(r -> r
                .channel(channel)
                .threadTs(threadTs)
                .text(message.text())
                .blocks(message.blocks())
                .unfurlLinks(false)
                .unfurlMedia(false)));
  }
}
