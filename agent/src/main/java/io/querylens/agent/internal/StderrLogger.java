package io.querylens.agent.internal;

import io.querylens.core.config.ConfigKey;
import java.io.PrintStream;
import java.util.Locale;
import org.slf4j.Marker;
import org.slf4j.event.Level;
import org.slf4j.helpers.LegacyAbstractLogger;
import org.slf4j.helpers.MessageFormatter;

/**
 * The agent's own logger: one line per message on standard error, at or above {@code
 * querylens.log.level}. In the agent jar SLF4J is relocated, so this never reaches the
 * application's SLF4J binding or its logging configuration.
 */
final class StderrLogger extends LegacyAbstractLogger {
  private static final long serialVersionUID = 1L;

  /**
   * Numeric thresholds: a message is printed when its level's number is at most this; each is the
   * level's index in {@code ConfigKey.LOG_LEVEL.choices()} (off, error, warn, info, debug).
   */
  private static final int ERROR = 1;

  private static final int WARN = 2;
  private static final int INFO = 3;
  private static final int DEBUG = 4;

  /**
   * The current threshold, shared by every logger; {@code info} until the agent reads its config.
   */
  private static volatile int threshold = INFO;

  StderrLogger(String name) {
    this.name = name;
  }

  /**
   * Sets the threshold from a level name ({@code off}..{@code debug}); an unknown name is ignored.
   */
  static void setLevel(String level) {
    if (level == null) {
      return;
    }
    int index = ConfigKey.LOG_LEVEL.choices().indexOf(level.trim().toLowerCase(Locale.ROOT));
    if (index >= 0) {
      threshold = index;
    }
  }

  @Override
  public boolean isTraceEnabled() {
    return false;
  }

  @Override
  public boolean isDebugEnabled() {
    return threshold >= DEBUG;
  }

  @Override
  public boolean isInfoEnabled() {
    return threshold >= INFO;
  }

  @Override
  public boolean isWarnEnabled() {
    return threshold >= WARN;
  }

  @Override
  public boolean isErrorEnabled() {
    return threshold >= ERROR;
  }

  @Override
  protected String getFullyQualifiedCallerName() {
    return null;
  }

  @Override
  protected void handleNormalizedLoggingCall(
      Level level, Marker marker, String messagePattern, Object[] arguments, Throwable throwable) {
    String message = MessageFormatter.basicArrayFormat(messagePattern, arguments);
    PrintStream err = System.err;
    synchronized (err) {
      err.println("[QueryLens] " + level + " " + message);
      if (throwable != null) {
        throwable.printStackTrace(err);
      }
    }
  }
}
