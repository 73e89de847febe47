package dev.dbq.schedule;

import dev.dbq.command.CommandException;
import dev.dbq.command.UserInput;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The time zone word of {@code /dbq schedule set}: an IANA name ({@code Europe/Berlin}), UTC, or a
 * fixed offset ({@code +05:30}, {@code UTC-03:00}). Abbreviations such as EST or CET are refused
 * with the IANA names meant: they do not say which rules apply (EST is never EDT; a team in New
 * York wants America/New_York, which follows summer time).
 */
final class ScheduleZones {

  /** Common abbreviations and the IANA names people mean by them. */
  private static final Map<String, String> ABBREVIATIONS = Map.ofEntries(
      Map.entry("EST", "`America/New_York`"), Map.entry("EDT", "`America/New_York`"),
      Map.entry("CST", "`America/Chicago`"), Map.entry("CDT", "`America/Chicago`"),
      Map.entry("MST", "`America/Denver` (or `America/Phoenix`)"), Map.entry("MDT", "`America/Denver`"),
      Map.entry("PST", "`America/Los_Angeles`"), Map.entry("PDT", "`America/Los_Angeles`"),
      Map.entry("AKST", "`America/Anchorage`"), Map.entry("HST", "`Pacific/Honolulu`"),
      Map.entry("WET", "`Europe/Lisbon`"), Map.entry("BST", "`Europe/London`"),
      Map.entry("CET", "`Europe/Paris` or `Europe/Berlin`"), Map.entry("CEST", "`Europe/Paris` or `Europe/Berlin`"),
      Map.entry("MET", "`Europe/Paris` or `Europe/Berlin`"),
      Map.entry("EET", "`Europe/Athens` or `Europe/Helsinki`"), Map.entry("EEST", "`Europe/Athens` or `Europe/Helsinki`"),
      Map.entry("MSK", "`Europe/Moscow`"), Map.entry("IST", "`Asia/Kolkata` (or `Europe/Dublin`)"),
      Map.entry("SGT", "`Asia/Singapore`"), Map.entry("JST", "`Asia/Tokyo`"), Map.entry("KST", "`Asia/Seoul`"),
      Map.entry("AEST", "`Australia/Sydney`"), Map.entry("AEDT", "`Australia/Sydney`"),
      Map.entry("NZST", "`Pacific/Auckland`"), Map.entry("NZDT", "`Pacific/Auckland`"));

  private static final Pattern UTC_OR_OFFSET = Pattern.compile("(?i)(utc|gmt|ut|z)|(utc|gmt|ut)?[+-]\\d{1,2}(:?\\d{2})?");

  private ScheduleZones() {}

  /** Whether the word is meant as a time zone (the other words of {@code set} are days). */
  static boolean isZone(String word) {
    String upper = word.toUpperCase(Locale.ROOT);
    return word.contains("/") || UTC_OR_OFFSET.matcher(word).matches()
        || ABBREVIATIONS.containsKey(upper) || ZoneId.SHORT_IDS.containsKey(upper) || ZoneId.getAvailableZoneIds().contains(upper);
  }

  /** The zone the word names; a {@link CommandException} naming it as the problem otherwise. */
  static ZoneId parse(String word) {
    String upper = word.toUpperCase(Locale.ROOT);
    if (UTC_OR_OFFSET.matcher(word).matches()) {
      return offset(word, upper);
    }
    String meant = ABBREVIATIONS.get(upper);
    String shortId = ZoneId.SHORT_IDS.get(upper);
    if (meant == null && !word.contains("/") && shortId != null && shortId.contains("/")) {
      meant = "`" + shortId + "`";
    }
    if (meant != null || (!word.contains("/") && ZoneId.getAvailableZoneIds().contains(upper))) {
      throw new CommandException("Time zone " + UserInput.echo(word) + " is an abbreviation, which does not say when summer time"
          + " applies: use an IANA name such as " + (meant != null ? meant : "`Europe/Berlin`")
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
