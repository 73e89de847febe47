package dev.dbq.slack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.dbq.app.Bot;
import dev.dbq.app.BotRuntime;
import dev.dbq.app.HttpRoutes;
import dev.dbq.app.PlatformException;
import dev.dbq.config.ConfigLoader;
import dev.dbq.config.DbqConfig;
import dev.dbq.testsupport.Backend;
import dev.dbq.testsupport.TestBanks;
import dev.dbq.testsupport.TestDatabase;
import dev.dbq.testsupport.slack.FakeSlack;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SlackStartTest {

  private FakeSlack slack;
  private TestDatabase database;

  @BeforeEach
  void start() {
    slack = FakeSlack.start();
    database = Backend.SQLITE.create();
  }

  @AfterEach
  void stop() throws Exception {
    database.close();
    slack.close();
  }

  @Test
  void aRefusedBotTokenStopsTheStartWithOneLine() {
    slack.failNextWithError("auth.test", "invalid_auth");

    assertEquals("Slack: SLACK_BOT_TOKEN was not accepted (auth.test: invalid_auth)",
        startFailure(Map.of("SLACK_BOT_TOKEN", FakeSlack.BOT_TOKEN, "SLACK_SIGNING_SECRET", "s", "SLACK_API_URL", slack.apiUrl())));
  }

  @Test
  void aRefusedAppTokenStopsTheStartWithOneLine() {
    slack.failNextWithError("apps.connections.open", "invalid_auth");

    assertEquals("Slack: SLACK_APP_TOKEN was not accepted (apps.connections.open: invalid_auth)",
        startFailure(Map.of("SLACK_BOT_TOKEN", FakeSlack.BOT_TOKEN, "SLACK_APP_TOKEN", FakeSlack.APP_TOKEN, "SLACK_API_URL", slack.apiUrl())));
  }

  @Test
  void anUnreachableApiNamesTheVariableAndNoToken() {
    String message = startFailure(Map.of("SLACK_BOT_TOKEN", FakeSlack.BOT_TOKEN, "SLACK_SIGNING_SECRET", "s", "SLACK_API_URL", "http://127.0.0.1:9/api/"));

    assertEquals("Slack cannot be reached at http://127.0.0.1:9/api/ (SLACK_API_URL): auth.test failed: Failed to connect to /127.0.0.1:9", message);
  }

  private String startFailure(Map<String, String> env) {
    DbqConfig config = new ConfigLoader(Map.of()).parse("test.yml", "");
    SlackPlatform platform = new SlackPlatform(SlackSettings.fromEnvironment(env).orElseThrow(), Clock.systemUTC(), wait -> {});
    Bot bot = new Bot(database.database(), config, TestBanks.library(), BotRuntime.router(List.of(platform)), Clock.systemUTC(), new SplittableRandom(1));
    try {
      return assertThrows(PlatformException.class, () -> BotRuntime.start(bot, List.of(platform), HttpRoutes.NONE)).getMessage();
    } finally {
      platform.close();
    }
  }
}
