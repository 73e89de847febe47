package dev.dbq.slack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dbq.app.PlatformException;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SlackSettingsTest {

  private static final String BOT = "xoxb-1-secret-bot";
  private static final String SECRET = "signing-secret-value";
  private static final String APP = "xapp-1-secret-app";

  @Test
  void noSlackVariableMeansNoSlack() {
    assertEquals(Optional.empty(), SlackSettings.fromEnvironment(Map.of("PATH", "/bin")));
  }

  @Test
  void aBotTokenWithASigningSecretIsHttpModeOnSlacksOwnApi() {
    SlackSettings settings = SlackSettings.fromEnvironment(Map.of("SLACK_BOT_TOKEN", BOT, "SLACK_SIGNING_SECRET", SECRET)).orElseThrow();

    assertFalse(settings.socketMode());
    assertEquals("https://slack.com/api/", settings.apiUrl());
  }

  @Test
  void anAppTokenMeansSocketModeAndTheApiUrlGetsItsSlash() {
    SlackSettings settings = SlackSettings.fromEnvironment(
        Map.of("SLACK_BOT_TOKEN", BOT, "SLACK_APP_TOKEN", APP, "SLACK_API_URL", "http://127.0.0.1:9/api")).orElseThrow();

    assertTrue(settings.socketMode());
    assertEquals("http://127.0.0.1:9/api/", settings.apiUrl());
  }

  @Test
  void aPartialSetNamesTheMissingVariable() {
    assertEquals(
        "Slack: SLACK_SIGNING_SECRET is missing (SLACK_BOT_TOKEN is set; set SLACK_SIGNING_SECRET for HTTP mode, or SLACK_APP_TOKEN for Socket Mode)",
        failure(Map.of("SLACK_BOT_TOKEN", BOT)));
    assertEquals(
        "Slack: SLACK_BOT_TOKEN is missing (SLACK_SIGNING_SECRET is set; Slack needs the bot token too)",
        failure(Map.of("SLACK_SIGNING_SECRET", SECRET)));
    assertEquals(
        "Slack: SLACK_BOT_TOKEN is missing (SLACK_APP_TOKEN is set; Slack needs the bot token too)",
        failure(Map.of("SLACK_APP_TOKEN", APP, "SLACK_BOT_TOKEN", "  ")));
  }

  @Test
  void aBadApiUrlIsOneLineNamingTheVariable() {
    String message = failure(Map.of("SLACK_BOT_TOKEN", BOT, "SLACK_SIGNING_SECRET", SECRET, "SLACK_API_URL", "not a url"));

    assertTrue(message.startsWith("SLACK_API_URL "), message);
    assertFalse(message.contains("\n"));
    assertTrue(failure(Map.of("SLACK_BOT_TOKEN", BOT, "SLACK_SIGNING_SECRET", SECRET, "SLACK_API_URL", "ftp://x/"))
        .startsWith("SLACK_API_URL must be an http(s) URL"));
  }

  @Test
  void noSecretAppearsInItsDescription() {
    String described = SlackSettings.fromEnvironment(
        Map.of("SLACK_BOT_TOKEN", BOT, "SLACK_SIGNING_SECRET", SECRET, "SLACK_APP_TOKEN", APP)).orElseThrow().toString();

    for (String secret : new String[] {BOT, SECRET, APP}) {
      assertFalse(described.contains(secret), described);
    }
  }

  private static String failure(Map<String, String> env) {
    return assertThrows(PlatformException.class, () -> SlackSettings.fromEnvironment(env)).getMessage();
  }
}
