package io.querylens.agent.internal;

import io.querylens.core.config.LogLevel;
import java.io.PrintStream;
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
   * The current threshold, shared by every logger; {@code info} until the agent reads its config.
   */
  private static volatile LogLevel threshold = LogLevel.INFO;

  StderrLogger(String name) {
    this.name = name;
  }

  /** Sets the threshold: messages at {@code level} and more severe ones are printed. */
  static void setLevel(LogLevel level) {
    threshold = level;
  }

  @Override
  public boolean isTraceEnabled() {
    return false;
  }

  @Override
  public boolean isDebugEnabled() {
    return threshold.prints(LogLevel.DEBUG);
  }

  @Override
  public boolean isInfoEnabled() {
    return threshold.prints(LogLevel.INFO);
  }

  @Override
  public boolean isWarnEnabled() {
    return threshold.prints(LogLevel.WARN);
  }

  @Override
  public boolean isErrorEnabled() {
    return threshold.prints(LogLevel.ERROR);
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
