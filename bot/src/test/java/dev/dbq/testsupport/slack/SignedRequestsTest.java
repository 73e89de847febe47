package dev.dbq.testsupport.slack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.slack.api.Slack;
import com.slack.api.SlackConfig;
import com.slack.api.bolt.App;
import com.slack.api.bolt.AppConfig;
import com.slack.api.bolt.jakarta_servlet.SlackAppServlet;
import dev.dbq.testsupport.slack.SignedRequests.Answer;
import dev.dbq.testsupport.slack.SignedRequests.Signature;
import java.net.URI;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Requests built by {@link SignedRequests} are what the real Bolt servlet accepts, or refuses. */
class SignedRequestsTest {

  private final FakeSlack fake = FakeSlack.start();
  private final List<String> seen = new CopyOnWriteArrayList<>();
  private Slack slackClient;
  private Server server;
  private SignedRequests slack;

  @BeforeEach
  void startBoltOverHttp() throws Exception {
    SlackConfig config = new SlackConfig();
    config.setMethodsEndpointUrlPrefix(fake.apiUrl());
    slackClient = Slack.getInstance(config);
    App app = new App(AppConfig.builder()
        .slack(slackClient)
        .singleTeamBotToken(FakeSlack.BOT_TOKEN)
        .signingSecret(SignedRequests.SIGNING_SECRET)
        .build());
    ProbeApp.addProbeHandlers(app, seen);
    server = new Server();
    ServerConnector connector = new ServerConnector(server);
    connector.setHost("127.0.0.1");
    server.addConnector(connector);
    ServletContextHandler context = new ServletContextHandler();
    context.addServlet(new ServletHolder(new SlackAppServlet(app)), "/slack/events");
    server.setHandler(context);
    server.start();
    URI events = URI.create("http://127.0.0.1:" + connector.getLocalPort() + "/slack/events");
    slack = new SignedRequests(events, SignedRequests.SIGNING_SECRET);
  }

  @AfterEach
  void stop() throws Exception {
    server.stop();
    slackClient.close();
    fake.close();
  }

  private SignedRequests.SignedRequest helpCommand() {
    return SignedRequests.slashCommand(
        SlackPayloads.slashCommand(FakeSlack.TEAM_ID, "C1", "U1", "help", fake.responseUrl()));
  }

  @Test
  void aSignedSlashCommandIsAnsweredInTheHttpResponse() {
    Answer answer = slack.send(helpCommand());

    assertEquals(200, answer.status());
    assertTrue(answer.body().contains("You asked: help"), answer.body());
  }

  @ParameterizedTest
  @EnumSource(value = Signature.class, names = {"WRONG_SECRET", "EXPIRED", "MISSING"})
  void aBadlySignedRequestIsRefused(Signature signature) {
    Answer answer = slack.send(helpCommand().signed(signature));

    assertEquals(401, answer.status());
  }

  @Test
  void boltChecksOnlyTheAgeOfATimestampSoAFutureOneIsAccepted() {
    Answer answer = slack.send(helpCommand().signed(Signature.FUTURE));

    assertEquals(200, answer.status());
  }

  @Test
  void theUrlVerificationHandshakeEchoesTheChallenge() {
    Answer answer =
        slack.send(SignedRequests.event(SlackPayloads.urlVerification("c-42").toString()));

    assertEquals(200, answer.status());
    assertTrue(answer.body().contains("c-42"), answer.body());
  }

  @Test
  void aButtonPressAndARetriedEventReachTheirHandlers() {
    Answer press = slack.send(SignedRequests.interactive(SlackPayloads.onEphemeral(
        SlackPayloads.blockActions(FakeSlack.TEAM_ID, "C1", "U1", "reveal", "q-1",
            fake.responseUrl()), "1733900000.000100").toString()));
    Answer event = slack.send(SignedRequests.event(SlackPayloads.eventCallback(FakeSlack.TEAM_ID,
        "Ev1", SlackPayloads.messageEvent("C1", "U1", "1733900001.000200", "1733900000.000100"))
        .toString()).retry(1, "http_timeout"));

    assertEquals(200, press.status());
    assertEquals(200, event.status());
    assertEquals(List.of("reveal:q-1", "message:U1 retry:1/http_timeout"), seen);
  }
}
