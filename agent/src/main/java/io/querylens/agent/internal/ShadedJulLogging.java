package io.querylens.agent.internal;

import io.querylens.core.config.LogLevel;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends what the agent's relocated libraries log through {@code java.util.logging} (the
 * OpenTelemetry SDK: an unreachable collector, a bad setting; OkHttp) to the agent's own stderr
 * logger, at most {@link #PER_MINUTE} lines a minute, and never to the application's handlers:
 * Spring Boot, for one, bridges the root JUL logger to SLF4J and Logback.
 */
final class ShadedJulLogging extends Handler {
  /** The relocated libraries' logger names start with this. */
  static final String ROOT = "io.querylens.shaded";

  static final int PER_MINUTE = 10;

  /** Held so that JUL, which keeps loggers weakly, does not drop the configuration. */
  private static java.util.logging.Logger root;

  private final Logger logger = LoggerFactory.getLogger("io.querylens.otel");
  private final AtomicLong window = new AtomicLong();
  private final AtomicLong inWindow = new AtomicLong();

  ShadedJulLogging() {}

  /** Routes {@link #ROOT}'s records to the agent's logger at {@code level}; one handler a JVM. */
  static synchronized void install(LogLevel level) {
    java.util.logging.Logger logger = java.util.logging.Logger.getLogger(ROOT);
    logger.setUseParentHandlers(false);
    logger.setLevel(julLevel(level));
    if (root == null) {
      logger.addHandler(new ShadedJulLogging());
      root = logger;
    }
  }

  /** The JUL level that lets through what {@code level} prints. */
  static Level julLevel(LogLevel level) {
    switch (level) {
      case OFF:
        return Level.OFF;
      case ERROR:
        return Level.SEVERE;
      case WARN:
        return Level.WARNING;
      case INFO:
        return Level.INFO;
      case DEBUG:
        return Level.FINE;
      default:
        throw new AssertionError(level);
    }
  }

  @Override
  public void publish(LogRecord record) {
    if (record == null || !admitted(System.nanoTime() / 60_000_000_000L)) {
      return;
    }
    String message = record.getLoggerName() + ": " + text(record);
    int level = record.getLevel().intValue();
    if (level >= Level.SEVERE.intValue()) {
      logger.error(message, record.getThrown());
    } else if (level >= Level.WARNING.intValue()) {
      logger.warn(message, record.getThrown());
    } else if (level >= Level.INFO.intValue()) {
      logger.info(message, record.getThrown());
    } else {
      logger.debug(message, record.getThrown());
    }
  }

  /** Whether a record in minute {@code minute} is printed: the first {@link #PER_MINUTE} are. */
  boolean admitted(long minute) {
    long current = window.get();
    if (current != minute && window.compareAndSet(current, minute)) {
      inWindow.set(0);
    }
    return inWindow.incrementAndGet() <= PER_MINUTE;
  }

  private static String text(LogRecord record) {
    String message = record.getMessage();
    Object[] parameters = record.getParameters();
    if (message == null || parameters == null || parameters.length == 0) {
      return String.valueOf(message);
    }
    try {
      return java.text.MessageFormat.format(message, parameters);
    } catch (IllegalArgumentException e) {
      return message;
    }
  }

  @Override
  public void flush() {}

  @Override
  public void close() {}
}
