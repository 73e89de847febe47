package dev.dbq.logging;

import ch.qos.logback.classic.pattern.ThrowableProxyConverter;
import ch.qos.logback.classic.spi.ILoggingEvent;
import dev.dbq.text.Redaction;

/**
 * {@code %redactedEx}: a logged stack trace with secrets hidden: libraries' exception messages
 * (a JDBC driver's, HikariCP's) may quote a URL or a misread host with its password.
 */
public final class RedactingThrowableConverter extends ThrowableProxyConverter {

  @Override
  public String convert(ILoggingEvent event) {
    return Redaction.redact(super.convert(event));
  }
}
