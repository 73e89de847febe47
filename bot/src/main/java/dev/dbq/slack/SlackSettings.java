package dev.dbq.slack;

import dev.dbq.app.PlatformException;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Map;
import java.util.Optional;

/**
 * Slack's settings from the environment. Its {@link #toString()} names the mode and the API
 * address only: tokens and the signing secret never reach a log or a message.
 *
 * @param signingSecret null in Socket Mode, where requests come over the app's own socket
 * @param appToken null in HTTP mode
 * @param apiUrl the Web API base, ending in {@code /}
 */
public record SlackSettings(String botToken, String signingSecret, String appToken, String apiUrl) {

  public static final String BOT_TOKEN = "SLACK_BOT_TOKEN";
  public static final String SIGNING_SECRET = "SLACK_SIGNING_SECRET";
  public static final String APP_TOKEN = "SLACK_APP_TOKEN";
  public static final String API_URL = "SLACK_API_URL";
  public static final String DEFAULT_API_URL = "https://slack.com/api/";

  /** Socket Mode when an app-level token is set, else HTTP mode. */
  public boolean socketMode() {
    return appToken != null;
  }

  /**
   * The settings when any Slack credential is set; empty when none is.
   *
   * @throws PlatformException naming the missing or bad variable when the set is incomplete
   */
  public static Optional<SlackSettings> fromEnvironment(Map<String, String> env) {
    String bot = value(env, BOT_TOKEN);
    String secret = value(env, SIGNING_SECRET);
    String app = value(env, APP_TOKEN);
    if (bot == null && secret == null && app == null) {
      return Optional.empty();
    }
    if (bot == null) {
      throw new PlatformException(
          "Slack: " + BOT_TOKEN + " is missing (" + (app != null ? APP_TOKEN : SIGNING_SECRET)
              + " is set; Slack needs the bot token too)");
    }
    if (secret == null && app == null) {
      throw new PlatformException(
          "Slack: " + SIGNING_SECRET + " is missing (" + BOT_TOKEN + " is set; set " + SIGNING_SECRET
              + " for HTTP mode, or " + APP_TOKEN + " for Socket Mode)");
    }
    return Optional.of(new SlackSettings(bot, app != null ? null : secret, app, apiUrl(value(env, API_URL))));
  }

  private static String apiUrl(String configured) {
    if (configured == null) {
      return DEFAULT_API_URL;
    }
    try {
      URI uri = new URI(configured);
      String scheme = uri.getScheme();
      if (uri.getHost() == null || scheme == null || !(scheme.equals("http") || scheme.equals("https"))) {
        throw new PlatformException(API_URL + " must be an http(s) URL such as " + DEFAULT_API_URL + ", not '" + configured + "'");
      }
    } catch (URISyntaxException e) {
      throw new PlatformException(API_URL + " is not a URL: '" + configured + "' (" + e.getReason() + ")");
    }
    return configured.endsWith("/") ? configured : configured + "/";
  }

  private static String value(Map<String, String> env, String name) {
    String value = env.get(name);
    return value == null || value.isBlank() ? null : value.strip();
  }

  @Override
  public String toString() {
    return "Slack " + (socketMode() ? "Socket Mode" : "HTTP mode") + " via " + apiUrl;
  }
}
