package com.example.app;

import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.Driver;
import java.sql.DriverManager;
import java.sql.DriverPropertyInfo;
import java.sql.SQLException;
import java.util.Properties;
import java.util.function.BiConsumer;
import java.util.logging.Logger;
import javax.servlet.http.HttpServletRequest;
import javax.sql.DataSource;

/**
 * Class files for the agent's pre-filter and rewriting tests: outside io.querylens, which the
 * filter skips.
 */
public final class CandidateFixtures {
  private CandidateFixtures() {}

  public abstract static class BaseDataSource implements DataSource {
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
      return null;
    }

    @Override
    public <T> T unwrap(Class<T> iface) {
      return null;
    }

    @Override
    public boolean isWrapperFor(Class<?> iface) {
      return false;
    }
  }

  public static class ConcreteDataSource extends BaseDataSource {
    @Override
    public Connection getConnection() {
      return null;
    }

    @Override
    public Connection getConnection(String user, String password) {
      return null;
    }
  }

  public interface SmartDataSource extends DataSource {}

  public abstract static class ViaInterface implements SmartDataSource {
    @Override
    public Connection getConnection() {
      return null;
    }
  }

  /** Has a DataSource's method but is none. */
  public static class NotADataSource {
    public Connection getConnection() {
      return null;
    }
  }

  public abstract static class SomeDriver implements Driver {
    @Override
    public Connection connect(String url, Properties info) {
      return null;
    }

    @Override
    public DriverPropertyInfo[] getPropertyInfo(String url, Properties info) {
      return new DriverPropertyInfo[0];
    }
  }

  /** A driver whose {@code connect} opens an H2 connection, or throws for an empty URL. */
  public static class H2Driver extends SomeDriver {
    @Override
    public Connection connect(String url, Properties info) {
      if (url.isEmpty()) {
        throw new IllegalArgumentException("no url");
      }
      try {
        return new org.h2.Driver().connect(url, info);
      } catch (SQLException e) {
        return null;
      }
    }

    @Override
    public boolean acceptsURL(String url) {
      return url.startsWith("jdbc:h2:");
    }

    @Override
    public int getMajorVersion() {
      return 1;
    }

    @Override
    public int getMinorVersion() {
      return 0;
    }

    @Override
    public boolean jdbcCompliant() {
      return false;
    }

    @Override
    public java.util.logging.Logger getParentLogger() {
      return null;
    }
  }

  public abstract static class DataSourceAndDriver extends BaseDataSource implements Driver {
    @Override
    public Connection getConnection() {
      return null;
    }

    @Override
    public Connection connect(String url, Properties info) {
      return null;
    }
  }

  /**
   * A DataSource whose {@code getConnection} loops, branches and catches (its frames must survive
   * the rewriting) and whose other {@code getConnection} calls it (a nested call).
   */
  public static class RetryingDataSource extends BaseDataSource {
    private final String url;
    public int attempts;

    public RetryingDataSource(String url) {
      this.url = url;
    }

    @Override
    public Connection getConnection() throws SQLException {
      SQLException last = null;
      for (int i = 0; i < 3; i++) {
        attempts++;
        try {
          if (url.isEmpty()) {
            throw new SQLException("no url");
          }
          return DriverManager.getConnection(url);
        } catch (SQLException e) {
          last = e;
        }
      }
      throw last;
    }

    @Override
    public Connection getConnection(String user, String password) throws SQLException {
      return getConnection();
    }
  }

  /** A servlet's {@code service} method, without the servlet API: it runs {@code body}. */
  public static class RequestHandler implements BiConsumer<HttpServletRequest, Runnable> {
    public void service(HttpServletRequest request, Runnable body) {
      body.run();
    }

    @Override
    public void accept(HttpServletRequest request, Runnable body) {
      service(request, body);
    }
  }

  public static class Unrelated implements Runnable, java.io.Serializable {
    @Override
    public void run() {}
  }

  public static class UnrelatedChild extends Unrelated {}
}
