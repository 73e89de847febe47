package dev.dbq.config;

/** A bad config value: the file, the line, the key it concerns, and what is wrong. */
public record ConfigProblem(String file, int line, String key, String message) {

  /** {@code config/dbq.yml:12: rounds.zone: unknown time zone 'Europe/Berln'}. */
  public String format() {
    return file + ":" + line + ": " + key + ": " + message;
  }
}
