package dev.dbq.schedule;

import dev.dbq.chat.ChannelKey;
import dev.dbq.chat.CommandContext;
import dev.dbq.chat.CommandSpec;
import dev.dbq.chat.OptionSpec;
import dev.dbq.chat.Reply;
import dev.dbq.chat.UserText;
import dev.dbq.command.CommandException;
import dev.dbq.command.CommandHandler;
import dev.dbq.command.UserInput;
import dev.dbq.round.ChannelSchedule;
import dev.dbq.round.ChannelSettings;
import dev.dbq.round.Days;
import dev.dbq.round.PostTimes;
import dev.dbq.round.RoundService;
import dev.dbq.round.TimesOfDay;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Consumer;

/** {@code /dbq schedule [show | set HH:MM [TZ] [DAYS] | off]}: admins change, everyone sees. */
public final class ScheduleCommand implements CommandHandler {

  private static final DateTimeFormatter NEXT = DateTimeFormatter.ofPattern("EEE d MMM HH:mm", Locale.ENGLISH);

  private final RoundService rounds;
  private final Consumer<ChannelKey> changed;

  /** @param changed told after a channel's schedule changed, to reschedule its jobs */
  public ScheduleCommand(RoundService rounds, Consumer<ChannelKey> changed) {
    this.rounds = rounds;
    this.changed = changed;
  }

  @Override
  public String name() {
    return "schedule";
  }

  @Override
  public String arguments() {
    return "[show | set HH:MM [TZ] [weekdays|daily|mon,wed,...] | off]";
  }

  @Override
  public String summary() {
    return "when the question of the day comes (admins change it)";
  }

  @Override
  public List<CommandSpec> subcommands() {
    return List.of(
        CommandSpec.of("show", "when the question of the day comes here", List.of()),
        CommandSpec.of(
            "set",
            "post the question of the day here at a time (admins)",
            List.of(
                OptionSpec.positional("time", OptionSpec.Kind.STRING, "HH:MM, 24 hours", true),
                OptionSpec.positional("zone", OptionSpec.Kind.STRING, "IANA time zone (e.g. Europe/Berlin) or offset (+05:30)", false),
                OptionSpec.positional("days", OptionSpec.Kind.STRING, "weekdays, daily or mon,wed,fri", false))),
        CommandSpec.of("off", "stop the question of the day here (admins)", List.of()));
  }

  @Override
  public boolean adminOnly() {
    return true;
  }

  @Override
  public Reply handle(CommandContext context, List<String> args) {
    String action = args.isEmpty() ? "show" : args.get(0).toLowerCase(Locale.ROOT);
    return switch (action) {
      case "show" -> show(context.channel());
      case "set" -> change(context, set(rounds.settings(context.channel()), args.subList(1, args.size())));
      case "off" -> change(context, rounds.settings(context.channel()).turnedOff());
      default ->
          throw new CommandException(
              "No schedule action " + UserInput.echo(args.get(0)) + "." + UserInput.didYouMean(action, List.of("show", "set", "off"))
                  + " Usage: `" + usage() + "`.");
    };
  }

  private Reply show(ChannelKey channel) {
    ChannelSchedule schedule = rounds.settings(channel).schedule();
    return Reply.text(describe(schedule, rounds.now()));
  }

  private Reply change(CommandContext context, ChannelSettings settings) {
    if (!context.admin()) {
      throw CommandException.onlyAdmins("change the schedule");
    }
    rounds.saveSettings(settings);
    changed.accept(context.channel());
    return Reply.text("Schedule saved. " + describe(settings.schedule(), rounds.now()))
        .withVisibility(Reply.Visibility.CHANNEL);
  }

  private static ChannelSettings set(ChannelSettings current, List<String> args) {
    if (args.isEmpty() || args.size() > 3) {
      throw new CommandException("Usage: `/dbq schedule set HH:MM [TZ] [DAYS]`, e.g. `/dbq schedule set 09:30 Europe/Berlin weekdays`.");
    }
    LocalTime time = time(args.get(0));
    ZoneId zone = null;
    Set<DayOfWeek> days = null;
    for (String word : args.subList(1, args.size())) {
      if (ScheduleZones.isZone(word)) {
        zone = ScheduleZones.parse(word);
      } else {
        days = days(word);
      }
    }
    return withSchedule(current, time, zone, days);
  }

  /** The settings with the schedule on, at the time, zone and days given (null keeps the current one). */
  private static ChannelSettings withSchedule(ChannelSettings current, LocalTime postAt, ZoneId zone, Set<DayOfWeek> days) {
    ChannelSchedule s = current.schedule();
    return new ChannelSettings(
        current.channel(),
        new ChannelSchedule(
            postAt == null ? s.postAt() : postAt,
            zone == null ? s.zone() : zone,
            days == null ? s.days() : days,
            s.revealAt(),
            true),
        current.filters());
  }

  private static LocalTime time(String typed) {
    try {
      return TimesOfDay.parse(typed);
    } catch (IllegalArgumentException e) {
      throw new CommandException("Give the time as HH:MM (24 hours), not " + UserInput.echo(typed) + ", e.g. `09:30`.");
    }
  }

  private static Set<DayOfWeek> days(String typed) {
    try {
      return Days.parse(typed);
    } catch (IllegalArgumentException e) {
      throw new CommandException("Days: " + UserText.neutralize(e.getMessage()) + ".");
    }
  }

  static String describe(ChannelSchedule schedule, java.time.Instant now) {
    if (!schedule.enabled() || schedule.days().isEmpty()) {
      return "The question of the day is off here. An admin can turn it on: `/dbq schedule set 09:00 Europe/Berlin weekdays`.";
    }
    String next =
        PostTimes.nextAfter(schedule, now)
            .map(slot -> " Next: " + NEXT.format(slot.at().atZone(schedule.zone())) + ".")
            .orElse("");
    return "Question of the day at " + schedule.postAt() + " " + schedule.zone().getId() + ", " + Days.format(schedule.days())
        + "; the quick answer is revealed at " + schedule.revealAt() + "." + next;
  }
}
