package dev.dbq.chat;

import java.util.List;

/**
 * One typed option of a subcommand. A platform with typed options passes each value as it was
 * given; the core turns it into one word of the command line ({@code prefix + value}), so
 * {@code topic = CAP theorem} reads as the typed {@code topic:"CAP theorem"} with no re-quoting.
 *
 * @param name the option's name (Discord: lower case, at most 32 characters)
 * @param kind what values it takes
 * @param description a few words for the platform's form
 * @param required whether the command needs it
 * @param choices the only values allowed, or empty for any
 * @param completion what the platform may suggest while the user types
 * @param prefix written before the value in the command line: {@code "topic:"} for a filter,
 *     {@code ""} for a positional argument
 */
public record OptionSpec(
    String name, Kind kind, String description, boolean required, List<String> choices, Completion completion, String prefix) {

  public OptionSpec {
    choices = List.copyOf(choices);
  }

  public enum Kind {
    STRING,
    INTEGER,
    /** A user of the platform; its value is the user's id. */
    USER
  }

  /** Values the core can suggest as the user types. */
  public enum Completion {
    NONE,
    QUESTION_ID,
    TOPIC,
    COMPANY
  }

  /** A positional argument: its value is the word. */
  public static OptionSpec positional(String name, Kind kind, String description, boolean required) {
    return new OptionSpec(name, kind, description, required, List.of(), Completion.NONE, "");
  }

  /** A {@code key:value} filter word. */
  public static OptionSpec filter(String key, String description) {
    return new OptionSpec(key, Kind.STRING, description, false, List.of(), Completion.NONE, key + ":");
  }

  public OptionSpec withChoices(List<String> values) {
    return new OptionSpec(name, kind, description, required, values, completion, prefix);
  }

  public OptionSpec completedBy(Completion what) {
    return new OptionSpec(name, kind, description, required, choices, what, prefix);
  }
}
