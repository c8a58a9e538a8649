package io.querylens.jdbc.internal;

import io.querylens.core.QueryShape;
import io.querylens.core.intercept.ParameterHash;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Wraps a {@link Statement}: every execute variant funnels into {@link #begin} / {@link #ended} /
 * {@link #failed}, which turn the call into one {@code Execution}; everything else delegates
 * through the generated {@link DelegatingStatement}. Internal: public only for the agent.
 *
 * @param <S> the wrapped statement type
 */
public class QueryLensStatement<S extends Statement> extends DelegatingStatement<S> {
  final QueryLensConnection connection;

  /** The cursor of the current execution, or null. */
  private QueryLensResultSet currentCursor;

  /**
   * The result set last handed to the application, or null: handed out again while the driver
   * returns the same object, as the driver's own would be.
   */
  private QueryLensResultSet lastResultSet;

  /** Shape of the first statement added to the current plain-Statement batch. */
  private QueryShape batchShape;

  /** Statements added to the current batch. */
  int batchSize;

  /** The current execution's parameter hash and transaction (0: autocommit). */
  private long parameterHash;

  private long transactionId;

  /**
   * An execute() whose outcome the application has not read yet, or null. Kept out of line (it is
   * rare) so that the statement wrapper stays small.
   */
  private PendingExecute pending;

  QueryLensStatement(S delegate, QueryLensConnection connection) {
    super(delegate);
    this.connection = connection;
  }

  /** A driver call taking the SQL text (or null) and one extra argument, returning a count. */
  @FunctionalInterface
  interface CountCall<T, A> {
    long call(T statement, String sql, A arg) throws SQLException;
  }

  /** A driver call taking the SQL text (or null) and one extra argument. */
  @FunctionalInterface
  interface Call<T, A, R> {
    R call(T statement, String sql, A arg) throws SQLException;
  }

  /** An executeUpdate-like call: one execution whose rows are the returned count. */
  final <A> long count(QueryShape shape, String sql, A arg, CountCall<? super S, A> call)
      throws SQLException {
    long start = begin(sql);
    long rows;
    try {
      rows = call.call(delegate, sql, arg);
    } catch (Throwable t) {
      failed(shape, start, t, 0);
      throw t;
    }
    ended(shape, start, rows, 0);
    return rows;
  }

  /** An execute()-like call: complete now, or when its result set ends. */
  final <A> boolean execute(QueryShape shape, String sql, A arg, Call<? super S, A, Boolean> call)
      throws SQLException {
    long start = begin(sql);
    boolean hasResultSet;
    try {
      hasResultSet = call.call(delegate, sql, arg);
    } catch (Throwable t) {
      failed(shape, start, t, 0);
      throw t;
    }
    return executed(shape, start, hasResultSet);
  }

  /** An executeQuery-like call: the execution ends with its cursor. */
  final ResultSet query(QueryShape shape, String sql, Call<? super S, Void, ResultSet> call)
      throws SQLException {
    long start = begin(sql);
    ResultSet rs;
    try {
      rs = call.call(delegate, sql, null);
    } catch (Throwable t) {
      failed(shape, start, t, 0);
      throw t;
    }
    return opened(shape, start, rs);
  }

  /**
   * An executeBatch-like call: one execution for the whole batch, rows the sum of counts. With
   * nothing added the driver sends nothing, so nothing is recorded.
   */
  final <R> R batch(QueryShape shape, Call<? super S, Void, R> call) throws SQLException {
    int size = takeBatch();
    if (size == 0) {
      return call.call(delegate, null, null);
    }
    long start = begin(null);
    R counts;
    try {
      counts = call.call(delegate, null, null);
    } catch (Throwable t) {
      failed(shape, start, t, size);
      throw t;
    }
    long rows = UpdateCounts.rows(counts);
    ended(shape, start, rows, size);
    return counts;
  }

  // ---- the execution funnel -------------------------------------------------------------------

  /**
   * Ends whatever the previous execution left open, notes the new one's parameters and transaction,
   * and returns its start time.
   */
  final long begin(String sql) {
    endOpenExecution();
    parameterHash = parameterHash(sql);
    transactionId = connection.transactionId();
    return System.nanoTime();
  }

  /** The hash an execution of {@code sql} is compared by: a plain statement's is its text's. */
  long parameterHash(String sql) {
    return ParameterHash.ofSql(sql);
  }

  /** Records an execution that produced no cursor. */
  final void ended(QueryShape shape, long start, long rows, int batch) {
    record(shape, start, System.nanoTime() - start, rows, batch);
  }

  private void record(QueryShape shape, long start, long executeNanos, long rows, int batch) {
    connection.recording.record(
        connection.database(),
        shape,
        start,
        executeNanos,
        rows,
        batch,
        parameterHash,
        transactionId);
  }

  /** Records a pending execute() whose outcome was read (or dropped) after the call returned. */
  private void recordLater(PendingExecute p, long rows) {
    connection.recording.recordLater(
        connection.database(),
        p.shape,
        p.start,
        p.executeNanos,
        rows,
        parameterHash,
        transactionId);
  }

  /** Records an execution whose driver call threw, then lets the caller rethrow the same object. */
  final void failed(QueryShape shape, long start, Throwable error, int batch) {
    connection.recording.recordFailure(
        connection.database(),
        shape,
        start,
        System.nanoTime() - start,
        batch,
        error,
        parameterHash,
        transactionId);
  }

  /**
   * Records the cursor of this statement's current execution when it ends; {@code readWhole} when
   * the application read it to its end.
   */
  final void cursorEnded(
      QueryLensResultSet cursor,
      QueryShape shape,
      long start,
      long executeNanos,
      long fetchNanos,
      long processNanos,
      long rows,
      boolean readWhole) {
    if (currentCursor == cursor) {
      currentCursor = null;
    }
    connection.recording.recordCursor(
        connection.database(),
        shape,
        start,
        executeNanos,
        fetchNanos,
        processNanos,
        rows,
        readWhole,
        parameterHash,
        transactionId);
  }

  /** Wraps the cursor of an executeQuery; its execution is recorded when the cursor ends. */
  final ResultSet opened(QueryShape shape, long start, ResultSet rs) {
    long now = System.nanoTime();
    if (rs == null) {
      record(shape, start, now - start, -1, 0);
      return null;
    }
    connection.recording.executeReturned(shape);
    return open(new QueryLensResultSet(rs, this, shape, start, now));
  }

  private ResultSet open(QueryLensResultSet cursor) {
    currentCursor = cursor;
    lastResultSet = cursor;
    connection.recording.cursorOpened(cursor.shape());
    return cursor;
  }

  /** After execute() returned: its result set or update count is waiting to be read. */
  final boolean executed(QueryShape shape, long start, boolean hasResultSet) {
    pending = new PendingExecute(shape, start, System.nanoTime() - start, hasResultSet);
    connection.recording.executionPending(shape);
    connection.recording.executeReturned(shape);
    return hasResultSet;
  }

  /** The application read the update count of a pending execute(): it ends with those rows. */
  private long updateCountRead(long count) {
    PendingExecute p = pending;
    if (p != null && !p.hasResultSet) {
      pending = null;
      recordLater(p, count);
    }
    return count;
  }

  private void endPrevious() {
    QueryLensResultSet cursor = currentCursor;
    if (cursor != null) {
      currentCursor = null;
      cursor.end(System.nanoTime());
    }
    PendingExecute p = pending;
    if (p != null) {
      pending = null;
      recordLater(p, -1);
    }
  }

  /**
   * Ends the execution this statement still has open, if any: before its next execution, at
   * getMoreResults, and when the statement or its connection closes.
   */
  final void endOpenExecution() {
    if (currentCursor != null || pending != null) {
      endPrevious();
    }
  }

  final QueryShape shapeOf(String sql) {
    return connection.recording.shapeOf(connection.dialect(), sql);
  }

  final int takeBatch() {
    int size = batchSize;
    batchSize = 0;
    return size;
  }

  /** An execute() call that returned; its result set or update count is yet to be read. */
  private static final class PendingExecute {
    final QueryShape shape;
    final long start;
    final long executeNanos;
    final boolean hasResultSet;

    PendingExecute(QueryShape shape, long start, long executeNanos, boolean hasResultSet) {
      this.shape = shape;
      this.start = start;
      this.executeNanos = executeNanos;
      this.hasResultSet = hasResultSet;
    }
  }

  // ---- Statement execute variants ---------------------------------------------------------------

  @Override
  public ResultSet executeQuery(String sql) throws SQLException {
    return query(shapeOf(sql), sql, (s, q, a) -> s.executeQuery(q));
  }

  @Override
  public int executeUpdate(String sql) throws SQLException {
    return (int) count(shapeOf(sql), sql, null, (s, q, a) -> s.executeUpdate(q));
  }

  @Override
  public int executeUpdate(String sql, int autoGeneratedKeys) throws SQLException {
    return (int) count(shapeOf(sql), sql, autoGeneratedKeys, Statement::executeUpdate);
  }

  @Override
  public int executeUpdate(String sql, int[] columnIndexes) throws SQLException {
    return (int) count(shapeOf(sql), sql, columnIndexes, Statement::executeUpdate);
  }

  @Override
  public int executeUpdate(String sql, String[] columnNames) throws SQLException {
    return (int) count(shapeOf(sql), sql, columnNames, Statement::executeUpdate);
  }

  @Override
  public long executeLargeUpdate(String sql) throws SQLException {
    return count(shapeOf(sql), sql, null, (s, q, a) -> s.executeLargeUpdate(q));
  }

  @Override
  public long executeLargeUpdate(String sql, int autoGeneratedKeys) throws SQLException {
    return count(shapeOf(sql), sql, autoGeneratedKeys, Statement::executeLargeUpdate);
  }

  @Override
  public long executeLargeUpdate(String sql, int[] columnIndexes) throws SQLException {
    return count(shapeOf(sql), sql, columnIndexes, Statement::executeLargeUpdate);
  }

  @Override
  public long executeLargeUpdate(String sql, String[] columnNames) throws SQLException {
    return count(shapeOf(sql), sql, columnNames, Statement::executeLargeUpdate);
  }

  @Override
  public boolean execute(String sql) throws SQLException {
    return execute(shapeOf(sql), sql, null, (s, q, a) -> s.execute(q));
  }

  @Override
  public boolean execute(String sql, int autoGeneratedKeys) throws SQLException {
    return execute(shapeOf(sql), sql, autoGeneratedKeys, Statement::execute);
  }

  @Override
  public boolean execute(String sql, int[] columnIndexes) throws SQLException {
    return execute(shapeOf(sql), sql, columnIndexes, Statement::execute);
  }

  @Override
  public boolean execute(String sql, String[] columnNames) throws SQLException {
    return execute(shapeOf(sql), sql, columnNames, Statement::execute);
  }

  @Override
  public void addBatch(String sql) throws SQLException {
    delegate.addBatch(sql);
    if (batchSize++ == 0) {
      batchShape = shapeOf(sql);
    }
  }

  @Override
  public void clearBatch() throws SQLException {
    delegate.clearBatch();
    batchSize = 0;
  }

  @Override
  public int[] executeBatch() throws SQLException {
    return batch(batchShape(), (s, q, a) -> s.executeBatch());
  }

  @Override
  public long[] executeLargeBatch() throws SQLException {
    return batch(batchShape(), (s, q, a) -> s.executeLargeBatch());
  }

  /** The shape a batch is recorded under: for a plain Statement, its first statement's. */
  QueryShape batchShape() {
    return batchShape;
  }

  // ---- results, identity and life cycle ---------------------------------------------------------

  @Override
  public ResultSet getResultSet() throws SQLException {
    ResultSet rs = delegate.getResultSet();
    PendingExecute p = pending;
    if (rs != null && p != null && p.hasResultSet) {
      pending = null;
      return open(new QueryLensResultSet(rs, this, p.shape, p.start, p.start + p.executeNanos));
    }
    return resultSet(rs);
  }

  /** The wrapper of {@code rs}, a result set that is not a new execution's cursor. */
  private ResultSet resultSet(ResultSet rs) {
    if (rs == null) {
      return null;
    }
    QueryLensResultSet current = currentCursor;
    if (current != null && current.delegate == rs) {
      return current; // the execution's own cursor, whose reading is timed
    }
    QueryLensResultSet last = lastResultSet;
    if (last == null || last.delegate != rs) {
      last = lastResultSet = new QueryLensResultSet(rs, this);
    }
    return last;
  }

  @Override
  public boolean getMoreResults() throws SQLException {
    endOpenExecution();
    return delegate.getMoreResults();
  }

  @Override
  public boolean getMoreResults(int current) throws SQLException {
    endOpenExecution();
    return delegate.getMoreResults(current);
  }

  @Override
  public int getUpdateCount() throws SQLException {
    return (int) updateCountRead(delegate.getUpdateCount());
  }

  @Override
  public long getLargeUpdateCount() throws SQLException {
    return updateCountRead(delegate.getLargeUpdateCount());
  }

  @Override
  public ResultSet getGeneratedKeys() throws SQLException {
    return resultSet(delegate.getGeneratedKeys());
  }

  /** This statement's connection, once the driver has answered (it may throw, or say null). */
  @Override
  public Connection getConnection() throws SQLException {
    return delegate.getConnection() == null ? null : connection;
  }

  @Override
  public void close() throws SQLException {
    try {
      endOpenExecution();
      connection.forget(this);
    } finally {
      delegate.close();
    }
  }

  @Override
  public <T> T unwrap(Class<T> iface) throws SQLException {
    return Unwrapping.unwrap(this, QueryLensStatement.class, delegate, iface);
  }

  @Override
  public boolean isWrapperFor(Class<?> iface) throws SQLException {
    return Unwrapping.isWrapperFor(this, QueryLensStatement.class, delegate, iface);
  }
}
