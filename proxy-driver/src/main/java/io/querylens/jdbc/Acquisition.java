package io.querylens.jdbc;

import io.querylens.core.intercept.Faults;
import io.querylens.core.intercept.Recording;
import io.querylens.jdbc.internal.QueryLensConnection;
import io.querylens.jdbc.internal.Requesters;
import io.querylens.jdbc.internal.serverstats.ReaderThread;
import io.querylens.jdbc.internal.serverstats.ServerStatsReader;
import java.sql.Connection;
import java.sql.Driver;
import java.sql.SQLException;
import java.util.Properties;

/**
 * Times {@code getConnection()}/{@code connect()} calls and tells a physical connect from a pool's
 * checkout. Every QueryLens layer on a thread (the DataSource wrapper, the {@code jdbc:querylens:}
 * driver, the agent's advice) shares one thread-local stack of calls in progress. Each level looks
 * at what its call returned:
 *
 * <ul>
 *   <li>a connection QueryLens does not record yet, which is no pool's proxy: a physical connect,
 *       timed from that level's start and wrapped;
 *   <li>the physical connection a level below opened, as it is: a DataSource that does not pool
 *       passed the connect through, and its time counts as the connect's;
 *   <li>a pool's proxy (over a recorded physical connection, or one QueryLens cannot see): a
 *       checkout, whose time beyond the connects nested in it is pool wait.
 * </ul>
 *
 * Each physical connect is recorded as {@code connect} wherever it ran. The outermost level alone
 * records the application's checkout (pool wait and connect into the time split, the pool wait as
 * {@code acquire}) and hands out the connection whose close ends the hold: over a recorded physical
 * connection, a checkout of its own that records the executions while the physical connection stops
 * recording them, so that each execution is recorded once. A physical connection returned as it is
 * by the outermost level is a checkout only when the application's code asked for it, not a pool
 * filling itself ({@link Requesters}). Public for the agent, which shares the stack; not meant for
 * applications. See decision 0030.
 */
public final class Acquisition {
  /** Nested levels timed; deeper ones share the deepest start. */
  private static final int MAX_LEVELS = 8;

  private static final ThreadLocal<Calls> calls = ThreadLocal.withInitial(Calls::new);

  private Acquisition() {}

  /** A getConnection-like call. */
  @FunctionalInterface
  public interface ConnectionSource {
    Connection get() throws SQLException;
  }

  /**
   * Runs {@code source}, records the connect or checkout (or its failure) and returns the
   * connection wrapped once; the driver's exception reaches the caller unchanged.
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
    if (ReaderThread.isCurrent()) {
      return; // the statistics connection is never recorded, nor its connect
    }
    Calls c = calls.get();
    c.starts[Math.min(c.depth, MAX_LEVELS - 1)] = System.nanoTime();
    c.depth++;
  }

  /**
   * The call begun with {@link #enter()} returned {@code connection} or threw {@code thrown}:
   * records what it was, and returns what the call must return (the connection recorded once, or
   * {@code connection} itself when null, already recorded, or when QueryLens fails). Never throws.
   */
  public static Connection exit(Recording recording, Connection connection, Throwable thrown) {
    if (ReaderThread.isCurrent()) {
      return connection; // as enter: QueryLens is absent on the statistics reader's thread
    }
    Calls c = null;
    int level = 0;
    try {
      long now = System.nanoTime();
      c = calls.get();
      level = --c.depth;
      if (level < 0) {
        level = c.depth = 0; // repairs the count should an enter have been skipped
      }
      long start = c.starts[Math.min(level, MAX_LEVELS - 1)];
      boolean record = thrown == null && connection != null && recording.config().enabled();
      Connection result = record ? levelReturned(recording, c, connection, start, now) : connection;
      if (level == 0) {
        c.flushConnect(recording);
        if (thrown != null) {
          recording.recordAcquireFailure();
        } else if (record) {
          result = outermostReturned(recording, c, result, now - start, now);
        }
      }
      return result;
    } catch (Throwable t) {
      Faults.report("acquire", t);
      return connection;
    } finally {
      if (c != null && level == 0) {
        c.clear();
      }
    }
  }

  /**
   * As {@link #exit}, for a {@code driver.connect(url, info)} begun with {@link #enter()}: when it
   * opened a connection QueryLens did not record yet (the physical connect, not a level passing one
   * through), also hands {@code url} and {@code info} to the database statistics reader, its best
   * route to credentials. {@code driver} may be null. Never throws.
   */
  public static Connection exitConnect(
      Recording recording,
      Connection connection,
      Throwable thrown,
      Driver driver,
      String url,
      Properties info) {
    Connection result = exit(recording, connection, thrown);
    if (result != connection && driver != null) { // wrapped here; never on the reader's thread
      ServerStatsReader.seenDriver(recording, result, driver, url, info);
    }
    return result;
  }

  /** What one level's call returned, recorded once: see the class comment. */
  private static Connection levelReturned(
      Recording recording, Calls c, Connection connection, long start, long now) {
    if (connection instanceof QueryLensConnection) {
      if (connection == c.opened && c.pendingConnectNanos >= 0) {
        c.pendingConnectNanos = now - start; // passed through: this level's time is the connect's
      }
      return connection;
    }
    c.flushConnect(recording);
    if (QueryLensConnection.isRecorded(connection)) {
      return connection; // a pool's proxy over a recorded physical connection
    }
    QueryLensConnection wrapped = QueryLensConnection.create(connection, recording);
    if (!isProxy(connection)) { // else a pool QueryLens cannot see into: no connect is seen
      c.opened = wrapped;
      c.pendingConnectNanos = now - start;
    }
    return wrapped;
  }

  /**
   * The outermost call returned {@code result} after {@code totalNanos}: records the application's
   * checkout, if it is one, and returns the connection to hand out.
   */
  private static Connection outermostReturned(
      Recording recording, Calls c, Connection result, long totalNanos, long now) {
    long connect = c.connectNanos;
    long poolWait = Math.max(0L, totalNanos - connect);
    if (result instanceof QueryLensConnection) {
      QueryLensConnection q = (QueryLensConnection) result;
      boolean opened = q == c.opened;
      if (opened && !Requesters.isApplication(recording)) {
        return q; // a pool's (or a library's) own physical connection: a connect, no checkout
      }
      q.checkoutBegan(now);
      // a physical connection opened for the application waited on no pool; anything else did
      recording.recordCheckout(opened ? 0 : poolWait, connect, !opened);
      return q;
    }
    recording.recordCheckout(poolWait, connect, true);
    QueryLensConnection physical = QueryLensConnection.under(result);
    // a proxy that will not unwrap keeps its executions recorded below it; its hold is not seen
    return physical == null
        ? result
        : QueryLensConnection.checkoutOver(result, physical, recording, now);
  }

  /**
   * Whether {@code connection}, which QueryLens does not record, is a pool's proxy: it unwraps to
   * another connection (HikariCP, c3p0, Tomcat JDBC pool do). A physical connection unwraps to
   * itself. A proxy that unwraps to itself (DBCP2's by default) is taken for a physical connection.
   */
  private static boolean isProxy(Connection connection) {
    try {
      return connection.unwrap(Connection.class) != connection;
    } catch (Throwable t) {
      return false;
    }
  }

  /** Per thread: the getConnection/connect calls in progress and the connects made inside them. */
  private static final class Calls {
    int depth;
    final long[] starts = new long[MAX_LEVELS];

    /** Physical connects finished inside the outermost call, in nanoseconds. */
    long connectNanos;

    /** The physical connection opened latest inside the outermost call. */
    QueryLensConnection opened;

    /** The time of the connect of {@link #opened} while levels pass it through, or -1. */
    long pendingConnectNanos = -1;

    /** The pending connect is over: recorded, and added to the outermost call's connect time. */
    void flushConnect(Recording recording) {
      long nanos = pendingConnectNanos;
      if (nanos >= 0) {
        pendingConnectNanos = -1;
        connectNanos += nanos;
        recording.recordConnect(nanos);
      }
    }

    void clear() {
      connectNanos = 0;
      opened = null;
      pendingConnectNanos = -1;
    }
  }
}
