package dev.dbq.logging;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.classic.spi.LoggerContextVO;
import ch.qos.logback.classic.spi.StackTraceElementProxy;
import java.util.List;
import java.util.Map;
import org.slf4j.Marker;
import org.slf4j.event.KeyValuePair;

/**
 * A log event as the text format writes it: its message and every exception message in its
 * causes escaped by {@link LineSafe}. Stack frames stay lines of their own: they come from the
 * code, not from outside.
 */
final class LineSafeEvent implements ILoggingEvent {

  private final ILoggingEvent event;

  LineSafeEvent(ILoggingEvent event) {
    this.event = event;
  }

  @Override
  public String getFormattedMessage() {
    return LineSafe.escape(event.getFormattedMessage());
  }

  @Override
  public String getMessage() {
    return LineSafe.escape(event.getMessage());
  }

  @Override
  public IThrowableProxy getThrowableProxy() {
    IThrowableProxy proxy = event.getThrowableProxy();
    return proxy == null ? null : new LineSafeThrowable(proxy);
  }

  // ---- the rest as it was

  @Override
  public String getThreadName() {
    return event.getThreadName();
  }

  @Override
  public Level getLevel() {
    return event.getLevel();
  }

  @Override
  public Object[] getArgumentArray() {
    return event.getArgumentArray();
  }

  @Override
  public String getLoggerName() {
    return event.getLoggerName();
  }

  @Override
  public LoggerContextVO getLoggerContextVO() {
    return event.getLoggerContextVO();
  }

  @Override
  public StackTraceElement[] getCallerData() {
    return event.getCallerData();
  }

  @Override
  public boolean hasCallerData() {
    return event.hasCallerData();
  }

  @Override
  public List<Marker> getMarkerList() {
    return event.getMarkerList();
  }

  @Override
  public Map<String, String> getMDCPropertyMap() {
    return event.getMDCPropertyMap();
  }

  @Override
  @SuppressWarnings("deprecation")
  public Map<String, String> getMdc() {
    return event.getMdc();
  }

  @Override
  public long getTimeStamp() {
    return event.getTimeStamp();
  }

  @Override
  public int getNanoseconds() {
    return event.getNanoseconds();
  }

  @Override
  public long getSequenceNumber() {
    return event.getSequenceNumber();
  }

  @Override
  public List<KeyValuePair> getKeyValuePairs() {
    return event.getKeyValuePairs();
  }

  @Override
  public void prepareForDeferredProcessing() {
    event.prepareForDeferredProcessing();
  }

  /** An exception and its causes, with their messages escaped. */
  private record LineSafeThrowable(IThrowableProxy proxy) implements IThrowableProxy {

    @Override
    public String getMessage() {
      return LineSafe.escape(proxy.getMessage());
    }

    @Override
    public String getOverridingMessage() {
      return LineSafe.escape(proxy.getOverridingMessage());
    }

    @Override
    public String getClassName() {
      return proxy.getClassName();
    }

    @Override
    public StackTraceElementProxy[] getStackTraceElementProxyArray() {
      return proxy.getStackTraceElementProxyArray();
    }

    @Override
    public int getCommonFrames() {
      return proxy.getCommonFrames();
    }

    @Override
    public IThrowableProxy getCause() {
      IThrowableProxy cause = proxy.getCause();
      return cause == null ? null : new LineSafeThrowable(cause);
    }

    @Override
    public IThrowableProxy[] getSuppressed() {
      IThrowableProxy[] suppressed = proxy.getSuppressed();
      if (suppressed == null) {
        return null;
      }
      IThrowableProxy[] safe = new IThrowableProxy[suppressed.length];
      for (int i = 0; i < suppressed.length; i++) {
        safe[i] = new LineSafeThrowable(suppressed[i]);
      }
      return safe;
    }

    @Override
    public boolean isCyclic() {
      return proxy.isCyclic();
    }
  }
}
