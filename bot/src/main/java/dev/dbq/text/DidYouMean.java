package dev.dbq.text;

import java.util.Collection;
import java.util.Comparator;
import java.util.Locale;
import java.util.Optional;

/** Finds the known word a user most likely meant, for "did you mean …?" replies. */
public final class DidYouMean {

  private DidYouMean() {}

  /**
   * The closest option to {@code input}, case-insensitively: a unique prefix match, or the
   * option within a small edit distance (about a third of the input's length, at least 1).
   */
  public static Optional<String> closest(String input, Collection<String> options) {
    String wanted = input.toLowerCase(Locale.ROOT).strip();
    if (wanted.isEmpty()) {
      return Optional.empty();
    }
    var prefixed =
        options.stream().filter(o -> o.toLowerCase(Locale.ROOT).startsWith(wanted)).toList();
    if (prefixed.size() == 1) {
      return Optional.of(prefixed.get(0));
    }
    int tolerance = Math.max(1, wanted.length() / 3);
    // The distance is at least the difference in length: far longer or shorter options (and
    // a huge input) are ruled out before the quadratic distance is computed.
    return options.stream()
        .filter(o -> Math.abs(o.toLowerCase(Locale.ROOT).length() - wanted.length()) <= tolerance)
        .map(o -> new Candidate(o, distance(wanted, o.toLowerCase(Locale.ROOT))))
        .filter(c -> c.distance() <= tolerance)
        .min(Comparator.comparingInt(Candidate::distance))
        .map(Candidate::option);
  }

  private record Candidate(String option, int distance) {}

  /**
   * Edit distance where swapping two neighbouring letters is one edit, as typing slips are
   * ({@code hlep} for {@code help}): optimal string alignment, with three rows.
   */
  static int distance(String a, String b) {
    int[] beforePrevious = new int[b.length() + 1];
    int[] previous = new int[b.length() + 1];
    int[] current = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      previous[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      current[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
        current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
        if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
          current[j] = Math.min(current[j], beforePrevious[j - 2] + 1);
        }
      }
      int[] swap = beforePrevious;
      beforePrevious = previous;
      previous = current;
      current = swap;
    }
    return previous[b.length()];
  }
}
