package io.querylens.jdbc.internal;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * Wraps a {@link DatabaseMetaData} so that it leads back to the application's connection: {@link
 * #getConnection()} returns the {@link QueryLensConnection}, and its cursors are wrapped (by the
 * generated methods of {@link DelegatingDatabaseMetaData}, through {@link #resultSet}), so that a
 * cursor's statement does too. Everything else delegates through that class.
 */
final class QueryLensDatabaseMetaData extends DelegatingDatabaseMetaData {
  private final QueryLensConnection connection;

  QueryLensDatabaseMetaData(DatabaseMetaData delegate, QueryLensConnection connection) {
    super(delegate);
    this.connection = connection;
  }

  /** Wraps a cursor of the generated methods of {@link DelegatingDatabaseMetaData}. */
  @Override
  ResultSet resultSet(ResultSet rs) {
    return rs == null ? null : new QueryLensResultSet(rs, connection);
  }

  /** The wrapping connection, once the driver has answered (it may throw, or say null). */
  @Override
  public Connection getConnection() throws SQLException {
    return delegate.getConnection() == null ? null : connection;
  }

  @Override
  public <T> T unwrap(Class<T> iface) throws SQLException {
    return Unwrapping.unwrap(this, QueryLensDatabaseMetaData.class, delegate, iface);
  }

  @Override
  public boolean isWrapperFor(Class<?> iface) throws SQLException {
    return Unwrapping.isWrapperFor(this, QueryLensDatabaseMetaData.class, delegate, iface);
  }
}
