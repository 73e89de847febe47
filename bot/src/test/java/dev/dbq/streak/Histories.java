package dev.dbq.streak;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * Reads a channel's rounds from a compact test notation, oldest first, rounds separated by
 * {@code ;}: {@code "03-02: alice bob; 03-03:; 03-04*: alice"} is Monday 2 March 2026 with
 * alice and bob, Tuesday with nobody, and Wednesday's round still open ({@code *}) with alice.
 */
final class Histories {

  private static final int YEAR = 2026;

  private Histories() {}

  static RoundHistory parse(String notation) {
    List<RoundOutcome> rounds = new ArrayList<>();
    if (notation == null || notation.isBlank()) {
      return new RoundHistory(rounds);
    }
    for (String round : notation.split(";")) {
      String[] dateAndUsers = round.split(":", 2);
      String date = dateAndUsers[0].trim();
      boolean open = date.endsWith("*");
      LocalDate localDate = LocalDate.parse(YEAR + "-" + date.replace("*", ""));
      rounds.add(new RoundOutcome(localDate, users(dateAndUsers[1]), open));
    }
    return new RoundHistory(rounds);
  }

  private static Set<String> users(String names) {
    return names.isBlank() ? Set.of() : Set.copyOf(Arrays.asList(names.trim().split("\\s+")));
  }
}
