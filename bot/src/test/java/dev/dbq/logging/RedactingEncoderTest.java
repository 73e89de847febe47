package dev.dbq.logging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.LoggingEvent;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.slf4j.LoggerFactory;

/** Whatever logs a secret, in text or JSON, the line that leaves the process shows it masked. */
class RedactingEncoderTest {

  @ParameterizedTest(name = "json={0}")
  @ValueSource(booleans = {false, true})
  void secretsInMessagesAndExceptionsAreMasked(boolean json) {
    // given the encoder as logback.xml sets it up
    LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
    RedactingEncoder encoder = new RedactingEncoder();
    encoder.setContext(context);
    encoder.setJson(json);
    encoder.start();

    // when a library logs a token, with an exception quoting a URL with a password
    LoggingEvent event =
        new LoggingEvent(
            "x",
            context.getLogger("org.example.Client"),
            Level.WARN,
            "auth failed for xoxb-1111-2222-abcdefghijkl",
            new IllegalStateException("jdbc:postgresql://bot:hunter2@db/x"),
            null);
    String line = new String(encoder.encode(event), StandardCharsets.UTF_8);

    // then
    assertFalse(line.contains("xoxb-1111"), line);
    assertFalse(line.contains("hunter2"), line);
    assertTrue(line.contains("auth failed for ***"), line);
    assertEquals(json, line.startsWith("{"), line);
  }
}
