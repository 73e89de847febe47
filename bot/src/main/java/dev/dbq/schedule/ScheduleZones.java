package dev.dbq.schedule;

import dev.dbq.command.CommandException;
import dev.dbq.command.UserInput;
import dev.dbq.config.ZoneNames;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.Locale;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The time zone word of {@code /dbq schedule set}: an IANA name ({@code Europe/Berlin}), UTC, or a
 * fixed offset ({@code +05:30}, {@code UTC-03:00}). Abbreviations such as EST or CET are refused
 * with the IANA names meant: they do not say which rules apply (EST is never EDT; a team in New
 * York wants America/New_York, which follows summer time).
 */
final class ScheduleZones {

  private static final Pattern UTC_OR_OFFSET = Pattern.compile("(?i)(utc|gmt|ut|z)|(utc|gmt|ut)?[+-]\\d{1,2}(:?\\d{2})?");

  private ScheduleZones() {}

  /** Whether the word is meant as a time zone (the other words of {@code set} are days). */
  static boolean isZone(String word) {
    return word.contains("/") || UTC_OR_OFFSET.matcher(word).matches() || ZoneNames.insteadOfAbbreviation(word).isPresent();
  }

  /** The zone the word names; a {@link CommandException} naming it as the problem otherwise. */
  static ZoneId parse(String word) {
    String upper = word.toUpperCase(Locale.ROOT);
    if (UTC_OR_OFFSET.matcher(word).matches()) {
      return offset(word, upper);
    }
    Optional<List<String>> meant = ZoneNames.insteadOfAbbreviation(word);
    if (meant.isPresent()) {
      throw new CommandException("Time zone " + UserInput.echo(word) + " is an abbreviation, which does not say when summer time"
          + " applies: use an IANA name such as " + String.join(" or ", meant.get().stream().map(n -> "`" + n + "`").toList())
          + ", or a fixed offset such as `+05:30`.");
    }
    try {
      return ZoneId.of(word);
    } catch (DateTimeException e) {
      throw new CommandException(
          "Time zone " + UserInput.echo(word) + " is not one I know." + UserInput.didYouMean(word, ZoneId.getAvailableZoneIds())
              + " Use an IANA name such as `Europe/Berlin` or `America/New_York`, or a fixed offset such as `+05:30`.");
    }
  }

  /** UTC, or a fixed offset: it never moves for summer time (documented in the README). */
  private static ZoneId offset(String word, String upper) {
    try {
      return ZoneId.of(upper);
    } catch (DateTimeException e) {
      throw new CommandException("Time zone " + UserInput.echo(word) + " is not a valid offset: write it like `+05:30` or `UTC-03:00`"
          + " (at most 18 hours), or use an IANA name such as `Asia/Kolkata`.");
    }
  }
}
