package io.querylens.core.internal;

import java.io.PrintStream;
import org.slf4j.ILoggerFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.Marker;
import org.slf4j.event.Level;
import org.slf4j.helpers.LegacyAbstractLogger;
import org.slf4j.helpers.MessageFormatter;
import org.slf4j.helpers.NOPLoggerFactory;

/**
 * The {@code io.querylens} logger core writes its findings, configuration warnings and faults to.
 * Internal to core: an SLF4J type in a signature shared across modules would break when an
 * application has the library and the agent (with its relocated SLF4J) together, so the exporter
 * keeps its own logger. When the application binds no SLF4J provider, SLF4J would drop them
 * silently; then QueryLens says so once on stderr and writes its WARN and ERROR lines there itself,
 * so nothing vanishes. With a provider bound (or under the agent, which brings its own) this is
 * SLF4J's logger.
 */
public final class QueryLensLog {
  /** The logger's name, also the prefix of every QueryLens logger. */
  public static final String NAME = "io.querylens";

  private static final Logger logger = choose(LoggerFactory.getILoggerFactory(), System.err);

  private QueryLensLog() {}

  /** The {@code io.querylens} logger. */
  public static Logger logger() {
    return logger;
  }

  /**
   * {@code factory}'s logger, unless {@code factory} is SLF4J's no-operation fallback: then a
   * notice on {@code err} and a logger writing WARN and ERROR to it.
   */
  static Logger choose(ILoggerFactory factory, PrintStream err) {
    if (!(factory instanceof NOPLoggerFactory)) {
      return factory.getLogger(NAME);
    }
    err.println(
        "[QueryLens] No SLF4J provider is bound, so QueryLens writes its warnings (findings,"
            + " configuration mistakes, its own faults) to stderr. Add an SLF4J 2 provider such as"
            + " logback-classic or slf4j-simple to route them through your logging.");
    err.flush();
    return new StderrWarnings(err);
  }

  /** WARN and ERROR to a stream, one line each; the lower levels are off. */
  private static final class StderrWarnings extends LegacyAbstractLogger {
    private static final long serialVersionUID = 1L;

    private final transient PrintStream err;

    StderrWarnings(PrintStream err) {
      this.name = NAME;
      this.err = err;
    }

    @Override
    public boolean isTraceEnabled() {
      return false;
    }

    @Override
    public boolean isDebugEnabled() {
      return false;
    }

    @Override
    public boolean isInfoEnabled() {
      return false;
    }

    @Override
    public boolean isWarnEnabled() {
      return true;
    }

    @Override
    public boolean isErrorEnabled() {
      return true;
    }

    @Override
    protected String getFullyQualifiedCallerName() {
      return null;
    }

    @Override
    protected void handleNormalizedLoggingCall(
        Level level, Marker marker, String pattern, Object[] arguments, Throwable throwable) {
      String message = MessageFormatter.basicArrayFormat(pattern, arguments);
      synchronized (err) {
        err.println("[QueryLens] " + level + " " + message);
        if (throwable != null) {
          throwable.printStackTrace(err);
        }
        err.flush();
      }
    }
  }
}
