package io.querylens.jdbc.internal;

import io.querylens.core.internal.Recording;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * One {@code getConnection()} call being timed. Only the outermost QueryLens layer on a thread
 * records it (a wrapped pool over the {@code jdbc:querylens:} driver records one acquire, the
 * pool's), so nested layers neither double count nor wrap twice. Internal: public only for the
 * agent.
 */
public final class Acquisition {
  private static final ThreadLocal<Acquisition> current = new ThreadLocal<>();

  private final Recording recording;
  private final long start;
  private final boolean outermost;

  private Acquisition(Recording recording, long start, boolean outermost) {
    this.recording = recording;
    this.start = start;
    this.outermost = outermost;
  }

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
    Acquisition acquisition = begin(recording);
    Connection connection;
    try {
      connection = source.get();
    } catch (Throwable t) {
      acquisition.failed();
      throw t;
    }
    return acquisition.acquired(connection);
  }

  private static Acquisition begin(Recording recording) {
    boolean outermost = current.get() == null;
    Acquisition acquisition = new Acquisition(recording, System.nanoTime(), outermost);
    if (outermost) {
      current.set(acquisition);
    }
    return acquisition;
  }

  private Connection acquired(Connection connection) {
    long now = System.nanoTime();
    if (outermost) {
      current.remove();
      recording.recordAcquire(now - start);
    }
    return QueryLensConnection.wrap(connection, recording, now);
  }

  private void failed() {
    if (outermost) {
      current.remove();
      recording.recordAcquireFailure();
    }
  }
}
