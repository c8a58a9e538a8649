package io.querylens.core.intercept;

import io.querylens.core.internal.QueryLensLog;
import java.util.function.Supplier;

/**
 * QueryLens's own {@code io.querylens} logger for the interception modules, taking finished
 * sentences: no SLF4J type crosses a module's API, and lines still reach stderr when the
 * application binds no SLF4J provider (core's internal {@code QueryLensLog}).
 */
public final class Log {
  private Log() {}

  /** Logs {@code message} at INFO. */
  public static void info(String message) {
    QueryLensLog.logger().info(message);
  }

  /** Logs {@code message} at WARN. */
  public static void warn(String message) {
    QueryLensLog.logger().warn(message);
  }

  /** Logs {@code message} at DEBUG, building it only when DEBUG is on. */
  public static void debug(Supplier<String> message) {
    if (QueryLensLog.logger().isDebugEnabled()) {
      QueryLensLog.logger().debug(message.get());
    }
  }
}
