package dev.dbq.logging;

import ch.qos.logback.classic.encoder.JsonEncoder;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.encoder.Encoder;
import ch.qos.logback.core.encoder.EncoderBase;
import dev.dbq.text.Redaction;
import java.nio.charset.StandardCharsets;

/**
 * Encodes log events as text (a pattern) or one JSON object per line, then masks every secret
 * ({@link Redaction}: token shapes, URL credentials, and the secrets the process registered at
 * start) in what was encoded, whichever logger or library wrote it. In text, CR, LF and the
 * other control characters of messages and exception messages are escaped ({@link LineSafe}):
 * one event is one line, plus its stack frames. Named in logback.xml, so it is in place before
 * the first line is logged.
 */
public final class RedactingEncoder extends EncoderBase<ILoggingEvent> {

  private String pattern = "%d{HH:mm:ss.SSS} %-5level %logger{20} - %msg%n";
  private boolean json;
  private Encoder<ILoggingEvent> inner;

  public void setPattern(String pattern) {
    this.pattern = pattern;
  }

  /** {@code true} for JSON lines; logback sets it from the config file. */
  public void setJson(boolean json) {
    this.json = json;
  }

  public boolean isJson() {
    return json;
  }

  @Override
  public void start() {
    if (json) {
      JsonEncoder encoder = new JsonEncoder();
      encoder.setContext(getContext());
      encoder.start();
      inner = encoder;
    } else {
      PatternLayoutEncoder encoder = new PatternLayoutEncoder();
      encoder.setContext(getContext());
      encoder.setPattern(pattern);
      encoder.setCharset(StandardCharsets.UTF_8);
      encoder.start();
      inner = encoder;
    }
    super.start();
  }

  @Override
  public void stop() {
    if (inner != null) {
      inner.stop();
    }
    super.stop();
  }

  @Override
  public byte[] headerBytes() {
    return inner.headerBytes();
  }

  @Override
  public byte[] encode(ILoggingEvent event) {
    // JSON escapes control characters itself; a text line escapes them in the message and in
    // exception messages, so that no text from outside can start a line of its own.
    String encoded = new String(inner.encode(json ? event : new LineSafeEvent(event)), StandardCharsets.UTF_8);
    // Logback's JSON escapes '/' (legal, never required): undo it so URLs are recognised.
    String plain = json ? encoded.replace("\\/", "/") : encoded;
    return Redaction.redact(plain).getBytes(StandardCharsets.UTF_8);
  }

  @Override
  public byte[] footerBytes() {
    return inner.footerBytes();
  }
}
