package io.querylens.jdbc.internal;

import io.querylens.core.QueryShape;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Wraps a {@link ResultSet} and, for the cursor of an execution, splits the time it is open into
 * {@code fetch} (inside {@link #next()}) and {@code process} (the application between calls).
 *
 * <p>Two clock reads around every {@code next()} would cost about as much as the row itself on an
 * in-memory database, so a young cursor is sampled: the {@value #FIRST_SAMPLE}nd call and every
 * {@value #SAMPLE_EVERY}th call after it are timed, and the fetch time of the others is estimated
 * from those samples. (The first call is not timed: drivers return the first rows with execute, and
 * a one-row lookup then pays no clock read for its cursor but the one at its end.) Once a timed
 * call sees the cursor open for longer than {@value #PRECISE_AFTER_NANOS} ns, the point from which
 * the split matters to a person, every later call is timed. Either way the cursor's end is read
 * exactly, so {@code fetch + process} is the time the cursor was open. Every other method delegates
 * through the generated {@link DelegatingResultSet}. Internal: public only for the agent.
 */
public final class QueryLensResultSet extends DelegatingResultSet {
  static final int SAMPLE_EVERY = 16;
  static final int FIRST_SAMPLE = 2;
  static final long PRECISE_AFTER_NANOS = 50_000;

  /** The statement that handed this cursor out, or null for a metadata cursor. */
  private final QueryLensStatement<?> statement;

  private final QueryLensConnection connection;

  /** The wrapper of another statement the driver names as this cursor's, made on first ask. */
  private QueryLensStatement<?> adopted;

  /** The execution this cursor belongs to, or null once it has ended (or never had one). */
  private QueryShape shape;

  private final long start;
  private final long openedAt;

  /** next() calls while the execution was open. */
  private int calls;

  /** The call from which every call is timed, or 0 while the cursor is sampled. */
  private int preciseFrom;

  private long sampledNanos;
  private long preciseNanos;

  /** A cursor that is not an execution's (generated keys, later result sets): pure delegation. */
  QueryLensResultSet(ResultSet delegate, QueryLensStatement<?> statement) {
    this(delegate, statement, statement.connection);
  }

  /** A cursor of {@code connection}'s metadata: pure delegation. */
  QueryLensResultSet(ResultSet delegate, QueryLensConnection connection) {
    this(delegate, null, connection);
  }

  private QueryLensResultSet(
      ResultSet delegate, QueryLensStatement<?> statement, QueryLensConnection connection) {
    super(delegate);
    this.statement = statement;
    this.connection = connection;
    this.start = 0;
    this.openedAt = 0;
  }

  /** The cursor of an execution that began at {@code start} and returned at {@code openedAt}. */
  QueryLensResultSet(
      ResultSet delegate,
      QueryLensStatement<?> statement,
      QueryShape shape,
      long start,
      long openedAt) {
    super(delegate);
    this.statement = statement;
    this.connection = statement.connection;
    this.shape = shape;
    this.start = start;
    this.openedAt = openedAt;
  }

  @Override
  public boolean next() throws SQLException {
    if (shape == null) {
      return delegate.next();
    }
    int call = ++calls;
    if (preciseFrom != 0 || call % SAMPLE_EVERY == FIRST_SAMPLE) {
      return timedNext(call);
    }
    boolean hasRow = delegate.next();
    if (!hasRow) {
      end(System.nanoTime(), call - 1, true);
    }
    return hasRow;
  }

  private boolean timedNext(int call) throws SQLException {
    long before = System.nanoTime();
    boolean hasRow = delegate.next();
    long after = System.nanoTime();
    if (preciseFrom != 0) {
      preciseNanos += after - before;
    } else {
      sampledNanos += after - before;
      if (after - openedAt > PRECISE_AFTER_NANOS) {
        preciseFrom = call + 1;
      }
    }
    if (!hasRow) {
      end(after, call - 1, true);
    }
    return hasRow;
  }

  /**
   * Ends this cursor's execution at {@code now}, before the application read all its rows, and
   * records it; later calls only delegate.
   */
  void end(long now) {
    end(now, calls, false);
  }

  /**
   * Ends this cursor's execution at {@code now} after {@code rows} rows; {@code readWhole} when
   * {@code next()} returned false, so that they are the whole result.
   */
  private void end(long now, long rows, boolean readWhole) {
    QueryShape ended = shape;
    if (ended == null) {
      return;
    }
    shape = null;
    long open = Math.max(0, now - openedAt);
    int sampledPhase = preciseFrom == 0 ? calls : preciseFrom - 1;
    // calls FIRST_SAMPLE, FIRST_SAMPLE + SAMPLE_EVERY, ... up to sampledPhase were timed
    int sampledCalls = (sampledPhase + SAMPLE_EVERY - FIRST_SAMPLE) / SAMPLE_EVERY;
    long estimated =
        sampledCalls == 0 ? 0 : sampledNanos * (sampledPhase - sampledCalls) / sampledCalls;
    long fetch = Math.min(open, sampledNanos + estimated + preciseNanos);
    statement.cursorEnded(
        this, ended, start, openedAt - start, fetch, open - fetch, rows, readWhole);
  }

  /** The shape of this cursor's execution while it is open, else null. */
  QueryShape shape() {
    return shape;
  }

  @Override
  public void close() throws SQLException {
    if (shape != null) {
      end(System.nanoTime());
    }
    delegate.close();
  }

  /**
   * The wrapper of the statement the driver names (it may throw, or say null): the statement that
   * handed this cursor out when the driver names its delegate, else the driver's own statement
   * adopted by the connection.
   */
  @Override
  public Statement getStatement() throws SQLException {
    Statement owner = delegate.getStatement();
    if (owner == null) {
      return null;
    }
    QueryLensStatement<?> wrapper = statement;
    if (wrapper == null || wrapper.delegate != owner) {
      wrapper = adopted;
      if (wrapper == null || wrapper.delegate != owner) {
        wrapper = adopted = connection.adopt(owner);
      }
    }
    return wrapper;
  }

  @Override
  public <T> T unwrap(Class<T> iface) throws SQLException {
    return Unwrapping.unwrap(this, QueryLensResultSet.class, delegate, iface);
  }

  @Override
  public boolean isWrapperFor(Class<?> iface) throws SQLException {
    return Unwrapping.isWrapperFor(this, QueryLensResultSet.class, delegate, iface);
  }
}
