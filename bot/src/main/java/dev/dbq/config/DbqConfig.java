package dev.dbq.config;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The whole configuration, validated once at start-up. Secrets are not here: they are read from
 * the environment by the platform that needs them.
 */
public record DbqConfig(
    Content content,
    Console console,
    List<String> admins,
    Database database,
    Http http,
    Rounds rounds,
    Streaks streaks,
    Logging logging,
    Discord discord,
    Source source) {

  public DbqConfig {
    admins = List.copyOf(admins);
  }

  /** The same configuration on another database (the console's {@code --database}, its throwaway file). */
  public DbqConfig withDatabase(String url) {
    return new DbqConfig(content, console, admins, new Database(url), http, rounds, streaks, logging, discord, source);
  }

  /**
   * Folders or files with question banks.
   *
   * @param maxFileSize a bank file larger than this many bytes is refused before it is read
   */
  public record Content(List<String> paths, long maxFileSize) {
    public Content {
      paths = List.copyOf(paths);
    }
  }

  /** The local console's user and channel. */
  public record Console(String user, String channel) {}

  /** A JDBC URL: {@code jdbc:sqlite:…} or {@code jdbc:postgresql:…}. */
  public record Database(String url) {}

  /**
   * The HTTP ports.
   *
   * @param port the public one (it must face the internet for Slack): {@code /slack/events}, {@code /healthz}
   * @param managementHost where the management port listens ({@code 127.0.0.1}: this machine only)
   * @param managementPort {@code /readyz} and {@code /metrics}, for operators and monitoring only
   */
  public record Http(int port, String managementHost, int managementPort) {}

  /**
   * The question of the day's defaults for every channel.
   *
   * @param filters a filter line such as {@code difficulty:senior}, empty for every question
   */
  public record Rounds(
      LocalTime postAt,
      ZoneId zone,
      Set<DayOfWeek> days,
      Duration grace,
      LocalTime revealAt,
      Duration followUpInterval,
      String filters) {
    public Rounds {
      days = Set.copyOf(days);
    }
  }

  /** @param teamQuorum participants a round needs to count for the team streak */
  public record Streaks(int teamQuorum) {}

  /**
   * How the bot logs (to standard error).
   *
   * @param level {@code trace}, {@code debug}, {@code info}, {@code warn} or {@code error}
   * @param json one JSON object per line instead of text
   */
  public record Logging(String level, boolean json) {}

  /**
   * Discord's settings (the token is in the environment, not here).
   *
   * @param devGuild a guild id where {@code /dbq} is registered instantly instead of globally
   * @param shardsTotal how many shards the whole bot runs as
   * @param shardIds the shards this process runs, each below {@code shardsTotal}
   */
  public record Discord(Optional<String> devGuild, int shardsTotal, List<Integer> shardIds) {
    public Discord {
      shardIds = List.copyOf(shardIds);
    }
  }

  /**
   * Where the values came from, for problems found after loading (e.g. filters that match no
   * question of the loaded banks).
   *
   * @param keyLines the line of each key read ({@code rounds.filters}), or of its section when absent
   */
  public record Source(String file, Map<String, Integer> keyLines) {
    public Source {
      keyLines = Map.copyOf(keyLines);
    }

    /** A problem with {@code key} (qualified, e.g. {@code rounds.filters}) at its line. */
    public ConfigProblem problem(String key, String message) {
      return new ConfigProblem(file, keyLines.getOrDefault(key, 1), key, message);
    }
  }
}
