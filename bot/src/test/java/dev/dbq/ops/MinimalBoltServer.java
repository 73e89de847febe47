package dev.dbq.ops;

import com.slack.api.Slack;
import com.slack.api.SlackConfig;
import com.slack.api.app_backend.slash_commands.response.SlashCommandResponse;
import com.slack.api.bolt.App;
import com.slack.api.bolt.AppConfig;
import com.slack.api.bolt.jakarta_servlet.SlackAppServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;

/**
 * The baseline for dbq's Slack endpoint: the least a Bolt app on Jetty 12 can be. It checks the
 * token once ({@code auth.test}, as dbq does), then serves {@code /slack/events} by acking every
 * {@code /dbq} with a fixed 2 KB reply, and {@code /healthz}. Run in-process by the slash-command
 * benchmark, or as its own process ({@link #main}) by the start-up benchmark.
 */
public final class MinimalBoltServer implements AutoCloseable {

  static final String REPLY = "x".repeat(2048);

  private final Server server;
  private final Slack slack;
  private final int port;

  private MinimalBoltServer(Server server, Slack slack, int port) {
    this.server = server;
    this.slack = slack;
    this.port = port;
  }

  public static MinimalBoltServer start(int port, String apiUrl, String botToken, String signingSecret) throws Exception {
    SlackConfig config = new SlackConfig();
    config.setMethodsEndpointUrlPrefix(apiUrl);
    config.setStatsEnabled(false);
    Slack slack = Slack.getInstance(config);
    slack.methods(botToken).authTest(r -> r);
    App app = new App(AppConfig.builder().slack(slack).singleTeamBotToken(botToken).signingSecret(signingSecret).build());
    app.command("/dbq", (request, context) ->
        context.ack(SlashCommandResponse.builder().responseType("ephemeral").text(REPLY).build()));
    Server server = new Server();
    ServerConnector connector = new ServerConnector(server);
    connector.setHost("127.0.0.1");
    connector.setPort(port);
    server.addConnector(connector);
    ServletContextHandler context = new ServletContextHandler();
    context.addServlet(new ServletHolder(new SlackAppServlet(app)), "/slack/events");
    context.addServlet(new ServletHolder(new Ok()), "/healthz");
    server.setHandler(context);
    server.start();
    return new MinimalBoltServer(server, slack, connector.getLocalPort());
  }

  public int port() {
    return port;
  }

  public String eventsUrl() {
    return "http://127.0.0.1:" + port + "/slack/events";
  }

  @Override
  public void close() throws Exception {
    server.stop();
    slack.close();
  }

  /** {@code PORT API_URL} with the token and signing secret in SLACK_BOT_TOKEN and SLACK_SIGNING_SECRET. */
  public static void main(String[] args) throws Exception {
    start(Integer.parseInt(args[0]), args[1], System.getenv("SLACK_BOT_TOKEN"), System.getenv("SLACK_SIGNING_SECRET"));
  }

  private static final class Ok extends HttpServlet {
    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
      response.setContentType("text/plain");
      response.getWriter().write("ok");
    }
  }
}
