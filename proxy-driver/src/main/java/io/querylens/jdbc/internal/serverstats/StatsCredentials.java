package io.querylens.jdbc.internal.serverstats;

import io.querylens.core.config.ConfigKey;
import io.querylens.core.config.QueryLensConfig;
import io.querylens.jdbc.internal.JdbcUrl;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.Driver;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Iterator;
import java.util.Properties;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.regex.Pattern;
import javax.sql.DataSource;

/**
 * How to open a statistics connection to one database: a URL, the properties to connect with (user
 * and password among them) and the driver, learnt from one of the routes below, best first. Kept in
 * memory only; {@link #toString()} names the route, never a credential.
 *
 * <ol>
 *   <li>{@code querylens.database.stats-url/-user/-password}, laid over any route ({@link
 *       #withExplicit});
 *   <li>the URL and properties the application's driver was given ({@link #ofDriver});
 *   <li>a DataSource's own getters, read reflectively ({@link #ofDataSource});
 *   <li>the connection's metadata: URL and user name, no password ({@link #ofConnection}).
 * </ol>
 */
final class StatsCredentials {
  /** Route ranks: a better route replaces a worse one's credentials. */
  static final int CONNECTION = 1;

  static final int DATA_SOURCE = 2;
  static final int DRIVER = 3;

  /** A password a getter masked ({@code password=***}, MariaDB's), which must not be sent. */
  private static final Pattern MASKED_PASSWORD = Pattern.compile("([?&;])password=\\*+(?:[&;]|$)");

  final int rank;
  final String url;
  private final Properties properties;
  private final Driver driver;
  private final ClassLoader loader;

  private StatsCredentials(
      int rank, String url, Properties properties, Driver driver, ClassLoader loader) {
    this.rank = rank;
    this.url = url;
    this.properties = properties;
    this.driver = driver;
    this.loader = loader;
  }

  /** The URL and properties {@code driver.connect} was given. */
  static StatsCredentials ofDriver(Driver driver, String url, Properties info) {
    Properties p = new Properties();
    if (info != null) {
      p.putAll(info);
    }
    return new StatsCredentials(DRIVER, url, p, driver, loaderOf(driver));
  }

  /**
   * The URL, user and password of {@code dataSource}'s getters (HikariCP, DBCP2, Tomcat, c3p0, the
   * PostgreSQL and MariaDB drivers' own), each from {@code connection}'s metadata where it has
   * none.
   */
  static StatsCredentials ofDataSource(DataSource dataSource, Connection connection)
      throws SQLException {
    String[] own = urlUserPassword(dataSource);
    String url = own[0];
    String user = own[1];
    String password = own[2];
    DatabaseMetaData metaData = connection.getMetaData();
    Properties p = new Properties();
    putIfSet(p, "user", user != null ? user : metaData.getUserName());
    putIfSet(p, "password", password);
    return new StatsCredentials(
        DATA_SOURCE,
        url != null ? url : unmasked(metaData.getURL()),
        p,
        null,
        loaderOf(dataSource));
  }

  /** {@code connection}'s metadata URL and user name: enough under trust auth or a .pgpass file. */
  static StatsCredentials ofConnection(Connection connection) throws SQLException {
    DatabaseMetaData metaData = connection.getMetaData();
    Properties p = new Properties();
    putIfSet(p, "user", metaData.getUserName());
    return new StatsCredentials(
        CONNECTION, unmasked(metaData.getURL()), p, null, loaderOf(connection));
  }

  /** These credentials with the configured URL, user and password, where set, laid over them. */
  StatsCredentials withExplicit(QueryLensConfig config) {
    String explicitUrl = config.get(ConfigKey.DATABASE_STATS_URL);
    String user = config.get(ConfigKey.DATABASE_STATS_USER);
    String password = config.get(ConfigKey.DATABASE_STATS_PASSWORD);
    if (explicitUrl.isEmpty() && user.isEmpty() && password.isEmpty()) {
      return this;
    }
    Properties p = new Properties();
    p.putAll(properties);
    putIfSet(p, "user", user.isEmpty() ? null : user);
    putIfSet(p, "password", password.isEmpty() ? null : password);
    boolean sameUrl = explicitUrl.isEmpty();
    String newUrl = sameUrl ? url : JdbcUrl.unwrapped(explicitUrl);
    if (!user.isEmpty()) { // a URL parameter would win over the property with some drivers
      newUrl = withoutParameter(newUrl, "user");
    }
    if (!password.isEmpty()) {
      newUrl = withoutParameter(newUrl, "password");
    }
    return new StatsCredentials(rank, newUrl, p, sameUrl ? driver : null, loader);
  }

  /** The password, or null: only to keep it out of messages. */
  String password() {
    return properties.getProperty("password");
  }

  /** The user name, or null: only to keep it out of messages. */
  String user() {
    return properties.getProperty("user");
  }

  /**
   * Opens a connection with the real driver, never QueryLens's, with {@code extra} connection
   * properties (timeouts) where these credentials set none.
   */
  Connection connect(Properties extra) throws SQLException {
    Properties p = new Properties();
    p.putAll(extra);
    p.putAll(properties);
    Driver d = driver != null ? driver : findDriver();
    Connection c = d.connect(url, p);
    if (c == null) {
      throw new SQLException("the driver " + d.getClass().getName() + " refused the URL", "08001");
    }
    return c;
  }

  private Driver findDriver() throws SQLException {
    for (Iterator<Driver> it = DriverManager.drivers().iterator(); it.hasNext(); ) {
      Driver candidate = it.next();
      if (accepts(candidate)) {
        return candidate;
      }
    }
    if (loader != null) {
      Iterator<Driver> it = ServiceLoader.load(Driver.class, loader).iterator();
      while (true) {
        try {
          if (!it.hasNext()) {
            break;
          }
          Driver candidate = it.next();
          if (accepts(candidate)) {
            return candidate;
          }
        } catch (ServiceConfigurationError broken) { // one bad driver jar must not hide the rest
          continue;
        }
      }
    }
    throw new SQLException("no JDBC driver accepts " + JdbcUrl.redact(url), "08001");
  }

  private boolean accepts(Driver candidate) {
    try {
      return !candidate.getClass().getName().startsWith("io.querylens")
          && candidate.acceptsURL(url);
    } catch (SQLException | RuntimeException e) {
      return false;
    }
  }

  /** {@code url} without a masked password parameter; null for null. */
  static String unmasked(String url) {
    return url == null ? null : MASKED_PASSWORD.matcher(url).replaceAll("$1");
  }

  /** {@code url} without the parameter {@code name} ({@code ?name=...}, {@code ;name=...}). */
  static String withoutParameter(String url, String name) {
    return url == null ? null : url.replaceAll("(?i)([?&;])" + name + "=[^&;]*(?:[&;]|$)", "$1");
  }

  private static ClassLoader loaderOf(Object o) {
    ClassLoader context = Thread.currentThread().getContextClassLoader();
    return context != null ? context : o.getClass().getClassLoader();
  }

  private static void putIfSet(Properties p, String key, String value) {
    if (value != null) {
      p.setProperty(key, value);
    }
  }

  /**
   * URL, user and password from {@code dataSource}'s getters, each null when it has none. Tomcat's
   * pool answers {@code getPassword} with a placeholder: its pool properties hold the real one.
   * MariaDB's DataSource shows no password, and masks it in its URL: the mask is dropped.
   */
  static String[] urlUserPassword(Object dataSource) {
    Object holder = dataSource;
    try {
      Method m = dataSource.getClass().getMethod("getPoolProperties");
      Object properties = m.invoke(dataSource);
      if (properties != null && Modifier.isPublic(properties.getClass().getModifiers())) {
        holder = properties;
      }
    } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
      // not Tomcat's pool: its own getters
    }
    return new String[] {
      unmasked(getter(holder, "getJdbcUrl", "getUrl", "getURL")),
      getter(holder, "getUsername", "getUser"),
      getter(holder, "getPassword")
    };
  }

  /** The first of {@code names} that is a public String getter of {@code target} with a value. */
  static String getter(Object target, String... names) {
    for (String name : names) {
      try {
        Method m = target.getClass().getMethod(name);
        if (m.getReturnType() == String.class
            && Modifier.isPublic(m.getDeclaringClass().getModifiers())) {
          Object value = m.invoke(target);
          if (value != null && !((String) value).isEmpty()) {
            return (String) value;
          }
        }
      } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
        // no such getter, or it failed: try the next name
      }
    }
    return null;
  }

  @Override
  public String toString() {
    return "StatsCredentials[rank " + rank + "]";
  }
}
