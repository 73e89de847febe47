package dev.dbq.logging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RedactorTest {

  private static final Redactor REDACTOR =
      Redactor.forEnvironment(Map.of("SLACK_SIGNING_SECRET", "8f742231b10e8888abcd99yyyzzz85a5", "DISCORD_BOT_TOKEN", "short"));

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "a Slack bot token | calling chat.postMessage with xoxb-1234-5678-abcdefABCDEF failed | calling chat.postMessage with **** failed",
        "an app-level token | connecting with xapp-1-A111-222-abc0123456789 | connecting with ****",
        "the signing secret by value | secret=8f742231b10e8888abcd99yyyzzz85a5 in use | secret=**** in use",
        "a password in a JDBC URL | jdbc:postgresql://postgres:hunter2@127.0.0.1:5999/test | jdbc:postgresql://postgres:****@127.0.0.1:5999/test",
        "a password parameter | jdbc:postgresql://db/test?user=bot&password=hunter2&ssl=true | jdbc:postgresql://db/test?user=bot&password=****&ssl=true",
        "a driver quoting a URL authority | UnknownHostException: postgres:hunter2@127.0.0.1 | UnknownHostException: postgres:****@127.0.0.1",
        "a Discord token | token MTA5ODc2NTQzMjEwOTg3NjU0.GhIjKl.abcdefghijklmnopqrstuvwxyz012345 rejected | token **** rejected",
        "a bearer header | Authorization: Bearer abcdefghijklmnopqrstuvwxyz | Authorization: Bearer ****",
        "plain words stay | the short word stays and so does round 12 | the short word stays and so does round 12",
      })
  void masksSecretsWhereverTheyStand(String what, String text, String expected) {
    assertEquals(expected, REDACTOR.redact(text), what);
  }

  @ParameterizedTest
  @CsvSource({"jdbc:postgresql://postgres:hunter2@127.0.0.1:5999/test", "postgresql://u:hunter2@h/db?x=1"})
  void neverShowsAUrlPassword(String url) {
    assertFalse(REDACTOR.redact("failed: " + url).contains("hunter2"));
  }
}
