package io.querylens.jdbc;

import io.querylens.core.intercept.Faults;
import io.querylens.core.intercept.Recording;
import io.querylens.jdbc.internal.QueryLensConnection;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * Times {@code getConnection()}/{@code connect()} calls. Every QueryLens layer on a thread (the
 * DataSource wrapper, the {@code jdbc:querylens:} driver, the agent's advice) shares one
 * thread-local depth, so only the outermost call records the acquire (a pool over the driver
 * records the pool's wait) and each execution is recorded once; every level hands its connection to
 * {@link QueryLensConnection#wrap}, which wraps it once. Public for the agent, which shares that
 * depth; not meant for applications.
 */
public final class Acquisition {
  /** Per thread: {@code [0]} calls in progress, {@code [1]} the outermost one's start. */
  private static final ThreadLocal<long[]> state = ThreadLocal.withInitial(() -> new long[2]);

  private Acquisition() {}

  /** A getConnection-like call. */
  @FunctionalInterface
  public interface ConnectionSource {
    Connection get() throws SQLException;
  }

  /**
   * Runs {@code source}, records the acquire (or its failure) and returns the connection wrapped
   * once; the driver's exception reaches the caller unchanged.
   */
  public static Connection acquire(Recording recording, ConnectionSource source)
      throws SQLException {
    enter();
    Connection connection;
    try {
      connection = source.get();
    } catch (Throwable t) {
      exit(recording, null, t);
      throw t;
    }
    return exit(recording, connection, null);
  }

  /** A getConnection/connect call starts on this thread. */
  public static void enter() {
    long[] s = state.get();
    if (s[0]++ == 0) {
      s[1] = System.nanoTime();
    }
  }

  /**
   * The call begun with {@link #enter()} returned {@code connection} or threw {@code thrown}:
   * records the acquire if it was the outermost, and returns what the call must return (the
   * connection wrapped once, or {@code connection} itself when null, already recorded, or when
   * QueryLens fails). Never throws.
   */
  public static Connection exit(Recording recording, Connection connection, Throwable thrown) {
    try {
      long now = System.nanoTime();
      long[] s = state.get();
      if (--s[0] <= 0) {
        s[0] = 0; // also repairs the count should an enter have been skipped
        if (thrown != null) {
          recording.recordAcquireFailure();
        } else if (connection != null) {
          recording.recordAcquire(now - s[1]);
        }
      }
      if (thrown != null || connection == null || !recording.config().enabled()) {
        return connection;
      }
      return QueryLensConnection.wrap(connection, recording, now);
    } catch (Throwable t) {
      Faults.report("acquire", t);
      return connection;
    }
  }
}
