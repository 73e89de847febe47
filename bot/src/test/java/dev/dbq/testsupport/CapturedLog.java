package dev.dbq.testsupport;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.AppenderBase;
import dev.dbq.logging.RedactingEncoder;
import dev.dbq.testsupport.discord.AwaitableLog;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.slf4j.LoggerFactory;

/**
 * The log events one logger (and those below it) writes while a test runs, optionally with some
 * loggers' levels lowered; closing detaches it and restores the levels. The events stay readable
 * after closing.
 */
public final class CapturedLog implements AutoCloseable {

  private final Logger logger;
  private final AwaitableLog<ILoggingEvent> captured = new AwaitableLog<>("log events");
  private final AppenderBase<ILoggingEvent> appender = new AppenderBase<>() {
    @Override
    protected void append(ILoggingEvent event) {
      event.prepareForDeferredProcessing(); // the message and thread now, not when read
      captured.add(event);
    }
  };
  private final Map<Logger, Level> levelsBefore = new LinkedHashMap<>();

  private CapturedLog(Logger logger) {
    this.logger = logger;
    appender.start();
    logger.addAppender(appender);
  }

  /** Captures what {@code type}'s logger writes. */
  public static CapturedLog of(Class<?> type) {
    return new CapturedLog((Logger) LoggerFactory.getLogger(type));
  }

  /** Captures every logger's events. */
  public static CapturedLog everything() {
    return new CapturedLog((Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME));
  }

  /** Lowers (or raises) a logger's level until closed, as an operator's setting would. */
  public CapturedLog withLevel(String loggerName, Level level) {
    Logger target = (Logger) LoggerFactory.getLogger(loggerName);
    levelsBefore.putIfAbsent(target, target.getLevel());
    target.setLevel(level);
    return this;
  }

  public List<ILoggingEvent> events() {
    return captured.snapshot();
  }

  /** Waits for {@code count} events matching {@code filter} (written by another thread) and returns them. */
  public List<ILoggingEvent> await(Predicate<ILoggingEvent> filter, int count, Duration timeout, String description) {
    return captured.await(filter, count, timeout, description);
  }

  /**
   * The events as the process writes them in the text format (dev.dbq.logging.RedactingEncoder:
   * masked, control characters escaped, stack traces included), in order.
   */
  public String text() {
    RedactingEncoder encoder = new RedactingEncoder();
    encoder.setContext(logger.getLoggerContext());
    encoder.start();
    StringBuilder text = new StringBuilder();
    for (ILoggingEvent event : events()) {
      text.append(new String(encoder.encode(event), StandardCharsets.UTF_8));
    }
    encoder.stop();
    return text.toString();
  }

  public List<ILoggingEvent> at(Level level) {
    return events().stream().filter(e -> e.getLevel() == level).toList();
  }

  @Override
  public void close() {
    logger.detachAppender(appender);
    appender.stop();
    levelsBefore.forEach(Logger::setLevel);
  }
}
