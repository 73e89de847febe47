package dev.dbq.text;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one redaction of secrets from text people see: messages, log lines, stack traces. Two
 * nets: the shapes credentials take in URLs and properties ({@code user:pass@host},
 * {@code password=…}), whatever the text, and the exact secrets this process was given (a
 * database password, tokens), wherever a library quotes them (e.g. a driver that misreads
 * {@code user:pass@host} as a host name and says so).
 */
public final class Redaction {

  public static final String MASK = "***";

  // A secret shorter than this would mask ordinary words everywhere; the shapes below still
  // hide it in every URL and property it appears in.
  private static final int MIN_LITERAL_LENGTH = 4;

  // user / password / sslpassword / …secret / …token as URL query or ';'-separated properties;
  // a value already masked is left alone, so redacting twice changes nothing.
  private static final Pattern SECRET_PROPERTY =
      Pattern.compile("(?i)([?&;]\\s*(?:user|[a-z_]*password|[a-z_]*secret|[a-z_]*token)\\s*=)(?:\\*\\*\\*|[^&;#\\s'\"]*)");
  // Credentials as user info, with or without the scheme before them: //user:secret@host,
  // or user:secret@host as a driver quotes a host it could not resolve.
  private static final Pattern USER_INFO_AFTER_SCHEME = Pattern.compile("//[^/@?#\\s'\"]*@");
  private static final Pattern BARE_USER_INFO = Pattern.compile("[^\\s/@:'\"(\\[]+:[^\\s/@'\"]+@");
  private static final Pattern USER_INFO_OF_URL = Pattern.compile("//([^/@?#]*)@");
  private static final Pattern PASSWORD_PROPERTY = Pattern.compile("(?i)[?&;]\\s*[a-z_]*password\\s*=([^&;#]*)");

  // Tokens by their shape, registered or not: Slack bot/user/app-level tokens, Discord bot
  // tokens (base64 user id, timestamp, HMAC), and bearer credentials in quoted headers.
  private static final Pattern SLACK_TOKEN = Pattern.compile("\\bx(?:ox[abposer]|app)-[A-Za-z0-9-]{6,}");
  private static final Pattern DISCORD_TOKEN =
      Pattern.compile("\\b[MNO][A-Za-z\\d_-]{23,27}\\.[A-Za-z\\d_-]{6,7}\\.[A-Za-z\\d_-]{27,40}\\b");
  private static final Pattern BEARER = Pattern.compile("(?i)(?<=\\b(?:bearer|bot) )[A-Za-z0-9._~+/-]{20,}=*");

  // Credentials as JSON members ("token":"…", "access_token": "…", "client_secret":"…") and as
  // key=value in toString()s ([token=…, …]): Discord's INTERACTION_CREATE carries its
  // interaction token as "token", and JDA dumps whole payloads when it cannot parse one.
  private static final String SECRET_KEY = "[a-z_]*(?:token|secret|password|credentials?)";
  // Group 1: the key and colon; group 2: the value's opening quote, plain (") or escaped (\")
  // when the JSON is itself inside a string; the value runs to the same quote again.
  private static final Pattern SECRET_JSON_MEMBER =
      Pattern.compile("(?i)(\\\\?\"" + SECRET_KEY + "\\\\?\"\\s*:\\s*)(\\\\?\")(?:[^\"\\\\]|\\\\[^\"])*+\\2");
  private static final Pattern SECRET_KEY_VALUE =
      Pattern.compile("(?i)((?<![A-Za-z0-9_])" + SECRET_KEY + "=)(?!\\*\\*\\*)[^\\s,;&)\\]}'\"]+");
  // Webhook and interaction URLs hold their token in the path: webhooks/{id}/{token}/…,
  // interactions/{id}/{token}/callback; anyone with it posts as the app.
  private static final Pattern TOKEN_IN_PATH =
      Pattern.compile("((?:webhooks|interactions)/\\d+/)(?!\\*\\*\\*)[A-Za-z0-9._~+=-]+");
  // Discord interaction tokens by their shape: base64 of "interaction:…", wherever they appear.
  private static final Pattern INTERACTION_TOKEN = Pattern.compile("aW50ZXJhY3Rpb246[A-Za-z0-9+/=_-]*");

  private static final Set<String> SECRETS = ConcurrentHashMap.newKeySet();
  // The secrets longest first, so that a secret containing another is masked whole; sorted at
  // each registration, not for every line.
  private static volatile List<String> longestFirst = List.of();

  private Redaction() {}

  /** From now on, {@link #redact} hides {@code secret} (and its percent-decoded form) in any text. */
  public static void registerSecret(String secret) {
    if (secret == null || secret.isBlank()) {
      return;
    }
    for (String form : List.of(secret, percentDecoded(secret))) {
      if (form.length() >= MIN_LITERAL_LENGTH) {
        SECRETS.add(form);
      }
    }
    synchronized (SECRETS) {
      longestFirst = SECRETS.stream().sorted(Comparator.comparingInt(String::length).reversed()).toList();
    }
  }

  /** Registers the passwords a URL carries, in its user info or as {@code …password=} properties. */
  public static void registerSecretsOf(String url) {
    if (url == null) {
      return;
    }
    Matcher userInfo = USER_INFO_OF_URL.matcher(url);
    if (userInfo.find()) {
      String info = userInfo.group(1);
      int colon = info.indexOf(':');
      registerSecret(colon < 0 ? info : info.substring(colon + 1));
    }
    Matcher password = PASSWORD_PROPERTY.matcher(url);
    while (password.find()) {
      registerSecret(password.group(1));
    }
  }

  /** {@code text} with every credential shape and every registered secret replaced by {@value #MASK}. */
  public static String redact(String text) {
    if (text == null || text.isEmpty()) {
      return text;
    }
    String redacted = text;
    for (String secret : longestFirst) {
      redacted = redacted.replace(secret, MASK);
    }
    // Every line of every log passes here: each pattern runs only where its mark is.
    if (redacted.contains("xox") || redacted.contains("xapp")) {
      redacted = SLACK_TOKEN.matcher(redacted).replaceAll(MASK);
    }
    if (redacted.indexOf('.') >= 0) {
      redacted = DISCORD_TOKEN.matcher(redacted).replaceAll(MASK);
    }
    if (containsIgnoringCase(redacted, "bearer ") || containsIgnoringCase(redacted, "bot ")) {
      redacted = BEARER.matcher(redacted).replaceAll(MASK);
    }
    if (redacted.contains("aW50ZXJhY3Rpb246")) {
      redacted = INTERACTION_TOKEN.matcher(redacted).replaceAll(MASK);
    }
    if (redacted.contains("webhooks/") || redacted.contains("interactions/")) {
      redacted = TOKEN_IN_PATH.matcher(redacted).replaceAll("$1" + MASK);
    }
    if (redacted.indexOf(':') >= 0 && redacted.indexOf('"') >= 0) {
      redacted = SECRET_JSON_MEMBER.matcher(redacted).replaceAll("$1$2" + MASK + "$2");
    }
    if (redacted.indexOf('@') >= 0) {
      redacted = USER_INFO_AFTER_SCHEME.matcher(redacted).replaceAll("//" + MASK + "@");
      redacted = BARE_USER_INFO.matcher(redacted).replaceAll(MASK + "@");
    }
    if (redacted.indexOf('=') >= 0) {
      redacted = SECRET_PROPERTY.matcher(redacted).replaceAll("$1" + MASK);
      redacted = SECRET_KEY_VALUE.matcher(redacted).replaceAll("$1" + MASK);
    }
    return redacted;
  }

  /** {@code word} (ASCII letters and a space) anywhere in {@code text}, whatever the case: no copy of the line. */
  private static boolean containsIgnoringCase(String text, String word) {
    char first = word.charAt(0);
    for (int at = 0; at <= text.length() - word.length(); at++) {
      if ((text.charAt(at) | 0x20) == first && text.regionMatches(true, at, word, 0, word.length())) {
        return true;
      }
    }
    return false;
  }

  private static String percentDecoded(String text) {
    try {
      return URLDecoder.decode(text.replace("+", "%2B"), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException notEncoded) {
      // A stray '%' means the text is not percent-encoded: the raw form is all there is.
      return text;
    }
  }
}
