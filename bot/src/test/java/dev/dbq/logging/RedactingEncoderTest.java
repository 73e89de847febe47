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

  private static final LoggerContext CONTEXT = (LoggerContext) LoggerFactory.getILoggerFactory();

  @ParameterizedTest(name = "json={0}")
  @ValueSource(booleans = {false, true})
  void secretsInMessagesAndExceptionsAreMasked(boolean json) {
    // given the encoder as logback.xml sets it up
    RedactingEncoder encoder = encoder(json);
    LoggerContext context = CONTEXT;

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

  @ParameterizedTest(name = "json={0}")
  @ValueSource(booleans = {false, true})
  void textFromOutsideCannotStartALineOfItsOwn(boolean json) {
    // given the encoder as logback.xml sets it up
    RedactingEncoder encoder = encoder(json);

    // when a message argument and an exception message (and its cause's) carry CR, LF, tab, an
    // ANSI escape and a Unicode line separator
    String forged = "x\r\n12:00:00.000 ERROR dev.dbq.Admin - granted\tadmin\u001b[2J\u2028end";
    LoggingEvent event = new LoggingEvent("x", CONTEXT.getLogger("org.example.Server"), Level.WARN,
        "no pattern for {}", new IllegalStateException(forged, new RuntimeException("cause\n" + forged)),
        new Object[] {forged});
    String encoded = new String(encoder.encode(event), StandardCharsets.UTF_8);

    // then the message is one line, and every other line is a stack frame or a cause's first line
    String[] lines = encoded.split("\r\n|\r|\n", -1);
    assertTrue(lines[0].contains("no pattern for"), encoded);
    for (int i = 1; i < lines.length; i++) {
      String line = lines[i];
      boolean frame = line.startsWith("\tat ") || line.startsWith("\t... ");
      assertTrue(line.isEmpty() || frame || line.startsWith("Caused by: java.lang.RuntimeException: cause")
          || line.startsWith("java.lang.IllegalStateException: x"), "a line of its own: " + line);
      assertFalse(!frame && (line.contains("\t") || line.contains("\u001b")), line);
    }
    if (!json) {
      assertFalse(encoded.contains("\u2028"), encoded);
      assertTrue(lines[0].contains("x\\r\\n12:00:00.000 ERROR dev.dbq.Admin - granted\\tadmin\\u001b[2J\\u2028end"), encoded);
    }
  }

  private static RedactingEncoder encoder(boolean json) {
    RedactingEncoder encoder = new RedactingEncoder();
    encoder.setContext(CONTEXT);
    encoder.setJson(json);
    encoder.start();
    return encoder;
  }
}
