package dev.dbq.slack;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Level;
import com.fasterxml.jackson.databind.JsonNode;
import dev.dbq.chat.Attachment;
import dev.dbq.chat.ChannelGateway;
import dev.dbq.chat.ChannelKey;
import dev.dbq.chat.Reply;
import dev.dbq.testsupport.Backend;
import dev.dbq.testsupport.CapturedLog;
import dev.dbq.testsupport.ProbeInbound;
import dev.dbq.testsupport.TestDatabase;
import dev.dbq.testsupport.TestPictures;
import dev.dbq.testsupport.slack.FakeSlack;
import dev.dbq.testsupport.slack.SignedRequests;
import dev.dbq.testsupport.slack.SlackCall;
import dev.dbq.testsupport.slack.SlackPayloads;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The outbound port on Slack beyond rounds, through the real SDK against the fake's Web API: a
 * plain message with a chart, a picture uploaded with its alt text, a private word, and a form
 * opened as a modal whose submission comes back to the core.
 */
class SlackPortsTest {

  private static final Duration WAIT = Duration.ofSeconds(10);
  private static final String CHANNEL = "C0GENERAL";
  private static final ChannelKey GENERAL = new ChannelKey("slack", FakeSlack.TEAM_ID, CHANNEL);

  private TestDatabase database;
  private SlackBot slackBot;
  private FakeSlack slack;
  private ChannelGateway gateway;

  @BeforeEach
  void start() {
    database = Backend.SQLITE.create();
    slackBot = SlackBot.overHttp(database.database(), "", Instant.parse("2026-12-04T17:30:00Z"));
    slack = slackBot.slack;
    gateway = slackBot.runtime.platforms().get(0).gateway();
  }

  @AfterEach
  void stop() throws Exception {
    slackBot.close();
    database.close();
  }

  private static Reply recap(Attachment... attachments) {
    return new Reply("Weekly recap", List.of(new Reply.Text("3 rounds, 8 answers.")), List.of(), Reply.Visibility.CHANNEL)
        .withAttachments(List.of(attachments));
  }

  @Test
  void aPlainMessageOpensNoThreadAndDrawsItsChartAsADataVisualizationBlock() {
    // WHEN a recap with a chart is posted
    String ts = gateway.postMessage(GENERAL, recap(TestPictures.answersPerDay()));

    // THEN it is one top-level message whose last block is Slack's bar chart of the numbers
    SlackCall post = slack.calls("chat.postMessage").get(0);
    assertEquals(ts, slack.messagesIn(CHANNEL).get(0).path("ts").asText());
    assertNull(post.text("thread_ts"));
    assertNull(post.text("metadata"));
    JsonNode blocks = post.json("blocks");
    JsonNode chart = blocks.get(blocks.size() - 1);
    assertEquals("data_visualization", chart.path("type").asText());
    assertEquals("Answers per round day", chart.path("title").asText());
    assertEquals("bar", chart.path("chart").path("type").asText());
    assertEquals("[\"Mon 30 Nov\",\"Tue 1 Dec\",\"Wed 2 Dec\"]", chart.path("chart").path("axis_config").path("categories").toString());
    JsonNode data = chart.path("chart").path("series").get(0).path("data");
    assertEquals("Wed 2 Dec", data.get(2).path("label").asText());
    assertEquals(5, data.get(2).path("value").asInt());
    // AND its picture is not uploaded: Slack draws the chart itself
    assertEquals(List.of(), slack.calls("files.getUploadURLExternal"));
  }

  @Test
  void aChartSlackRefusesIsLeftOutWithOneWarningAndTheMessageStillGoes() {
    // GIVEN Slack refuses the chart block
    slack.failNextWithError("chat.postMessage", "invalid_blocks");
    try (CapturedLog log = CapturedLog.of(SlackGateway.class)) {
      // WHEN the recap is posted
      gateway.postMessage(GENERAL, recap(TestPictures.answersPerDay()));

      // THEN it is posted again without the chart, once, and one warning says so
      List<SlackCall> posts = slack.calls("chat.postMessage");
      assertEquals(2, posts.size());
      assertTrue(posts.get(0).json("blocks").toString().contains("data_visualization"));
      assertFalse(posts.get(1).json("blocks").toString().contains("data_visualization"));
      assertTrue(posts.get(1).json("blocks").toString().contains("8 answers"));
      assertEquals(1, slack.messagesIn(CHANNEL).size());
      assertEquals(1, log.at(Level.WARN).size(), log.text());
      assertTrue(log.text().contains("refused the chart"), log.text());
    }
  }

  @Test
  void aPictureIsUploadedIntoTheChannelWithItsAltTextThroughTheSdksUploadFlow() {
    // WHEN a message with a picture is posted
    Attachment.Picture picture = TestPictures.picture("streaks.png", "Streak leaders: ann 5, bob 3");
    gateway.postMessage(GENERAL, recap(picture));

    // THEN the SDK asked for an upload URL with the alt text, uploaded the bytes, and shared the file here
    SlackCall asked = slack.calls("files.getUploadURLExternal").get(0);
    assertEquals("streaks.png", asked.text("filename"));
    assertEquals(String.valueOf(picture.png().length), asked.text("length"));
    assertEquals("Streak leaders: ann 5, bob 3", asked.text("alt_txt"));
    assertEquals(List.of(200), slack.calls(FakeSlack.FILE_UPLOAD).stream().map(SlackCall::status).toList());
    assertEquals(CHANNEL, slack.calls("files.completeUploadExternal").get(0).text("channel_id"));
    JsonNode shared = slack.filesIn(CHANNEL).get(0);
    assertEquals("Streak leaders: ann 5, bob 3", shared.path("alt_txt").asText());
    assertArrayEquals(picture.png(), slack.uploadedBytes(shared.path("id").asText()));
    assertFalse(shared.has("thread_ts"));
    // AND the message came first, as one top-level post
    assertEquals(1, slack.messagesIn(CHANNEL).size());
  }

  @Test
  void aPictureInAThreadPostIsSharedInThatThread() {
    gateway.postInThread(GENERAL, "1796112000.000100", Reply.text("the reveal").withAttachments(
        List.of(TestPictures.picture("plan.png", "A query plan"))));

    assertEquals("1796112000.000100", slack.filesIn(CHANNEL).get(0).path("thread_ts").asText());
  }

  @Test
  void aPrivateWordIsAnEphemeralMessageInTheChannelAndSomeoneNotThereIsSkipped() {
    // WHEN ann is reminded privately, with a picture
    boolean told = gateway.tellPrivately(GENERAL, "UANN", Reply.text("You have not answered today's question yet.")
        .withAttachments(List.of(TestPictures.picture("due.png", "Two cards due"))));

    // THEN Slack shows it to her alone in the channel, the picture named by its alt text (files are shared with all)
    assertTrue(told);
    SlackCall ephemeral = slack.calls("chat.postEphemeral").get(0);
    assertEquals(CHANNEL, ephemeral.text("channel"));
    assertEquals("UANN", ephemeral.text("user"));
    assertTrue(ephemeral.json("blocks").toString().contains("Picture: Two cards due"), ephemeral.params().toString());
    assertEquals(List.of(), slack.calls("files.getUploadURLExternal"));
    assertEquals(List.of(), slack.calls("chat.postMessage"));

    // WHEN someone who left the channel is reminded, THEN they are skipped without an error
    slack.failNextWithError("chat.postEphemeral", "user_not_in_channel");
    assertFalse(gateway.tellPrivately(GENERAL, "UGONE", Reply.text("Reminder")));
  }

  @Test
  void aFormOpensAsAModalWithTheCommandsTriggerAndItsSubmissionReachesTheCoreAndIsAnsweredPrivately()
      throws Exception {
    SignedRequests requests = slackBot.signed();
    // WHEN ann types the probe command whose answer is a form
    Map<String, String> command = SlackPayloads.slashCommand(FakeSlack.TEAM_ID, CHANNEL, "UANN", "probe-form", slack.responseUrl());
    SignedRequests.Answer ack = requests.send(SignedRequests.slashCommand(command));

    // THEN the command is acknowledged empty and the modal opens with that command's trigger
    assertEquals(200, ack.status());
    assertFalse(ack.body().contains("text"), ack.body());
    SlackCall open = slack.awaitCalls("views.open", 1, WAIT).get(0);
    assertEquals(command.get("trigger_id"), open.text("trigger_id"));
    JsonNode view = open.json("view");
    assertEquals("modal", view.path("type").asText());
    assertEquals("dbq_form:probe", view.path("callback_id").asText());
    assertEquals(CHANNEL, view.path("private_metadata").asText());
    assertEquals("Suggest a question", view.path("title").path("text").asText());
    assertEquals("title", view.path("blocks").get(0).path("block_id").asText());
    assertEquals("plain_text_input", view.path("blocks").get(1).path("element").path("type").asText());
    assertTrue(view.path("blocks").get(1).path("element").path("multiline").asBoolean());
    assertTrue(view.path("blocks").get(1).path("optional").asBoolean());

    // WHEN she fills it in and submits
    SignedRequests.Answer submitted = requests.send(SignedRequests.interactive(SlackPayloads.viewSubmission(
        FakeSlack.TEAM_ID, "UANN", view, SlackForms.ACTION_ID, Map.of("title", "What is MVCC?", "answer", "Versions")).toString()));

    // THEN the modal closes at once, the core gets her values in this channel, and she is answered privately
    assertEquals(200, submitted.status());
    ProbeInbound.Submission submission = slackBot.probe().awaitSubmission(WAIT);
    assertEquals("probe", submission.formId());
    assertEquals(GENERAL, submission.caller().channel());
    assertEquals("UANN", submission.caller().userId());
    assertEquals(Map.of("title", "What is MVCC?", "answer", "Versions"), submission.values());
    SlackCall thanks = slack.awaitCalls("chat.postEphemeral", 1, WAIT).get(0);
    assertEquals("UANN", thanks.text("user"));
    assertTrue(thanks.json("blocks").toString().contains("Thanks, What is MVCC?"), thanks.params().toString());
  }

  @Test
  void aFormSlackNoLongerOpensIsExplainedThroughTheResponseUrl() {
    // GIVEN the trigger expired before the modal was opened
    slack.failNextWithError("views.open", "expired_trigger_id");
    String responseUrl = slack.responseUrl();

    // WHEN the form is asked for
    slackBot.signed().send(SignedRequests.slashCommand(
        SlackPayloads.slashCommand(FakeSlack.TEAM_ID, CHANNEL, "UANN", "probe-form", responseUrl)));

    // THEN she is told to try again, privately
    SlackCall said = slack.awaitResponses(responseUrl, 1, WAIT).get(0);
    assertTrue(said.params().toString().contains("took too long"), said.params().toString());
    assertEquals("ephemeral", said.text("response_type"));
  }

  @Test
  void aPictureSlackRefusesLeavesThePostedMessageAsItIsWithOneWarning() {
    // GIVEN an app installed without files:write
    slack.failNextWithError("files.getUploadURLExternal", "missing_scope");
    try (CapturedLog log = CapturedLog.of(SlackGateway.class)) {
      // WHEN a message with a picture is posted, THEN the message stands and one warning names the picture
      String ts = gateway.postMessage(GENERAL, recap(TestPictures.picture("streaks.png", "Streak leaders")));

      assertEquals(ts, slack.messagesIn(CHANNEL).get(0).path("ts").asText());
      assertEquals(List.of(), slack.filesIn(CHANNEL));
      assertEquals(1, log.at(Level.WARN).size(), log.text());
      assertTrue(log.text().contains("streaks.png") && log.text().contains("missing_scope"), log.text());
    }
  }
}
