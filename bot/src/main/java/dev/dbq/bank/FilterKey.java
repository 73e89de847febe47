package dev.dbq.bank;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The keys of a question filter ({@code topic:}, {@code difficulty:}, …). */
public enum FilterKey {
  TOPIC,
  DIFFICULTY,
  COMPANY,
  TAG,
  BANK;

  /** The key as users type it, without the colon. */
  public String keyword() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static Optional<FilterKey> fromKeyword(String keyword) {
    return Arrays.stream(values())
        .filter(k -> k.keyword().equalsIgnoreCase(keyword))
        .findFirst();
  }
}
