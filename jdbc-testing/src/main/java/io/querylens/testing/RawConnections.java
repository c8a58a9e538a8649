package io.querylens.testing;

import com.zaxxer.hikari.pool.HikariPool;
import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * Connections QueryLens knows nothing of, for the raw run of the differential transparency test:
 * the vendor's own connection, or HikariCP's proxy of one for a pooled setup, so that a pooled run
 * through QueryLens is compared with a pooled run without it.
 *
 * <p>Under the agent every DataSource and Driver hands out wrapped connections, HikariCP's too. So
 * a connection is taken from the vendor's DataSource and unwrapped to the vendor's connection type,
 * and a pooled one is borrowed from HikariCP's pool object, whose {@code getConnection} the agent
 * does not rewrite, filled by a DataSource of this package, which the agent leaves alone (it never
 * rewrites {@code io.querylens} classes). Without the agent both steps change nothing. The pools
 * are closed with the suite's others ({@link TestDatabase#closePools()}).
 */
final class RawConnections {
  private final Map<TestDatabase, HikariPool> pools = new ConcurrentHashMap<>();

  /** A new raw connection to {@code database}, from a HikariCP pool when {@code pooled}. */
  Connection open(TestDatabase database, boolean pooled) throws SQLException {
    if (!pooled) {
      return vendorConnection(database);
    }
    return pools
        .computeIfAbsent(
            database, d -> (HikariPool) d.pool(new VendorDataSource(d)).getHikariPoolMXBean())
        .getConnection();
  }

  private static Connection vendorConnection(TestDatabase database) throws SQLException {
    return (Connection) database.openRaw().unwrap(database.vendorConnectionType());
  }

  /** The pool's source of physical connections: the vendor's own. */
  private static final class VendorDataSource implements DataSource {
    private final TestDatabase database;

    VendorDataSource(TestDatabase database) {
      this.database = database;
    }

    @Override
    public Connection getConnection() throws SQLException {
      return vendorConnection(database);
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
      throw new SQLFeatureNotSupportedException("the test database's user only");
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
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
      throw new SQLFeatureNotSupportedException("no parent logger");
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
}
