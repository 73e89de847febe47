package dev.dbq.config;

import dev.dbq.round.Days;
import dev.dbq.round.TimesOfDay;
import dev.dbq.text.Redaction;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.IntStream;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;

/**
 * Reads {@code dbq.yml}: YAML, {@code ${VAR}} and {@code ${VAR:-default}} taken from the
 * environment, every value checked, and every problem reported with its key and line.
 */
public final class ConfigLoader {

  /** Where the config is looked for when neither {@code --config} nor DBQ_CONFIG says. */
  public static final Path DEFAULT_FILE = Path.of("config", "dbq.yml");

  private final Map<String, String> environment;

  public ConfigLoader(Map<String, String> environment) {
    this.environment = environment;
  }

  /**
   * The file named by {@code explicit}, else by DBQ_CONFIG, else config/dbq.yml; with none of
   * these present, the built-in defaults.
   */
  public DbqConfig load(Path explicit) {
    Path file = explicit != null ? explicit : configuredFile();
    if (file == null) {
      return parse("(defaults)", "");
    }
    return parse(file.toString(), read(file));
  }

  private Path configuredFile() {
    String fromEnvironment = environment.get("DBQ_CONFIG");
    if (fromEnvironment != null && !fromEnvironment.isBlank()) {
      return Path.of(fromEnvironment);
    }
    return Files.exists(DEFAULT_FILE) ? DEFAULT_FILE : null;
  }

  private static String read(Path file) {
    try {
      return Files.readString(file, StandardCharsets.UTF_8);
    } catch (NoSuchFileException e) {
      throw single(file.toString(), 1, "(file)", "no such file");
    } catch (IOException e) {
      throw single(file.toString(), 1, "(file)", "cannot be read: " + e.getMessage());
    }
  }

  /** Parses config text; {@code file} names it in messages. */
  public DbqConfig parse(String file, String text) {
    Node root;
    try {
      root = new Yaml(new SafeConstructor(new LoaderOptions())).compose(new StringReader(text));
    } catch (MarkedYAMLException e) {
      int line = e.getProblemMark() == null ? 1 : e.getProblemMark().getLine() + 1;
      throw single(file, line, "(yaml)", "not valid YAML: " + e.getProblem());
    } catch (YAMLException e) {
      throw single(file, 1, "(yaml)", "not valid YAML: " + e.getMessage());
    }
    List<ConfigProblem> problems = new ArrayList<>();
    if (root != null && !(root instanceof MappingNode)) {
      throw single(file, root.getStartMark().getLine() + 1, "(root)", "expected keys such as rounds: and content:");
    }
    Map<String, Integer> keyLines = new HashMap<>();
    var top = new ConfigSection(file, "", (MappingNode) root, environment, problems, keyLines);
    DbqConfig config = read(top, file, keyLines);
    top.rejectUnknownKeys();
    if (!problems.isEmpty()) {
      throw new ConfigException(problems);
    }
    return config;
  }

  private static DbqConfig read(ConfigSection top, String file, Map<String, Integer> keyLines) {
    var content = top.section("content");
    var console = top.section("console");
    var database = top.section("database");
    var http = top.section("http");
    var rounds = top.section("rounds");
    var streaks = top.section("streaks");
    var logging = top.section("logging");
    var discord = top.section("discord");
    var shards = discord.section("shards");
    DbqConfig config =
        new DbqConfig(
            new DbqConfig.Content(
                content.stringList("paths", List.of("content")),
                content.value("max_file_size", "5MB", ConfigLoader::byteSize)),
            new DbqConfig.Console(console.string("user", "you"), console.string("channel", "general")),
            top.stringList("admins", List.of()),
            new DbqConfig.Database(
                database.value("url", "${DBQ_DATABASE_URL:-jdbc:sqlite:data/dbq.db}", ConfigLoader::jdbcUrl)),
            http(http),
            new DbqConfig.Rounds(
                rounds.value("post_at", "09:00", TimesOfDay::parse),
                rounds.value("zone", "UTC", ConfigLoader::zone),
                rounds.value("days", "weekdays", Days::parse),
                rounds.value("grace", "2h", ConfigLoader::duration),
                rounds.value("reveal_at", "17:00", TimesOfDay::parse),
                rounds.value("followup_interval", "1h", ConfigLoader::duration),
                rounds.string("filters", "")),
            new DbqConfig.Streaks(streaks.value("team_quorum", "1", ConfigLoader::positive)),
            new DbqConfig.Logging(
                logging.value("level", "${DBQ_LOG_LEVEL:-info}", ConfigLoader::logLevel),
                logging.value("format", "${DBQ_LOG_FORMAT:-text}", ConfigLoader::logFormat).equals("json")),
            discord(discord, shards),
            // Last: the lines of every key read above.
            new DbqConfig.Source(file, keyLines));
    for (ConfigSection section : List.of(content, console, database, http, rounds, streaks, logging, discord, shards)) {
      section.rejectUnknownKeys();
    }
    return config;
  }

  private static DbqConfig.Http http(ConfigSection http) {
    Integer port = http.value("port", "${DBQ_HTTP_PORT:-3000}", ConfigLoader::port);
    String managementHost = http.value("management_host", "${DBQ_MANAGEMENT_HOST:-127.0.0.1}", ConfigLoader::host);
    Integer managementPort = http.value("management_port", "${DBQ_MANAGEMENT_PORT:-9090}", ConfigLoader::port);
    if (port != null && port.equals(managementPort)) {
      // Both on one port would put /metrics and /readyz back on the public one.
      http.problem("management_port", "must differ from http.port (" + port + "): /readyz and /metrics stay off the public port");
    }
    return new DbqConfig.Http(
        port == null ? 3000 : port, managementHost == null ? "127.0.0.1" : managementHost, managementPort == null ? 9090 : managementPort);
  }

  private static DbqConfig.Discord discord(ConfigSection discord, ConfigSection shards) {
    Optional<String> devGuild = discord.value("dev_guild", "", ConfigLoader::optionalSnowflake);
    Integer total = shards.value("total", "1", ConfigLoader::positive);
    int shardsTotal = total == null ? 1 : total;
    List<String> all = IntStream.range(0, shardsTotal).mapToObj(Integer::toString).toList();
    List<Integer> ids = shards.list("ids", all, items -> shardIds(items, shardsTotal));
    return new DbqConfig.Discord(
        devGuild == null ? Optional.empty() : devGuild, shardsTotal, ids == null ? List.of() : ids);
  }

  /** A Discord id (a snowflake: 17 to 20 digits), or empty for none. */
  static Optional<String> optionalSnowflake(String text) {
    String id = text.strip();
    if (id.isEmpty()) {
      return Optional.empty();
    }
    if (!id.matches("[0-9]{17,20}")) {
      throw new IllegalArgumentException("expected a Discord guild id (17 to 20 digits), got '" + text + "'");
    }
    return Optional.of(id);
  }

  /** Items like {@code 0}, {@code 2-5} or {@code 0,1}: shard ids, each below {@code total}. */
  static List<Integer> shardIds(List<String> items, int total) {
    List<Integer> ids = new ArrayList<>();
    for (String word : items.stream().flatMap(item -> Arrays.stream(item.split(","))).map(String::strip).toList()) {
      String[] range = word.split("-", 2);
      try {
        int from = Integer.parseInt(range[0].strip());
        int to = range.length == 2 ? Integer.parseInt(range[1].strip()) : from;
        for (int id = from; id <= to; id++) {
          if (id < 0 || id >= total) {
            throw new IllegalArgumentException(
                "shard id " + id + " is outside 0.." + (total - 1) + " (discord.shards.total is " + total + ")");
          }
          if (!ids.contains(id)) {
            ids.add(id);
          }
        }
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException("expected shard ids like [0, 1] or 0-3, got '" + word + "'");
      }
    }
    if (ids.isEmpty()) {
      throw new IllegalArgumentException("expected at least one shard id");
    }
    return List.copyOf(ids);
  }

  private static ConfigException single(String file, int line, String key, String message) {
    return new ConfigException(List.of(new ConfigProblem(file, line, key, message)));
  }

  static ZoneId zone(String text) {
    ZoneNames.insteadOfAbbreviation(text).ifPresent(meant -> {
      throw new IllegalArgumentException("time zone '" + text + "' is an abbreviation, which does not say when summer time applies"
          + " (use an IANA name like " + String.join(" or ", meant) + ")");
    });
    try {
      return ZoneId.of(text);
    } catch (DateTimeException e) {
      throw new IllegalArgumentException("unknown time zone '" + text + "' (use an IANA name like Europe/Berlin)");
    }
  }

  /** {@code 90m}, {@code 2h}, {@code 1h30m}, {@code 45s} or ISO-8601 {@code PT2H}. */
  public static Duration duration(String text) {
    String compact = text.strip().toUpperCase(java.util.Locale.ROOT).replace(" ", "");
    try {
      Duration parsed = Duration.parse(compact.startsWith("P") ? compact : "PT" + compact);
      if (parsed.isNegative()) {
        throw new IllegalArgumentException("must not be negative, got '" + text + "'");
      }
      return parsed;
    } catch (java.time.format.DateTimeParseException e) {
      throw new IllegalArgumentException("expected a duration like 90m, 2h or 1h30m, got '" + text + "'");
    }
  }

  static int positive(String text) {
    try {
      int value = Integer.parseInt(text.strip());
      if (value < 1) {
        throw new IllegalArgumentException("must be at least 1, got " + value);
      }
      return value;
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("expected a whole number, got '" + text + "'");
    }
  }

  static int port(String text) {
    int port = positive(text);
    if (port > 65535) {
      throw new IllegalArgumentException("expected a port from 1 to 65535, got " + port);
    }
    return port;
  }

  /** A host name or IP address to bind to: {@code 127.0.0.1} (this machine only), {@code 0.0.0.0} (every interface). */
  static String host(String text) {
    String host = text.strip();
    if (host.isEmpty() || !host.matches("[A-Za-z0-9.:\\-\\[\\]%]+")) {
      throw new IllegalArgumentException("expected a host name or IP address such as 127.0.0.1 or 0.0.0.0, got '" + text + "'");
    }
    return host;
  }

  /** {@code 5MB}, {@code 512KB}, {@code 1 GB} or a number of bytes; KB/MB/GB count 1024s. */
  public static long byteSize(String text) {
    String compact = text.strip().toUpperCase(java.util.Locale.ROOT).replace(" ", "");
    java.util.regex.Matcher matcher = java.util.regex.Pattern.compile("([0-9]{1,12})(B|K|KB|KIB|M|MB|MIB|G|GB|GIB)?").matcher(compact);
    if (!matcher.matches()) {
      throw new IllegalArgumentException("expected a size like 5MB, 512KB or 1GB, got '" + text + "'");
    }
    long number = Long.parseLong(matcher.group(1));
    String unit = matcher.group(2) == null ? "B" : matcher.group(2).substring(0, 1);
    long bytes = switch (unit) {
      case "K" -> number << 10;
      case "M" -> number << 20;
      case "G" -> number << 30;
      default -> number;
    };
    if (bytes < 1 || number > (1L << 33)) {
      throw new IllegalArgumentException("expected a size from 1 byte to 8GB, got '" + text + "'");
    }
    return bytes;
  }

  static String logLevel(String text) {
    String level = text.strip().toLowerCase(java.util.Locale.ROOT);
    if (!List.of("trace", "debug", "info", "warn", "error").contains(level)) {
      throw new IllegalArgumentException("expected trace, debug, info, warn or error, got '" + text + "'");
    }
    return level;
  }

  static String logFormat(String text) {
    String format = text.strip().toLowerCase(java.util.Locale.ROOT);
    if (!format.equals("text") && !format.equals("json")) {
      throw new IllegalArgumentException("expected text or json, got '" + text + "'");
    }
    return format;
  }

  static String jdbcUrl(String text) {
    // Before anything can quote it: its passwords are hidden from every message and log.
    Redaction.registerSecretsOf(text);
    if (!text.startsWith("jdbc:sqlite:") && !text.startsWith("jdbc:postgresql:")) {
      throw new IllegalArgumentException("expected a jdbc:sqlite: or jdbc:postgresql: URL");
    }
    return text;
  }
}
