package dev.dbq.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Secrets never survive {@link Redaction#redact}, whatever quotes them. */
class RedactionTest {

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      textBlock = """
          user info                 | jdbc:postgresql://bot:s3cret@db/dbq                      | jdbc:postgresql://***@db/dbq
          query                     | jdbc:postgresql://db/dbq?user=bot&password=s3cret&ssl=1  | jdbc:postgresql://db/dbq?user=***&password=***&ssl=1
          upper case key            | jdbc:postgresql://db/dbq?sslmode=require&PASSWORD=s3cret | jdbc:postgresql://db/dbq?sslmode=require&PASSWORD=***
          ssl key password          | jdbc:postgresql://db/dbq?sslpassword=s3cret              | jdbc:postgresql://db/dbq?sslpassword=***
          properties                | jdbc:x:db;user=bot;password=s3cret                       | jdbc:x:db;user=***;password=***
          host as a driver quotes it | java.net.UnknownHostException: bot:s3cret@127.0.0.1     | java.net.UnknownHostException: ***@127.0.0.1
          no credentials            | jdbc:sqlite:data/dbq.db                                  | jdbc:sqlite:data/dbq.db
          already redacted          | Cannot open x?user=***&password=***: role "x" is unknown | Cannot open x?user=***&password=***: role "x" is unknown
          Slack bot token           | chat.postMessage with xoxb-1234-5678-abcdefABCDEF failed | chat.postMessage with *** failed
          Slack app-level token     | connecting with xapp-1-A111-222-abc0123456789            | connecting with ***
          Discord bot token         | token MTA5ODc2NTQzMjEwOTg3NjU0.GhIjKl.abcdefghijklmnopqrstuvwxyz012345 rejected | token *** rejected
          bearer header             | Authorization: Bearer abcdefghijklmnopqrstuvwxyz         | Authorization: Bearer ***
          bearer in capitals        | AUTHORIZATION: BEARER abcdefghijklmnopqrstuvwxyz         | AUTHORIZATION: BEARER ***
          Discord bot header        | Authorization: Bot abcdefghijklmnopqrstuvwxyz0123        | Authorization: Bot ***
          plain words               | round 12 of general at 09:00, best streak 3              | round 12 of general at 09:00, best streak 3
          interaction as JDA dumps it | INTERACTION_CREATE -> {"id":"1","token":"aW50ZXJhY3Rpb246MTpmYWtl","type":2} | INTERACTION_CREATE -> {"id":"1","token":"***","type":2}
          JSON token, spaced        | {"type": 2, "token" : "a.b-c_d~e/f+g=", "version": 1}    | {"type": 2, "token" : "***", "version": 1}
          OAuth tokens              | {"access_token":"6qrZcUqja7812RVdnEKjpzOL4CvHBFG","refresh_token":"D43f5y0ahjqew82jZ4NViEr2YafMKhue","expires_in":604800} | {"access_token":"***","refresh_token":"***","expires_in":604800}
          client secret             | {"client_id":"123","client_secret":"Zx9-secretvalue"}    | {"client_id":"123","client_secret":"***"}
          JSON inside a string      | body="{\"token\":\"abcdef123456\",\"id\":1}"       | body="{\"token\":\"***\",\"id\":1}"
          a token as key=value      | Settings[token=abc123def456, shards=1]                   | Settings[token=***, shards=1]
          webhook URL               | POST https://discord.com/api/v10/webhooks/11/tokXYZ-_abc/messages/@original | POST https://discord.com/api/v10/webhooks/11/***/messages/@original
          interaction callback      | POST interactions/1577232787046400004/tok3n.abc/callback?with_response=true | POST interactions/1577232787046400004/***/callback?with_response=true
          interaction token alone   | answer to aW50ZXJhY3Rpb246MTU3NzIzMjc4NzA0NjQwMDAwNDpmYWtl failed | answer to *** failed
          words with token in them  | tokens: 5, secretary=bob, token bucket empty             | tokens: 5, secretary=bob, token bucket empty
          """)
  void hidesTheShapesCredentialsTakeInAnyText(String kind, String text, String redacted) {
    assertEquals(redacted, Redaction.redact(text));
  }

  @Test
  void redactingTwiceChangesNothing() {
    // given
    String once = Redaction.redact("{\"token\":\"abc\"} webhooks/1/tok token=x interactions/2/aW50ZXJhY3Rpb246eA/callback");

    // when / then
    assertEquals(once, Redaction.redact(once));
    assertFalse(once.contains("abc") || once.contains("/tok") || once.contains("=x") || once.contains("aW50"), once);
  }

  @Test
  void hidesARegisteredPasswordWhereverItIsQuotedAlsoPercentDecoded() {
    // given
    Redaction.registerSecretsOf("jdbc:postgresql://db/dbq?user=bot&password=Ext%72a-s3cret");

    // when
    String quoted = Redaction.redact("driver said: bad password 'Extra-s3cret' (raw Ext%72a-s3cret)");

    // then
    assertFalse(quoted.contains("s3cret"), quoted);
  }

  @Test
  void hidesARegisteredTokenInAStackTraceLikeText() {
    // given
    Redaction.registerSecret("xoxb-123-456-abcdef");

    // when
    String trace = Redaction.redact("IllegalStateException: token xoxb-123-456-abcdef rejected\n\tat x.Y.z(Y.java:1)");

    // then
    assertEquals("IllegalStateException: token *** rejected\n\tat x.Y.z(Y.java:1)", trace);
  }
}
