package io.querylens.jdbc.internal;

import io.querylens.core.QueryShape;
import java.sql.CallableStatement;

/**
 * Wraps a {@link CallableStatement}; all timing is inherited. Only the hash of a value bound by
 * parameter name is here, fed by the generated setters of {@link DelegatingCallableStatement}; the
 * getters and {@code registerOutParameter} delegate through that class. Internal: public only for
 * the agent.
 */
public class QueryLensCallableStatement extends DelegatingCallableStatement {

  QueryLensCallableStatement(
      CallableStatement delegate, QueryLensConnection connection, QueryShape shape) {
    super(delegate, connection, shape);
  }

  /** A name stands for its position by its hash, as the setters by index bind theirs. */
  @Override
  final void bound(String parameterName, long valueHash) {
    bound(parameterName == null ? 0 : parameterName.hashCode(), valueHash);
  }
}
