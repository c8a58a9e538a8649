package io.querylens.jdbc;

import io.querylens.core.intercept.Recording;
import io.querylens.jdbc.internal.serverstats.ServerStatsReader;
import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * A {@link DataSource} whose connections are recorded by QueryLens: time inside {@code
 * getConnection()} is recorded as a physical {@code connect} or, over a pool, as a checkout's pool
 * wait ({@code acquire}) and hold, and every execution on the connections it hands out becomes one
 * {@code Execution}. Put it over a pool to see checkouts, or under one to see physical connects.
 * Create it with {@code QueryLens.wrap(dataSource)}.
 */
public final class QueryLensDataSource implements DataSource {
  private final DataSource delegate;
  private final Recording recording;

  /** Whether the statistics reader was told of this DataSource; a race only repeats the telling. */
  private volatile boolean statsSeen;

  QueryLensDataSource(DataSource delegate, Recording recording) {
    this.delegate = delegate;
    this.recording = recording;
  }

  /** Wraps {@code dataSource} unless it is already a QueryLens DataSource. */
  public static DataSource wrap(DataSource dataSource, Recording recording) {
    if (dataSource == null || dataSource instanceof QueryLensDataSource) {
      return dataSource;
    }
    return new QueryLensDataSource(dataSource, recording);
  }

  @Override
  public Connection getConnection() throws SQLException {
    return seen(Acquisition.acquire(recording, delegate::getConnection));
  }

  @Override
  public Connection getConnection(String username, String password) throws SQLException {
    return seen(Acquisition.acquire(recording, () -> delegate.getConnection(username, password)));
  }

  /** Tells the statistics reader of the delegate's first connection; never throws. */
  private Connection seen(Connection connection) {
    if (!statsSeen && connection != null) {
      statsSeen = true;
      ServerStatsReader.seenDataSource(recording, connection, delegate);
    }
    return connection;
  }

  @Override
  public <T> T unwrap(Class<T> iface) throws SQLException {
    return iface.isInstance(this) ? iface.cast(this) : delegate.unwrap(iface);
  }

  @Override
  public boolean isWrapperFor(Class<?> iface) throws SQLException {
    return iface.isInstance(this) || delegate.isWrapperFor(iface);
  }

  @Override
  public PrintWriter getLogWriter() throws SQLException {
    return delegate.getLogWriter();
  }

  @Override
  public void setLogWriter(PrintWriter out) throws SQLException {
    delegate.setLogWriter(out);
  }

  @Override
  public void setLoginTimeout(int seconds) throws SQLException {
    delegate.setLoginTimeout(seconds);
  }

  @Override
  public int getLoginTimeout() throws SQLException {
    return delegate.getLoginTimeout();
  }

  @Override
  public Logger getParentLogger() throws SQLFeatureNotSupportedException {
    return delegate.getParentLogger();
  }

  @Override
  public String toString() {
    return "QueryLensDataSource[" + delegate + "]";
  }
}
