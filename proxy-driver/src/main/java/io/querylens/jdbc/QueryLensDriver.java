package io.querylens.jdbc;

import io.querylens.core.intercept.Recording;
import io.querylens.jdbc.internal.JdbcUrl;
import io.querylens.jdbc.internal.serverstats.ServerStatsReader;
import java.sql.Connection;
import java.sql.Driver;
import java.sql.DriverManager;
import java.sql.DriverPropertyInfo;
import java.sql.SQLException;
import java.util.Iterator;
import java.util.Properties;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.logging.Logger;

/**
 * The {@code jdbc:querylens:<real url>} driver: {@code jdbc:querylens:postgresql://db/app} connects
 * through the driver that accepts {@code jdbc:postgresql://db/app} and records every execution on
 * the connection. Registered with {@link DriverManager} through the service loader.
 */
public final class QueryLensDriver implements Driver {
  /** What every URL this driver accepts starts with. */
  public static final String PREFIX = "jdbc:querylens:";

  static {
    try {
      DriverManager.registerDriver(new QueryLensDriver());
    } catch (SQLException e) {
      throw new ExceptionInInitializerError(e);
    }
  }

  /** For the service loader and DriverManager; applications use the URL. */
  public QueryLensDriver() {}

  @Override
  public boolean acceptsURL(String url) {
    return url != null && url.startsWith(PREFIX);
  }

  @Override
  public Connection connect(String url, Properties info) throws SQLException {
    if (!acceptsURL(url)) {
      return null; // the JDBC contract: another driver's URL
    }
    String realUrl = realUrl(url);
    Driver driver = findDriver(realUrl);
    Recording recording = Recording.global();
    if (!recording.config().enabled()) {
      return driver.connect(realUrl, info);
    }
    Connection connection =
        Acquisition.acquire(recording, () -> connectOrExplain(driver, realUrl, info));
    ServerStatsReader.seenDriver(recording, connection, driver, realUrl, info);
    return connection;
  }

  private static Connection connectOrExplain(Driver driver, String realUrl, Properties info)
      throws SQLException {
    Connection connection = driver.connect(realUrl, info);
    if (connection == null) {
      throw new SQLException(
          "The driver "
              + driver.getClass().getName()
              + " accepted "
              + JdbcUrl.redact(realUrl)
              + " but returned no connection",
          "08001");
    }
    return connection;
  }

  /**
   * The real URL behind a QueryLens URL: {@code jdbc:querylens:h2:mem:x} and {@code
   * jdbc:querylens:jdbc:h2:mem:x} both mean {@code jdbc:h2:mem:x}.
   */
  static String realUrl(String url) throws SQLException {
    String real = JdbcUrl.unwrapped(url);
    String rest = real.substring("jdbc:".length());
    if (rest.isEmpty() || rest.startsWith(":")) {
      throw new SQLException(
          "'"
              + JdbcUrl.redact(url)
              + "' names no database: expected "
              + PREFIX
              + "<real JDBC URL without its jdbc: prefix>, e.g. jdbc:querylens:postgresql://localhost/app",
          "08001");
    }
    return real;
  }

  /** The driver for {@code realUrl}: DriverManager's first, then the context class loader's. */
  static Driver findDriver(String realUrl) throws SQLException {
    for (Iterator<Driver> it = DriverManager.drivers().iterator(); it.hasNext(); ) {
      Driver candidate = it.next();
      if (!(candidate instanceof QueryLensDriver) && accepts(candidate, realUrl)) {
        return candidate;
      }
    }
    ClassLoader context = Thread.currentThread().getContextClassLoader();
    if (context != null) {
      Iterator<Driver> it = ServiceLoader.load(Driver.class, context).iterator();
      while (true) {
        Driver candidate;
        try {
          if (!it.hasNext()) {
            break;
          }
          candidate = it.next();
        } catch (ServiceConfigurationError broken) { // one bad driver jar must not hide the rest
          continue;
        }
        if (!(candidate instanceof QueryLensDriver) && accepts(candidate, realUrl)) {
          return candidate;
        }
      }
    }
    throw new SQLException(
        "QueryLens found no JDBC driver for "
            + JdbcUrl.redact(realUrl)
            + " (looked in"
            + " DriverManager and the context class loader): add the database's driver jar to the"
            + " classpath, or check the URL after jdbc:querylens:",
        "08001");
  }

  private static boolean accepts(Driver driver, String url) {
    try {
      return driver.acceptsURL(url);
    } catch (SQLException | RuntimeException e) {
      return false;
    }
  }

  @Override
  public DriverPropertyInfo[] getPropertyInfo(String url, Properties info) throws SQLException {
    if (!acceptsURL(url)) {
      return new DriverPropertyInfo[0];
    }
    String realUrl = realUrl(url);
    return findDriver(realUrl).getPropertyInfo(realUrl, info);
  }

  @Override
  public int getMajorVersion() {
    return 0;
  }

  @Override
  public int getMinorVersion() {
    return 1;
  }

  @Override
  public boolean jdbcCompliant() {
    return false;
  }

  @Override
  public Logger getParentLogger() {
    return Logger.getLogger("io.querylens");
  }
}
