package dev.dbq.console;

import dev.dbq.chat.Caller;
import dev.dbq.chat.ChannelKey;
import dev.dbq.chat.Form;
import dev.dbq.chat.Inbound;
import dev.dbq.chat.LocalRounds;
import dev.dbq.chat.Reply;
import dev.dbq.chat.ThreadMessage;
import dev.dbq.chat.UserText;
import dev.dbq.text.DidYouMean;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The local chat: one user at a time in one channel, typing {@code /dbq} commands and console
 * lines ({@code :as}, {@code :click}, {@code :reply}, {@code :time}, {@code :qotd}). A form the
 * bot answers with is filled in line by line: each field is asked for in turn, the next line
 * typed is its value (a blank line leaves an optional field empty), {@code :cancel} drops it.
 */
public final class ConsoleSession {

  public static final String PLATFORM = "console";

  /** The longest line taken: the same as a {@code /dbq} command, whatever the line is. */
  static final int MAX_LINE_LENGTH = Inbound.MAX_LINE_LENGTH;

  /** The longest user name {@code :as} takes. */
  static final int MAX_NAME_LENGTH = 64;

  /** How much of a typed word (a verb, a label) a hint echoes. */
  private static final int MAX_ECHO = 40;

  static final String CONSOLE_LINES = ":as NAME, :click LABEL, :reply TEXT, :time ISO-DATETIME, :qotd";
  private static final List<String> VERBS = List.of(":as", ":click", ":reply", ":time", ":qotd", ":help");
  private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("EEE d MMM yyyy HH:mm", Locale.ENGLISH);

  private static final Logger log = LoggerFactory.getLogger(ConsoleSession.class);

  private final Inbound inbound;
  private final LocalRounds rounds;
  private final ConsoleClock clock;
  private final ConsoleChannel output;
  private final ChannelKey channel;
  private final ZoneId zone;
  /** Who started the console ({@code --user}, {@code console.user}): the channel's admin. */
  private final String consoleUser;
  private String user;
  /** The form being filled in, or null. */
  private FormInProgress form;

  /** A form, who fills it in, and the values typed so far. */
  private record FormInProgress(Form form, Caller caller, Map<String, String> values) {
    Form.Field next() {
      return form.fields().get(values.size());
    }
  }

  public ConsoleSession(
      Inbound inbound, LocalRounds rounds, ConsoleClock clock, ConsoleChannel output, ChannelKey channel, String user) {
    this.inbound = inbound;
    this.rounds = rounds;
    this.clock = clock;
    this.output = output;
    this.channel = channel;
    this.zone = clock.getZone();
    this.consoleUser = userId(user);
    this.user = consoleUser;
  }

  /**
   * A typed console name as a user id: names are case-insensitive here ({@code :as Alice} and
   * {@code :as alice} are one person), unlike Slack and Discord ids, which the platforms compare
   * exactly.
   */
  static String userId(String name) {
    return name.toLowerCase(Locale.ROOT);
  }

  /**
   * Gives the console channel the config's schedule (at every start, see README), then runs what
   * is due: once on a simulated clock (which moves only by {@code :time}), else by the wall clock.
   */
  void begin() {
    rounds.applyDefaults(channel);
    if (clock.isSimulated()) {
      rounds.runDue();
    } else {
      rounds.runOnTheWallClock();
    }
  }

  public static ChannelKey channelKey(String name) {
    return new ChannelKey(PLATFORM, "local", name);
  }

  public String user() {
    return user;
  }

  /**
   * Runs one line of input; blank lines and {@code #} comments do nothing. Whatever goes wrong
   * is one line on the console and a log entry, never a stack trace that ends the session.
   */
  public void handle(String line) {
    if (line.length() > MAX_LINE_LENGTH) {
      output.say(String.format(Locale.ROOT, "That line is too long (%,d characters): the console takes at most %,d.", line.length(), MAX_LINE_LENGTH));
      return;
    }
    try {
      run(line);
    } catch (RuntimeException e) {
      log.error("console line failed in {}", channel, e);
      output.say("That failed on our side; it was logged. The console goes on.");
    }
  }

  private void run(String line) {
    String trimmed = line.strip();
    if (form != null) {
      fillIn(trimmed);
      return;
    }
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
    answer(caller(), inbound.command(caller(), line));
  }

  /** Shows the reply, or starts asking for the form it is. */
  private void answer(Caller caller, Reply reply) {
    if (!reply.isForm()) {
      output.reply(reply);
      return;
    }
    form = new FormInProgress(reply.form(), caller, new LinkedHashMap<>());
    output.say(UserText.neutralize(reply.form().title()) + " (a form: one line a field; :cancel stops)");
    ask();
  }

  private void ask() {
    Form.Field field = form.next();
    output.say(UserText.neutralize(field.label()) + (field.required() ? "" : " (optional: a blank line skips it)") + ":");
  }

  /** One typed line as the value of the field asked for; the last one submits the form. */
  private void fillIn(String value) {
    if (value.equalsIgnoreCase(":cancel")) {
      form = null;
      output.say("Form cancelled.");
      return;
    }
    Form.Field field = form.next();
    if (field.required() && value.isEmpty()) {
      output.say("This field is required.");
      ask();
      return;
    }
    if (value.length() > field.maxLength()) {
      output.say(String.format(Locale.ROOT, "At most %,d characters here (that was %,d).", field.maxLength(), value.length()));
      ask();
      return;
    }
    form.values().put(field.name(), value);
    if (form.values().size() < form.form().fields().size()) {
      ask();
      return;
    }
    FormInProgress done = form;
    form = null;
    output.reply(inbound.submit(done.caller(), done.form().id(), Map.copyOf(done.values())));
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
              "Unknown console line " + echo(verb) + "."
                  + DidYouMean.closest(verb, VERBS).map(v -> " Did you mean " + v + "?").orElse("")
                  + " Console lines: " + CONSOLE_LINES + ".");
    }
  }

  /** A name may look like a mention (it is echoed neutralised) but may not hold control characters. */
  private void switchUser(String name) {
    if (name.isEmpty() || name.contains(" ") || name.length() > MAX_NAME_LENGTH || UserText.hasUnsafeCharacters(name)) {
      output.say("Usage: :as NAME (one word of at most " + MAX_NAME_LENGTH + " printable characters), e.g. :as alice");
      return;
    }
    user = userId(name);
    output.say("You are now " + UserText.neutralize(name) + ".");
  }

  /** A word the user typed, safe and short enough for a one-line hint. */
  private static String echo(String typed) {
    return UserText.neutralize(UserText.shortened(typed, MAX_ECHO));
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
      output.say((matches.size() > 1 ? "Several buttons match '" : "No button '") + echo(label) + "'. Buttons: " + labels + ".");
      return;
    }
    answer(caller(), inbound.press(caller(), matches.get(0).action()));
  }

  private void reply(String text) {
    if (text.isEmpty()) {
      output.say("Usage: :reply TEXT, e.g. :reply I would use 2PC here");
      return;
    }
    Optional<String> thread = rounds.currentThread(channel);
    if (thread.isEmpty()) {
      output.say("There is no question of the day to reply to yet: :qotd posts one now, :time moves to its time.");
      return;
    }
    output.say("  │ " + UserText.neutralize(user) + ": " + UserText.neutralize(text));
    output.reply(inbound.threadMessage(channel, thread.get(), ThreadMessage.byPerson(user, null)));
  }

  private void qotd() {
    switch (rounds.postNow(channel)) {
      case POSTED -> { } // the post itself is shown
      case NO_QUESTION -> output.say("No question matches this channel's filters, so there is no question of the day (see the log).");
      case PENDING -> output.say("Today's question of the day could not be posted (see the log); it is tried again shortly.");
      case ALREADY -> output.say("Today's question of the day is already posted here (one a day per channel).");
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
    try {
      ConsoleClock.checkSupported(target);
    } catch (IllegalArgumentException outside) {
      output.say(outside.getMessage());
      return;
    }
    if (Duration.between(clock.instant(), target).compareTo(ConsoleClock.LONGEST_MOVE) > 0) {
      output.say("The clock moves at most " + ConsoleClock.LONGEST_MOVE.toDays() + " days at a time (every round on the way runs): it is "
          + stamp(clock.instant()) + ". Move in steps.");
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

  /**
   * The console user administers the console channel; the others met with {@code :as} do not
   * (unless the config's {@code admins:} names them), so the admin refusal can be tried here.
   */
  private Caller caller() {
    return new Caller(channel, user, user.equals(consoleUser));
  }
}
