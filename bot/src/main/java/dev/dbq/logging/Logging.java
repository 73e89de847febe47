package dev.dbq.logging;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.OutputStreamAppender;
import dev.dbq.config.DbqConfig;
import java.util.Iterator;
import org.slf4j.LoggerFactory;

/** Applies the {@code logging:} config (level, text or JSON) once the config is loaded. */
public final class Logging {

  private Logging() {}

  public static void apply(DbqConfig.Logging settings) {
    if (!(LoggerFactory.getILoggerFactory() instanceof LoggerContext context)) {
      return; // another SLF4J binding (tests may use one): leave it as configured
    }
    context.getLogger("dev.dbq").setLevel(Level.toLevel(settings.level(), Level.INFO));
    Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
    for (Iterator<Appender<ch.qos.logback.classic.spi.ILoggingEvent>> it = root.iteratorForAppenders(); it.hasNext(); ) {
      if (it.next() instanceof OutputStreamAppender<ch.qos.logback.classic.spi.ILoggingEvent> appender
          && appender.getEncoder() instanceof RedactingEncoder encoder
          && encoder.isJson() != settings.json()) {
        RedactingEncoder replacement = new RedactingEncoder();
        replacement.setContext(context);
        replacement.setJson(settings.json());
        replacement.start();
        appender.setEncoder(replacement);
        encoder.stop();
      }
    }
  }
}
