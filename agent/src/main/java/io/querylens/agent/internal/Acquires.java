package io.querylens.agent.internal;

import io.querylens.core.intercept.Recording;
import io.querylens.jdbc.Acquisition;
import java.sql.Connection;

/**
 * What the rewritten {@code DataSource.getConnection} and {@code Driver.connect} methods call: the
 * proxy driver's {@link Acquisition}, whose thread-local stack of calls the agent and the driver
 * share, so that physical connects and checkouts are told apart across layers and each execution is
 * recorded once. Internal: public because the application's classes call it.
 */
public final class Acquires {
  private Acquires() {}

  /** An instrumented getConnection/connect starts on this thread. */
  public static void enter() {
    Acquisition.enter();
  }

  /**
   * An instrumented call ends, having returned {@code connection} or thrown {@code thrown}; returns
   * what the call must return: the connection wrapped once, or {@code connection} itself when it is
   * null, already recorded, or QueryLens fails. Never throws.
   */
  public static Connection exit(Connection connection, Throwable thrown) {
    // exit catches and reports its own faults; the JVM-wide recording exists since premain
    return Acquisition.exit(Recording.global(), connection, thrown);
  }
}
