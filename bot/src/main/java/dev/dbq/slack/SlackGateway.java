package dev.dbq.slack;

import com.slack.api.methods.MethodsClient;
import com.slack.api.methods.SlackFilesUploadV2Exception;
import com.slack.api.methods.response.chat.ChatPostEphemeralResponse;
import com.slack.api.methods.response.chat.ChatPostMessageResponse;
import com.slack.api.methods.response.conversations.ConversationsHistoryResponse;
import com.slack.api.model.Message;
import dev.dbq.app.PlatformException;
import dev.dbq.chat.Attachment;
import dev.dbq.chat.ChannelGateway;
import dev.dbq.chat.ChannelGoneException;
import dev.dbq.chat.ChannelKey;
import dev.dbq.chat.Lane;
import dev.dbq.chat.RateLimitedException;
import dev.dbq.chat.Reply;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The core's messages into Slack: a round with {@code chat.postMessage}, its follow-ups and
 * reveal in the post's thread ({@code thread_ts} = the post's {@code ts}; a reply too long for
 * one message continues in the thread); a plain message to the channel; a private word with
 * {@code chat.postEphemeral}. Charts go as {@code data_visualization} blocks (Slack refusing
 * them with {@code invalid_blocks}: the message goes without, with one warning); pictures are
 * uploaded after the message into the same channel or thread with the SDK's {@code
 * filesUploadV2} ({@code files.getUploadURLExternal} with the alt text, the upload, {@code
 * files.completeUploadExternal}).
 *
 * <p>Slack takes no idempotency key, so a round's post carries its key in the message's {@code
 * metadata} ({@code event_type} {@value #EVENT_TYPE}, {@code event_payload} {@code
 * {"round_key": …}}), and {@link #findPost} looks for it with {@code conversations.history}
 * before the core posts the round again. For the same reason a 5xx on that post is not retried
 * here (Slack may have posted before failing): the core retries it after looking. Nor is its 429
 * waited out here: it is raised ({@link RateLimitedException}, the channel's limit), so that the
 * core posts other channels meanwhile. Channels of one workspace share a {@link Lane} {@value
 * #WORKSPACE_WIDTH} wide.
 */
final class SlackGateway implements ChannelGateway {

  /** The {@code event_type} of a round's metadata. */
  static final String EVENT_TYPE = "dbq_round";
  /** The {@code event_payload} field holding the round's key. */
  static final String KEY_FIELD = "round_key";
  /** How much earlier than the claim the search starts: Slack's clock and ours may differ a little. */
  static final Duration CLOCK_SKEW = Duration.ofMinutes(5);
  /** Messages per {@code conversations.history} page, and pages read at most (then it cannot say). */
  static final int PAGE = 200;
  static final int MOST_PAGES = 10;

  /** conversations.history errors that mean the bot cannot have posted there. */
  private static final Set<String> NEVER_POSTED = Set.of("channel_not_found", "not_in_channel");

  private static final Logger log = LoggerFactory.getLogger(SlackGateway.class);

  /** chat.postEphemeral errors that mean this person cannot see a private word in this channel. */
  private static final Set<String> NOT_REACHABLE_PRIVATELY = Set.of("user_not_in_channel", "user_not_found");

  /** chat.postMessage errors that no retry mends, and what a person does about each. */
  private static final Map<String, String> GONE = Map.of(
      "channel_not_found", "deleted, or a private channel dbq was never invited to (/invite @dbq there)",
      "is_archived", "archived (unarchive it first)");

  /**
   * A workspace's posts in flight at once. Slack limits posting per channel (about one a second)
   * and per workspace (several hundred a minute): a handful in flight keeps within both.
   */
  static final int WORKSPACE_WIDTH = 16;

  private final MethodsClient methods;
  private final WebApi webApi;

  SlackGateway(MethodsClient methods, WebApi webApi) {
    this.methods = methods;
    this.webApi = webApi;
  }

  /** Every channel of a workspace shares its limits. */
  @Override
  public Lane lane(ChannelKey channel) {
    return new Lane("slack:" + channel.workspace(), WORKSPACE_WIDTH);
  }

  @Override
  public PostedMessage post(ChannelKey channel, String postKey, Reply message) {
    List<SlackBlocks.Message> messages = SlackBlocks.messages(message);
    String ts = send(channel, null, messages.get(0), postKey);
    for (SlackBlocks.Message rest : messages.subList(1, messages.size())) {
      send(channel, ts, rest, null);
    }
    upload(channel, ts, message); // in the round's thread, as its other parts
    return new PostedMessage(ts, ts);
  }

  @Override
  public void postInThread(ChannelKey channel, String threadRef, Reply message) {
    for (SlackBlocks.Message part : SlackBlocks.messages(message)) {
      send(channel, threadRef, part, null);
    }
    upload(channel, threadRef, message);
  }

  /** Every part at the channel's top level, then the pictures; the first part's {@code ts}. */
  @Override
  public String postMessage(ChannelKey channel, Reply message) {
    String first = null;
    for (SlackBlocks.Message part : SlackBlocks.messages(message)) {
      String ts = send(channel, null, part, null);
      first = first == null ? ts : first;
    }
    upload(channel, null, message);
    return first;
  }

  /**
   * {@code chat.postEphemeral} in the channel: Slack shows it to the user alone, until they
   * reload. A file cannot be shared with one person in a channel, so a picture is named by its
   * alt text; charts are drawn. A person not in the channel ({@code user_not_in_channel}) cannot
   * see it there, and is skipped.
   */
  @Override
  public boolean tellPrivately(ChannelKey key, String userId, Reply message) {
    String channel = key.channel();
    for (SlackBlocks.Message part : SlackBlocks.messages(SlackBlocks.describingPictures(message))) {
      ChatPostEphemeralResponse response = postEphemeral(channel, userId, part);
      if (!response.isOk() && "invalid_blocks".equals(response.getError()) && SlackBlocks.hasCharts(part)) {
        chartsRefused(key);
        Optional<SlackBlocks.Message> rest = SlackBlocks.withoutCharts(part);
        if (rest.isEmpty()) {
          continue;
        }
        response = postEphemeral(channel, userId, rest.get());
      }
      if (!response.isOk() && NOT_REACHABLE_PRIVATELY.contains(response.getError())) {
        log.debug("{}: {} cannot be told privately there (chat.postEphemeral: {}); skipped", key, userId, response.getError());
        return false;
      }
      if (!response.isOk() && GONE.containsKey(response.getError())) {
        throw new ChannelGoneException(key, "Slack says " + response.getError() + ": " + GONE.get(response.getError()));
      }
      if (!response.isOk()) {
        throw new PlatformException("chat.postEphemeral to " + userId + " in " + channel + " failed: " + response.getError());
      }
    }
    return true;
  }

  private ChatPostEphemeralResponse postEphemeral(String channel, String userId, SlackBlocks.Message message) {
    return webApi.answer("chat.postEphemeral to " + userId + " in " + channel, () -> methods.chatPostEphemeral(r -> r
        .channel(channel)
        .user(userId)
        .text(message.text())
        .blocks(message.blocks())));
  }

  /**
   * Uploads the reply's pictures into the channel (or thread), one file each, titled by its
   * name and described by its alt text. The message is already posted: a picture Slack refuses
   * (a missing {@code files:write} scope, an outage) is one warning, not a failed post that the
   * core would post again. Not retried after a 5xx: Slack may have shared it.
   */
  private void upload(ChannelKey key, String threadTs, Reply message) {
    for (Attachment attachment : message.attachments()) {
      if (!(attachment instanceof Attachment.Picture picture)) {
        continue; // a chart was drawn from its numbers
      }
      String what = "files.uploadV2 of " + picture.fileName() + " to " + key.channel();
      try {
        webApi.answerRetryingRateLimitsOnly(what, () -> methods.filesUploadV2(r -> r
            .channel(key.channel())
            .threadTs(threadTs)
            .filename(picture.fileName())
            .title(picture.fileName())
            .altTxt(picture.altText())
            .fileData(picture.png())));
      } catch (SlackFilesUploadV2Exception refused) {
        log.warn("{}: the picture {} was not shared ({} failed: {}); the message went without it",
            key, picture.fileName(), what, uploadError(refused));
      } catch (PlatformException e) {
        log.warn("{}: the picture {} was not shared ({}); the message went without it", key, picture.fileName(), e.getMessage());
      }
    }
  }

  /** Slack's error from whichever step of the upload refused it. */
  private static String uploadError(SlackFilesUploadV2Exception refused) {
    if (refused.getCompleteResponse() != null) {
      return "files.completeUploadExternal: " + refused.getCompleteResponse().getError();
    }
    if (!refused.getUploadResponses().isEmpty()) {
      return "the upload answered HTTP " + refused.getUploadResponses().values().iterator().next().getCode();
    }
    return refused.getGetURLResponses().stream().map(r -> "files.getUploadURLExternal: " + r.getError())
        .findFirst().orElse("no answer");
  }

  /** One warning per refusal: the message still goes, without its chart. */
  private static void chartsRefused(ChannelKey key) {
    log.warn("{}: Slack refused the chart (invalid_blocks: data_visualization); sent without it", key);
  }

  /**
   * The round's message posted earlier with this key, if Slack has it: its metadata is searched
   * among the channel's messages since a little before {@code since}, newest first.
   */
  @Override
  public Optional<PostedMessage> findPost(ChannelKey key, String postKey, Instant since) {
    String channel = key.channel();
    String oldest = ts(since.minus(CLOCK_SKEW));
    String cursor = null;
    for (int page = 0; page < MOST_PAGES; page++) {
      String from = cursor;
      ConversationsHistoryResponse history = webApi.answer(
          "conversations.history of " + channel,
          () -> methods.conversationsHistory(r -> r
              .channel(channel)
              .oldest(oldest)
              .inclusive(true)
              .includeAllMetadata(true)
              .limit(PAGE)
              .cursor(from)));
      if (!history.isOk()) {
        return notFound(key, postKey, history.getError());
      }
      for (Message message : history.getMessages() == null ? List.<Message>of() : history.getMessages()) {
        if (carries(message, postKey)) {
          return Optional.of(new PostedMessage(message.getTs(), message.getTs()));
        }
      }
      cursor = history.getResponseMetadata() == null ? null : history.getResponseMetadata().getNextCursor();
      if (!history.isHasMore() || cursor == null || cursor.isEmpty()) {
        return Optional.empty();
      }
    }
    throw new PlatformException("conversations.history of " + channel + ": more than " + PAGE * MOST_PAGES
        + " messages since " + oldest + " and none is " + postKey + "; not sure it was never posted");
  }

  /**
   * Empty where the bot cannot have posted; a missing scope (an app installed before dbq needed
   * channels:history) cannot look, so the round is posted again as before, with a warning.
   */
  private static Optional<PostedMessage> notFound(ChannelKey key, String postKey, String error) {
    if (NEVER_POSTED.contains(error)) {
      return Optional.empty();
    }
    if ("missing_scope".equals(error)) {
      log.warn("{}: cannot check whether {} was posted before (conversations.history: missing_scope); posting it"
          + " again, which may show it twice. Reinstall the app with channels:history and groups:history"
          + " (config/slack-app-manifest.yml)", key, postKey);
      return Optional.empty();
    }
    throw new PlatformException("conversations.history of " + key.channel() + " failed: " + error);
  }

  private static boolean carries(Message message, String postKey) {
    Message.Metadata metadata = message.getMetadata();
    return metadata != null
        && EVENT_TYPE.equals(metadata.getEventType())
        && metadata.getEventPayload() != null
        && postKey.equals(String.valueOf(metadata.getEventPayload().get(KEY_FIELD)));
  }

  /** Slack's {@code ts} form of an instant: seconds and microseconds. */
  static String ts(Instant instant) {
    return String.format("%d.%06d", instant.getEpochSecond(), instant.getNano() / 1000);
  }

  /**
   * Posts one message and returns its {@code ts}. A channel the bot is not in yet (an admin ran
   * {@code /dbq schedule set} there, which needs no membership) is joined once, so that the post
   * and the thread's message events reach it.
   *
   * @param postKey the round's key, for its metadata (and then a 5xx is not retried); null for none
   */
  private String send(ChannelKey key, String threadTs, SlackBlocks.Message message, String postKey) {
    String channel = key.channel();
    ChatPostMessageResponse response = postMessage(channel, threadTs, message, postKey);
    if (!response.isOk() && "invalid_blocks".equals(response.getError()) && SlackBlocks.hasCharts(message)) {
      chartsRefused(key);
      Optional<SlackBlocks.Message> rest = SlackBlocks.withoutCharts(message);
      if (rest.isEmpty()) {
        return threadTs; // nothing but the chart: nothing to post
      }
      return send(key, threadTs, rest.get(), postKey);
    }
    if (!response.isOk() && "not_in_channel".equals(response.getError())) {
      webApi.call("conversations.join " + channel, () -> methods.conversationsJoin(r -> r.channel(channel)));
      response = postMessage(channel, threadTs, message, postKey);
    }
    if (!response.isOk() && GONE.containsKey(response.getError())) {
      throw new ChannelGoneException(key, "Slack says " + response.getError() + ": " + GONE.get(response.getError()));
    }
    if (!response.isOk()) {
      throw new PlatformException("chat.postMessage to " + channel + " failed: " + response.getError());
    }
    return response.getTs();
  }

  private ChatPostMessageResponse postMessage(String channel, String threadTs, SlackBlocks.Message message, String postKey) {
    String what = "chat.postMessage to " + channel;
    WebApi.Call<ChatPostMessageResponse> call = () -> methods.chatPostMessage(r -> r
        .channel(channel)
        .threadTs(threadTs)
        .text(message.text())
        .blocks(message.blocks())
        .metadata(postKey == null ? null : metadata(postKey))
        .unfurlLinks(false)
        .unfurlMedia(false));
    // A round's post (it has a key) is made by the core's fan-out, which waits out a 429 itself.
    return postKey == null ? webApi.answer(what, call) : webApi.answerRaisingRateLimits(what, call);
  }

  private static Message.Metadata metadata(String postKey) {
    return Message.Metadata.builder().eventType(EVENT_TYPE).eventPayload(Map.of(KEY_FIELD, postKey)).build();
  }
}
