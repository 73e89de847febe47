package dev.dbq.logging;

import ch.qos.logback.classic.pattern.MessageConverter;
import ch.qos.logback.classic.spi.ILoggingEvent;
import dev.dbq.text.Redaction;

/** {@code %redactedMsg}: the log message with secrets hidden (logback.xml uses it for every line). */
public final class RedactingMessageConverter extends MessageConverter {

  @Override
  public String convert(ILoggingEvent event) {
    return Redaction.redact(super.convert(event));
  }
}
