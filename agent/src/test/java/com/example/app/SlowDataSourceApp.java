package com.example.app;

import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;

/**
 * A DataSource of the application's own whose {@code getConnection()} is inherited from an abstract
 * base class (as Spring's DriverManagerDataSource inherits it) and takes at least {@code 50} ms: it
 * pools nothing, so the connect the agent records must include that wait.
 */
final class SlowDataSourceApp {
  static final long WAIT_MILLIS = 50;

  private SlowDataSourceApp() {}

  public static void main(String[] args) throws SQLException {
    DataSource dataSource = new SlowDataSource();
    try (Connection connection = dataSource.getConnection()) {
      Items.create(connection);
    }
    try (Connection connection = dataSource.getConnection()) {
      Items.name(connection, 1);
    }
  }

  /** Declares {@code getConnection}; loaded only because its subclass is. */
  abstract static class WaitingDataSource implements DataSource {
    private final JdbcDataSource h2 = new JdbcDataSource();

    WaitingDataSource() {
      h2.setURL("jdbc:h2:mem:slow;DB_CLOSE_DELAY=-1");
    }

    @Override
    public Connection getConnection() throws SQLException {
      try {
        Thread.sleep(WAIT_MILLIS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      return h2.getConnection();
    }

    @Override
    public Connection getConnection(String user, String password) throws SQLException {
      return getConnection();
    }

    @Override
    public PrintWriter getLogWriter() {
      return null;
    }

    @Override
    public void setLogWriter(PrintWriter out) {}

    @Override
    public void setLoginTimeout(int seconds) {}

    @Override
    public int getLoginTimeout() {
      return 0;
    }

    @Override
    public Logger getParentLogger() {
      return Logger.getGlobal();
    }

    @Override
    public <T> T unwrap(Class<T> iface) throws SQLException {
      throw new SQLException("not a wrapper");
    }

    @Override
    public boolean isWrapperFor(Class<?> iface) {
      return false;
    }
  }

  /** What the application instantiates. */
  static final class SlowDataSource extends WaitingDataSource {}
}
