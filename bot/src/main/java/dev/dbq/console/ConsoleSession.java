package dev.dbq.console;

import dev.dbq.command.CommandContext;
import dev.dbq.command.Commands;
import dev.dbq.command.Reply;
import dev.dbq.command.UserInput;
import dev.dbq.round.ChannelKey;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * The local chat: one user at a time in one channel, typing {@code /dbq} commands and console
 * lines ({@code :as}, {@code :click}, …). Turns each line into the text to print.
 */
public final class ConsoleSession {

  public static final String PLATFORM = "console";

  private final Commands commands;
  private final Function<Reply, String> renderer;
  private final ChannelKey channel;
  private String user;
  private Reply lastReply;

  public ConsoleSession(Commands commands, Function<Reply, String> renderer, String channel, String user) {
    this.commands = commands;
    this.renderer = renderer;
    this.channel = new ChannelKey(PLATFORM, "local", channel);
    this.user = user;
  }

  public String user() {
    return user;
  }

  public ChannelKey channel() {
    return channel;
  }

  /** What to print for one line of input; blank lines and {@code #} comments print nothing. */
  public String handle(String line) {
    String trimmed = line.strip();
    if (trimmed.isEmpty() || trimmed.startsWith("#")) {
      return "";
    }
    if (trimmed.startsWith("/")) {
      return command(trimmed);
    }
    if (trimmed.startsWith(":")) {
      int space = trimmed.indexOf(' ');
      String verb = (space < 0 ? trimmed : trimmed.substring(0, space)).toLowerCase(Locale.ROOT);
      String rest = space < 0 ? "" : trimmed.substring(space + 1).strip();
      return consoleLine(verb, rest);
    }
    return "Type a command such as /dbq help, or a console line: " + CONSOLE_LINES;
  }

  private static final String CONSOLE_LINES = ":as NAME, :click LABEL, :reply TEXT, :time ISO-DATETIME, :qotd";

  private String command(String line) {
    if (!line.toLowerCase(Locale.ROOT).startsWith("/dbq")
        || (line.length() > 4 && !Character.isWhitespace(line.charAt(4)))) {
      return "Only /dbq commands exist here, e.g. /dbq help.";
    }
    return show(commands.dispatch(context(), line));
  }

  private String consoleLine(String verb, String rest) {
    return switch (verb) {
      case ":as" -> switchUser(rest);
      case ":click" -> click(rest);
      case ":reply", ":time", ":qotd" ->
          verb + " comes with the question of the day, which this build does not have yet.";
      case ":help" -> "Console lines: " + CONSOLE_LINES + ". Commands: /dbq help.";
      default -> "Unknown console line " + verb + UserInput.didYouMean(verb, List.of(":as", ":click", ":reply", ":time", ":qotd", ":help")).replace("`", "") + " Console lines: " + CONSOLE_LINES + ".";
    };
  }

  private String switchUser(String name) {
    if (name.isEmpty() || name.contains(" ")) {
      return "Usage: :as NAME (one word), e.g. :as alice";
    }
    user = name;
    return "You are now " + name + ".";
  }

  private String click(String label) {
    List<Reply.Button> buttons = lastReply == null ? List.of() : lastReply.buttons();
    if (buttons.isEmpty()) {
      return "The last message has no buttons to click.";
    }
    String wanted = label.toLowerCase(Locale.ROOT);
    List<Reply.Button> matches =
        buttons.stream().filter(b -> b.label().toLowerCase(Locale.ROOT).equals(wanted)).toList();
    if (matches.isEmpty()) {
      matches = buttons.stream().filter(b -> b.label().toLowerCase(Locale.ROOT).startsWith(wanted)).toList();
    }
    if (matches.size() != 1 || wanted.isEmpty()) {
      String labels = String.join(", ", buttons.stream().map(Reply.Button::label).toList());
      return (matches.isEmpty() || wanted.isEmpty() ? "No button " : "Several buttons match ")
          + "'" + label + "'. Buttons: " + labels + ".";
    }
    return show(commands.dispatch(context(), matches.get(0).action()));
  }

  private String show(Reply reply) {
    lastReply = reply;
    return renderer.apply(reply);
  }

  private CommandContext context() {
    return new CommandContext(channel, user, user, true);
  }
}
