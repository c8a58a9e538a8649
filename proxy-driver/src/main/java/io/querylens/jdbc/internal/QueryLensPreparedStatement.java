package io.querylens.jdbc.internal;

import io.querylens.core.QueryShape;
import io.querylens.core.intercept.ParameterHash;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * Wraps a {@link PreparedStatement}; its shape is computed once, at prepare time. The execute
 * variants are here, and the hash of the bound values for the N+1 and duplicate findings, which the
 * generated setters of {@link DelegatingPreparedStatement} feed through {@link #bound(int, long)};
 * the rest delegates through that class too. Internal: public only for the agent.
 *
 * @param <S> the wrapped statement type
 */
public class QueryLensPreparedStatement<S extends PreparedStatement>
    extends DelegatingPreparedStatement<S> {
  final QueryShape shape;

  /** Hash of the values bound since the last execution, and whether any were. */
  private long boundHash;

  private boolean rebound;

  /** The hash the last execution ran with; kept for re-executions that bind nothing new. */
  private long lastHash;

  QueryLensPreparedStatement(S delegate, QueryLensConnection connection, QueryShape shape) {
    super(delegate, connection);
    this.shape = shape;
  }

  /** A value was bound at {@code index}; values not re-bound keep their earlier contribution. */
  @Override
  final void bound(int index, long valueHash) {
    boundHash += ParameterHash.bind(index, valueHash);
    rebound = true;
  }

  @Override
  long parameterHash(String sql) {
    if (rebound) {
      lastHash = boundHash;
      boundHash = 0;
      rebound = false;
    }
    return lastHash;
  }

  @Override
  public void clearParameters() throws SQLException {
    delegate.clearParameters();
    boundHash = 0;
    rebound = false;
    lastHash = 0;
  }

  @Override
  public ResultSet executeQuery() throws SQLException {
    return query(shape, null, (s, q, a) -> s.executeQuery());
  }

  @Override
  public int executeUpdate() throws SQLException {
    return (int) count(shape, null, null, (s, q, a) -> s.executeUpdate());
  }

  @Override
  public long executeLargeUpdate() throws SQLException {
    return count(shape, null, null, (s, q, a) -> s.executeLargeUpdate());
  }

  @Override
  public boolean execute() throws SQLException {
    return execute(shape, null, null, (s, q, a) -> s.execute());
  }

  @Override
  public void addBatch() throws SQLException {
    delegate.addBatch();
    batchSize++;
  }

  @Override
  QueryShape batchShape() {
    return shape;
  }
}
