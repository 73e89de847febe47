package dev.dbq.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ConfigLoaderTest {

  private static DbqConfig parse(String yaml, Map<String, String> env) {
    return new ConfigLoader(env).parse("dbq.yml", yaml);
  }

  private static List<String> problems(String yaml) {
    return assertThrows(ConfigException.class, () -> parse(yaml, Map.of())).problems().stream()
        .map(ConfigProblem::format).toList();
  }

  private static DbqConfig withSourceOf(DbqConfig source, DbqConfig values) {
    return new DbqConfig(values.content(), values.console(), values.admins(), values.database(), values.http(),
        values.rounds(), values.streaks(), values.logging(), values.discord(), source.source());
  }

  @Test
  void aProblemFoundAfterLoadingIsReportedAtTheLineOfItsKey() {
    // given
    DbqConfig config = parse("rounds:\n  zone: UTC\n  filters: difficulty:staf\n", Map.of());

    // when
    ConfigProblem problem = config.source().problem("rounds.filters", "no such difficulty");

    // then
    assertEquals("dbq.yml:3: rounds.filters: no such difficulty", problem.format());
  }

  @Test
  void theShippedConfigIsValidAndGivesTheDocumentedDefaults() {
    // when
    DbqConfig config = new ConfigLoader(Map.of()).load(Path.of("..", "config", "dbq.yml"));

    // then
    DbqConfig defaults = parse("", Map.of("USER", "you"));
    assertEquals(withSourceOf(defaults, config), defaults, "the same values; only where they came from differs");
    assertEquals(List.of("content"), config.content().paths());
    assertEquals(LocalTime.of(9, 0), config.rounds().postAt());
    assertEquals(EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY), config.rounds().days());
    assertEquals(Duration.ofHours(2), config.rounds().grace());
    assertEquals("jdbc:sqlite:data/dbq.db", config.database().url());
    assertEquals(3000, config.http().port());
    assertEquals(1, config.streaks().teamQuorum());
    assertEquals(5L << 20, config.content().maxFileSize());
  }

  @Test
  void metricsAndReadinessAreOnALoopbackManagementPortByDefault() {
    // when
    DbqConfig.Http defaults = parse("", Map.of()).http();
    DbqConfig.Http fromEnvironment =
        parse("", Map.of("DBQ_MANAGEMENT_PORT", "9191", "DBQ_MANAGEMENT_HOST", "0.0.0.0")).http();

    // then
    assertEquals(new DbqConfig.Http(3000, "127.0.0.1", 9090), defaults);
    assertEquals(new DbqConfig.Http(3000, "0.0.0.0", 9191), fromEnvironment);
  }

  @Test
  void aBankFileSizeLimitTakesUnits() {
    assertEquals(512L << 10, parse("content:\n  max_file_size: 512KB\n", Map.of()).content().maxFileSize());
    assertEquals(1L << 30, parse("content:\n  max_file_size: 1 GB\n", Map.of()).content().maxFileSize());
    assertEquals(1000L, parse("content:\n  max_file_size: 1000\n", Map.of()).content().maxFileSize());
  }

  @Test
  void environmentVariablesAreSubstitutedWithDefaults() {
    // when
    DbqConfig config =
        parse(
            "database:\n  url: ${DB:-jdbc:sqlite:x.db}\nrounds:\n  zone: ${TZ_NAME}\n",
            Map.of("TZ_NAME", "Europe/Berlin"));

    // then
    assertEquals("jdbc:sqlite:x.db", config.database().url());
    assertEquals(ZoneId.of("Europe/Berlin"), config.rounds().zone());
  }

  @Test
  void valuesAreRead() {
    // when
    DbqConfig config =
        parse(
            """
            rounds:
              post_at: "8:30"
              days: mon,wed,fri
              grace: 90m
              followup_interval: 1h30m
            streaks:
              team_quorum: 3
            admins: [U123, alice]
            """,
            Map.of());

    // then
    assertEquals(LocalTime.of(8, 30), config.rounds().postAt());
    assertEquals(EnumSet.of(DayOfWeek.MONDAY, DayOfWeek.WEDNESDAY, DayOfWeek.FRIDAY), config.rounds().days());
    assertEquals(Duration.ofMinutes(90), config.rounds().grace());
    assertEquals(Duration.ofMinutes(90), config.rounds().followUpInterval());
    assertEquals(3, config.streaks().teamQuorum());
    assertEquals(List.of("U123", "alice"), config.admins());
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "rounds:\\n  zone: Europe/Berln                | dbq.yml:2: rounds.zone: unknown time zone 'Europe/Berln'",
        "rounds:\\n  zone: EST                         | dbq.yml:2: rounds.zone: time zone 'EST' is an abbreviation, which does not say when summer time applies (use an IANA name like America/New_York)",
        "rounds:\\n  zone: CET                         | dbq.yml:2: rounds.zone: time zone 'CET' is an abbreviation, which does not say when summer time applies (use an IANA name like Europe/Paris or Europe/Berlin)",
        "rounds:\\n  post_at: 9am                      | dbq.yml:2: rounds.post_at: expected a time of day like 09:00, got '9am'",
        "rounds:\\n  days: mon,funday                  | dbq.yml:2: rounds.days: 'funday' is not a day",
        "rounds:\\n  grace: soon                       | dbq.yml:2: rounds.grace: expected a duration like 90m",
        "streaks:\\n  team_quorum: 0                   | dbq.yml:2: streaks.team_quorum: must be at least 1, got 0",
        "http:\\n  port: 70000                         | dbq.yml:2: http.port: expected a port from 1 to 65535",
        "http:\\n  management_port: 3000              | dbq.yml:2: http.management_port: must differ from http.port (3000)",
        "http:\\n  management_host: 'a b'             | dbq.yml:2: http.management_host: expected a host name or IP address",
        "content:\\n  max_file_size: lots             | dbq.yml:2: content.max_file_size: expected a size like 5MB",
        "content:\\n  max_file_size: 0                | dbq.yml:2: content.max_file_size: expected a size from 1 byte",
        "database:\\n  url: mysql://x                  | dbq.yml:2: database.url: expected a jdbc:sqlite: or jdbc:postgresql: URL",
        "rounds:\\n  zone: ${NOPE}                     | dbq.yml:2: rounds.zone: environment variable NOPE is not set",
        "round:\\n  zone: UTC                          | dbq.yml:1: round: unknown key (did you mean rounds?)",
        "rounds:\\n  post-at: '09:00'                  | dbq.yml:2: rounds.post-at: unknown key (did you mean post_at?)",
        "rounds: [1, 2]                                 | dbq.yml:1: rounds: expected a section with keys below it",
        "rounds:\\n  zone: [UTC]                       | dbq.yml:2: rounds.zone: expected a single value",
        "rounds:\\n  zone: UTC\\n  zone: UTC          | dbq.yml:3: rounds.zone: duplicate key",
        "rounds: {zone: UTC\\n                          | dbq.yml:2: (yaml): not valid YAML",
        "- just\\n- a list                             | dbq.yml:1: (root): expected keys",
      })
  void everyBadValueIsReportedWithItsKeyAndLine(String yaml, String expected) {
    // when
    List<String> problems = problems(yaml.replace("\\n", "\n"));

    // then
    assertEquals(1, problems.size(), problems::toString);
    assertEquals(true, problems.get(0).startsWith(expected), problems::toString);
  }

  @Test
  void everyProblemOfTheFileIsReportedAtOnce() {
    // when
    List<String> problems = problems("rounds:\n  zone: Nowhere\n  grace: later\nstreaks:\n  team_quorum: x\n");

    // then
    assertEquals(3, problems.size(), problems::toString);
  }

  @Test
  void aMissingExplicitFileIsOneProblem() {
    // when
    var e = assertThrows(ConfigException.class, () -> new ConfigLoader(Map.of()).load(Path.of("missing.yml")));

    // then
    assertEquals("missing.yml:1: (file): no such file", e.getMessage());
  }
}
