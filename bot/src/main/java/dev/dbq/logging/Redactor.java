package dev.dbq.logging;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Masks secrets in text bound for a log or a person: the exact values of the secret
 * environment variables, anything shaped like a Slack or Discord token, and passwords in URLs
 * however they are written. The last line of defence: code should not log secrets at all.
 */
public final class Redactor {

  static final String MASK = "****";

  /** The environment variables whose values are secrets. */
  public static final List<String> SECRET_VARIABLES =
      List.of("SLACK_BOT_TOKEN", "SLACK_SIGNING_SECRET", "SLACK_APP_TOKEN", "DISCORD_BOT_TOKEN", "DBQ_DATABASE_PASSWORD");

  private static final List<Pattern> SHAPES =
      List.of(
          // Slack tokens: bot, user, app-level, configuration, refresh.
          Pattern.compile("\\bx(?:ox[abposer]|app)-[A-Za-z0-9-]{6,}"),
          // Discord bot tokens: base64 user id, timestamp, HMAC.
          Pattern.compile("\\b[MNO][A-Za-z\\d_-]{23,27}\\.[A-Za-z\\d_-]{6,7}\\.[A-Za-z\\d_-]{27,40}\\b"),
          // Authorization headers.
          Pattern.compile("(?i)(?<=\\b(?:bearer|bot) )[A-Za-z0-9._~+/-]{20,}=*"));

  /** {@code scheme://user:password@host}: keeps the user, masks the password. */
  private static final Pattern URL_PASSWORD = Pattern.compile("(?<=://)([^/?#@\\s:]*):[^/?#@\\s]*@");

  /**
   * {@code user:password@host} without a scheme, as drivers quote a URL's authority in their
   * errors ({@code UnknownHostException: postgres:hunter2@127.0.0.1}).
   */
  private static final Pattern AUTHORITY_PASSWORD =
      Pattern.compile("(?<![\\w/:.-])([A-Za-z0-9._-]+):[^\\s/?#@:]+@(?=[A-Za-z0-9\\[])");

  /** {@code password=…} in a query string, a JDBC property list or a message. */
  private static final Pattern PASSWORD_PARAMETER =
      Pattern.compile("(?i)(\\b[a-z_]*(?:password|passwd|pwd|secret|token)=)[^&;#\\s,)]+");

  private final List<String> secrets;

  private Redactor(List<String> secrets) {
    List<String> longestFirst = new ArrayList<>(secrets);
    longestFirst.sort(Comparator.comparingInt(String::length).reversed());
    this.secrets = List.copyOf(longestFirst);
  }

  /** A redactor that knows the values of the secret variables in {@code environment}. */
  public static Redactor forEnvironment(Map<String, String> environment) {
    List<String> values = new ArrayList<>();
    for (String name : SECRET_VARIABLES) {
      String value = environment.get(name);
      // Very short values would mask ordinary words; the token shapes still catch real tokens.
      if (value != null && value.strip().length() >= 6) {
        values.add(value.strip());
      }
    }
    return new Redactor(values);
  }

  public String redact(String text) {
    if (text == null || text.isEmpty()) {
      return text;
    }
    String result = text;
    for (String secret : secrets) {
      result = result.replace(secret, MASK);
    }
    for (Pattern shape : SHAPES) {
      result = shape.matcher(result).replaceAll(MASK);
    }
    result = URL_PASSWORD.matcher(result).replaceAll(match -> Matcher.quoteReplacement(match.group(1) + ":" + MASK + "@"));
    result = AUTHORITY_PASSWORD.matcher(result).replaceAll(match -> Matcher.quoteReplacement(match.group(1) + ":" + MASK + "@"));
    return PASSWORD_PARAMETER.matcher(result).replaceAll(match -> Matcher.quoteReplacement(match.group(1) + MASK));
  }
}
