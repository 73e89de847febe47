package dev.dbq.chat;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A user or a channel named in a reply's Markdown, so that each platform shows it its own way:
 * Slack and Discord show the name ({@code <@U1>}, {@code <#C1>}, in replies only the caller
 * sees, so nobody is notified; Discord's mentions are off besides), the terminal the id.
 * Written as a Markdown link whose scheme is drawn at random once per process, so that only the
 * bot's own text can name people: a bank's Markdown or a user's words cannot forge a mention
 * (which Slack would turn into a notification in a channel post).
 *
 * @param kind a user or a channel
 * @param id the platform's id: letters and digits, as Slack's and Discord's are
 */
public record Mention(Kind kind, String id) {

  public enum Kind {
    USER("user/"),
    CHANNEL("channel/");

    private final String prefix;

    Kind(String path) {
      this.prefix = SCHEME + path;
    }
  }

  private static final String SCHEME = "dbq-" + HexFormat.of().toHexDigits(new SecureRandom().nextLong()) + ":";

  private static final Pattern PLATFORM_ID = Pattern.compile("[A-Za-z0-9]{1,64}");

  public Mention {
    if (!PLATFORM_ID.matcher(id).matches()) {
      throw new IllegalArgumentException("not a platform id: " + id);
    }
  }

  /** The user as Markdown; an id no platform would mention (a console name) stays plain text. */
  public static String user(String id) {
    return markdown(Kind.USER, id, id);
  }

  /** The channel as Markdown, shown as {@code #id} where the platform cannot name it. */
  public static String channel(String id) {
    return markdown(Kind.CHANNEL, id, "#" + id);
  }

  /** As Slack and Discord both write it, and show it as a name: {@code <@U1>}, {@code <#C1>}. */
  public String chatMarkup() {
    return (kind == Kind.USER ? "<@" : "<#") + id + ">";
  }

  /** The mention a link destination stands for, if it is one. */
  public static Optional<Mention> of(String destination) {
    for (Kind kind : Kind.values()) {
      if (destination != null && destination.startsWith(kind.prefix)) {
        String id = destination.substring(kind.prefix.length());
        return PLATFORM_ID.matcher(id).matches() ? Optional.of(new Mention(kind, id)) : Optional.empty();
      }
    }
    return Optional.empty();
  }

  private static String markdown(Kind kind, String id, String shown) {
    String text = UserText.literal(shown);
    return PLATFORM_ID.matcher(id).matches() ? "[" + text + "](" + kind.prefix + id + ")" : text;
  }
}
