package dev.dbq.bank;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The line under a question heading:
 * {@code **Difficulty:** Senior | **Companies:** Google, Amazon | **Frequency:** Very Common}.
 * Keys are case-insensitive and may carry their colon inside or outside the bold marks.
 */
record MetadataLine(String difficulty, List<String> companies, String frequency) {

  static final MetadataLine NONE = new MetadataLine("", List.of(), "");

  private static final Pattern FIELD = Pattern.compile("\\*\\*\\s*([^*:]+?)\\s*:?\\s*\\*\\*\\s*:?\\s*(.*)");

  MetadataLine {
    companies = List.copyOf(companies);
  }

  /** The fields of {@code line}, or null when it names no difficulty (so it is not such a line). */
  static MetadataLine parse(String line) {
    if (line == null) {
      return null;
    }
    String difficulty = null;
    List<String> companies = List.of();
    String frequency = "";
    for (String field : line.split("\\|")) {
      Matcher matcher = FIELD.matcher(field.strip());
      if (!matcher.matches()) {
        continue;
      }
      String value = matcher.group(2).strip();
      switch (matcher.group(1).toLowerCase(Locale.ROOT)) {
        case "difficulty" -> difficulty = value;
        case "companies", "company" -> companies = splitList(value);
        case "frequency" -> frequency = value;
        default -> {
          // other fields are allowed and ignored
        }
      }
    }
    return difficulty == null ? null : new MetadataLine(difficulty, companies, frequency);
  }

  private static List<String> splitList(String value) {
    List<String> items = new ArrayList<>();
    for (String item : value.split(",")) {
      if (!item.isBlank()) {
        items.add(item.strip());
      }
    }
    return items;
  }
}
