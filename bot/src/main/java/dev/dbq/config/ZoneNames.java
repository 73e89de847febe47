package dev.dbq.config;

import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Time zone abbreviations (EST, CET, …) and the IANA names people mean by them. An abbreviation
 * hides the summer-time rule (Java's {@code EST} is a fixed -05:00, never New York's EDT), so
 * both {@code rounds.zone} and {@code /dbq schedule set} refuse it and name these instead.
 */
public final class ZoneNames {

  private static final Map<String, List<String>> MEANT = Map.ofEntries(
      Map.entry("EST", List.of("America/New_York")), Map.entry("EDT", List.of("America/New_York")),
      Map.entry("CST", List.of("America/Chicago")), Map.entry("CDT", List.of("America/Chicago")),
      Map.entry("MST", List.of("America/Denver", "America/Phoenix")), Map.entry("MDT", List.of("America/Denver")),
      Map.entry("PST", List.of("America/Los_Angeles")), Map.entry("PDT", List.of("America/Los_Angeles")),
      Map.entry("AKST", List.of("America/Anchorage")), Map.entry("HST", List.of("Pacific/Honolulu")),
      Map.entry("WET", List.of("Europe/Lisbon")), Map.entry("BST", List.of("Europe/London")),
      Map.entry("CET", List.of("Europe/Paris", "Europe/Berlin")), Map.entry("CEST", List.of("Europe/Paris", "Europe/Berlin")),
      Map.entry("MET", List.of("Europe/Paris", "Europe/Berlin")),
      Map.entry("EET", List.of("Europe/Athens", "Europe/Helsinki")), Map.entry("EEST", List.of("Europe/Athens", "Europe/Helsinki")),
      Map.entry("MSK", List.of("Europe/Moscow")), Map.entry("IST", List.of("Asia/Kolkata", "Europe/Dublin")),
      Map.entry("SGT", List.of("Asia/Singapore")), Map.entry("JST", List.of("Asia/Tokyo")), Map.entry("KST", List.of("Asia/Seoul")),
      Map.entry("AEST", List.of("Australia/Sydney")), Map.entry("AEDT", List.of("Australia/Sydney")),
      Map.entry("NZST", List.of("Pacific/Auckland")), Map.entry("NZDT", List.of("Pacific/Auckland")));

  private static final List<String> EXAMPLES = List.of("Europe/Berlin", "America/New_York");

  private ZoneNames() {}

  /**
   * For an abbreviation (a known one, one of Java's short ids, or an all-capital legacy id such
   * as {@code EST5EDT}; not UTC or GMT), the IANA names to use instead; empty for anything else.
   */
  public static Optional<List<String>> insteadOfAbbreviation(String word) {
    String upper = word.toUpperCase(Locale.ROOT);
    if (word.contains("/") || upper.equals("UTC") || upper.equals("GMT")) {
      return Optional.empty();
    }
    List<String> meant = MEANT.get(upper);
    if (meant != null) {
      return Optional.of(meant);
    }
    String shortId = ZoneId.SHORT_IDS.get(upper);
    if (shortId != null && shortId.contains("/")) {
      return Optional.of(List.of(shortId));
    }
    return ZoneId.getAvailableZoneIds().contains(upper) ? Optional.of(EXAMPLES) : Optional.empty();
  }
}
