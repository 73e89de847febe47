package dev.dbq.schedule;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dbq.testsupport.Backend;
import dev.dbq.testsupport.TestBot;
import dev.dbq.testsupport.TestDatabase;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@code /dbq schedule set}: which word is the zone, and what a user is told when it is not one. */
class ScheduleCommandTest {

  private TestDatabase database;
  private TestBot bot;

  @BeforeEach
  void start() {
    database = Backend.SQLITE.create();
    bot = TestBot.on(database.database(), "", Instant.parse("2026-11-30T07:00:00Z"));
  }

  @AfterEach
  void stop() throws Exception {
    database.close();
  }

  private String set(String arguments) {
    return bot.adminCommand("alice", "/dbq schedule set " + arguments).blocks().toString();
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "09:30 EST          | `EST`     | `America/New_York`",
        "09:30 est weekdays | `est`     | `America/New_York`",
        "09:30 CET          | `CET`     | `Europe/Paris` or `Europe/Berlin`",
        "09:30 PDT daily    | `PDT`     | `America/Los_Angeles`",
        "09:30 EST5EDT      | `EST5EDT` | `Europe/Berlin`",
      })
  void anAbbreviationIsNamedAsTheZoneProblemWithTheIanaNamesMeant(String arguments, String named, String suggested) {
    // when
    String answer = set(arguments);

    // then
    assertTrue(answer.contains("Time zone " + named + " is an abbreviation"), answer);
    assertTrue(answer.contains(suggested), answer);
    assertFalse(answer.contains("is not a day"), answer);
    assertFalse(answer.contains("Schedule saved"), answer);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "09:30 +05:30 weekdays        | 09:30 +05:30, weekdays",
        "09:30 UTC-03:00 daily        | 09:30 UTC-03:00, daily",
        "09:30 utc                    | 09:30 UTC, weekdays",
        "09:30 America/New_York mon,wed | 09:30 America/New_York, mon,wed",
      })
  void ianaNamesUtcAndFixedOffsetsAreSaved(String arguments, String described) {
    // when
    String answer = set(arguments);

    // then
    assertTrue(answer.contains("Schedule saved. Question of the day at " + described), answer);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "09:30 Europe/Berlim | Time zone `Europe/Berlim` is not one I know. Did you mean `Europe/Berlin`?",
        "09:30 +25:00        | Time zone `+25:00` is not a valid offset",
        "09:30 wekdays       | Days: 'wekdays' is not a day",
      })
  void otherBadWordsSayWhichPartIsWrong(String arguments, String problem) {
    // when
    String answer = set(arguments);

    // then
    assertTrue(answer.contains(problem), answer);
  }
}
