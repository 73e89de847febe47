package dev.dbq.console;

import dev.dbq.chat.Caller;
import dev.dbq.chat.Inbound;
import dev.dbq.chat.Reply;
import dev.dbq.chat.UserText;
import dev.dbq.chat.ChannelKey;
import dev.dbq.round.Round;
import dev.dbq.round.RoundService;
import dev.dbq.chat.ThreadMessage;
import dev.dbq.text.DidYouMean;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The local chat: one user at a time in one channel, typing {@code /dbq} commands and console
 * lines ({@code :as}, {@code :click}, {@code :reply}, {@code :time}, {@code :qotd}).
 */
public final class ConsoleSession {

  public static final String PLATFORM = "console";
  static final String CONSOLE_LINES = ":as NAME, :click LABEL, :reply TEXT, :time ISO-DATETIME, :qotd";
  private static final List<String> VERBS = List.of(":as", ":click", ":reply", ":time", ":qotd", ":help");
  private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("EEE d MMM yyyy HH:mm", Locale.ENGLISH);

  private final Inbound inbound;
  private final RoundService rounds;
  private final ConsoleClock clock;
  private final ConsoleChannel output;
  private final ChannelKey channel;
  private final ZoneId zone;
  private String user;

  public ConsoleSession(
      Inbound inbound, RoundService rounds, ConsoleClock clock, ConsoleChannel output, ChannelKey channel, String user) {
    this.inbound = inbound;
    this.rounds = rounds;
    this.clock = clock;
    this.output = output;
    this.channel = channel;
    this.zone = clock.getZone();
    this.user = userId(user);
  }

  /**
   * A typed console name as a user id: names are case-insensitive here ({@code :as Alice} and
   * {@code :as alice} are one person), unlike Slack and Discord ids, which the platforms compare
   * exactly.
   */
  static String userId(String name) {
    return name.toLowerCase(Locale.ROOT);
  }

  public static ChannelKey channelKey(String name) {
    return new ChannelKey(PLATFORM, "local", name);
  }

  public String user() {
    return user;
  }

  /** Runs one line of input; blank lines and {@code #} comments do nothing. */
  public void handle(String line) {
    String trimmed = line.strip();
    if (trimmed.isEmpty() || trimmed.startsWith("#")) {
      return;
    }
    if (trimmed.startsWith("/")) {
      command(trimmed);
    } else if (trimmed.startsWith(":")) {
      int space = trimmed.indexOf(' ');
      String verb = (space < 0 ? trimmed : trimmed.substring(0, space)).toLowerCase(Locale.ROOT);
      consoleLine(verb, space < 0 ? "" : trimmed.substring(space + 1).strip());
    } else {
      output.say("Type a command such as /dbq help, or a console line: " + CONSOLE_LINES + ".");
    }
  }

  private void command(String line) {
    String lower = line.toLowerCase(Locale.ROOT);
    if (!lower.equals("/dbq") && !lower.startsWith("/dbq ")) {
      output.say("Only /dbq commands exist here, e.g. /dbq help.");
      return;
    }
    output.reply(inbound.command(caller(), line));
  }

  private void consoleLine(String verb, String rest) {
    switch (verb) {
      case ":as" -> switchUser(rest);
      case ":click" -> click(rest);
      case ":reply" -> reply(rest);
      case ":time" -> time(rest);
      case ":qotd" -> qotd();
      case ":help" -> output.say("Console lines: " + CONSOLE_LINES + ". Commands: /dbq help.");
      default ->
          output.say(
              "Unknown console line " + verb + "."
                  + DidYouMean.closest(verb, VERBS).map(v -> " Did you mean " + v + "?").orElse("")
                  + " Console lines: " + CONSOLE_LINES + ".");
    }
  }

  private void switchUser(String name) {
    if (name.isEmpty() || name.contains(" ")) {
      output.say("Usage: :as NAME (one word), e.g. :as alice");
      return;
    }
    user = userId(name);
    output.say("You are now " + name + ".");
  }

  private void click(String label) {
    Reply last = output.lastWithButtons();
    if (last == null) {
      output.say("No message with buttons yet: try /dbq random first.");
      return;
    }
    String wanted = label.toLowerCase(Locale.ROOT);
    List<Reply.Button> buttons = last.buttons();
    List<Reply.Button> matches = buttons.stream().filter(b -> b.label().toLowerCase(Locale.ROOT).equals(wanted)).toList();
    if (matches.isEmpty()) {
      matches = buttons.stream().filter(b -> b.label().toLowerCase(Locale.ROOT).startsWith(wanted)).toList();
    }
    if (matches.size() != 1 || wanted.isEmpty()) {
      String labels = String.join(", ", buttons.stream().map(Reply.Button::label).toList());
      output.say((matches.size() > 1 ? "Several buttons match '" : "No button '") + label + "'. Buttons: " + labels + ".");
      return;
    }
    output.reply(inbound.press(caller(), matches.get(0).action()));
  }

  private void reply(String text) {
    if (text.isEmpty()) {
      output.say("Usage: :reply TEXT, e.g. :reply I would use 2PC here");
      return;
    }
    Optional<Round> round = rounds.currentRound(channel).filter(r -> r.threadRef() != null);
    if (round.isEmpty()) {
      output.say("There is no question of the day to reply to yet: :qotd posts one now, :time moves to its time.");
      return;
    }
    output.say("  │ " + user + ": " + UserText.neutralize(text));
    output.reply(inbound.threadMessage(channel, round.get().threadRef(), ThreadMessage.byPerson(user, null)));
  }

  private void qotd() {
    if (rounds.postNow(channel).isEmpty()) {
      output.say("Today's question of the day is already posted here (one a day per channel).");
    }
  }

  /** Moves the clock forward to the given local time, running every job due on the way, in order. */
  private void time(String typed) {
    Instant target;
    try {
      target = LocalDateTime.parse(typed).atZone(zone).toInstant();
    } catch (DateTimeParseException e) {
      output.say("Usage: :time ISO-DATETIME, e.g. :time 2026-12-01T09:00 (local time in " + zone.getId() + ")");
      return;
    }
    if (target.isBefore(clock.instant())) {
      output.say("The clock only moves forward: it is already " + stamp(clock.instant()) + ".");
      return;
    }
    rounds.runDue();
    for (Optional<Instant> next = rounds.nextDueAfter(clock.instant());
        next.isPresent() && !next.get().isAfter(target);
        next = rounds.nextDueAfter(clock.instant())) {
      clock.set(next.get());
      output.say("[" + stamp(next.get()) + "]");
      rounds.runDue();
    }
    clock.set(target);
    output.say("It is now " + stamp(target) + " (" + zone.getId() + ").");
  }

  private String stamp(Instant instant) {
    return STAMP.format(instant.atZone(zone));
  }

  /** The console user administers the console channel. */
  private Caller caller() {
    return new Caller(channel, user, true);
  }
}
