package io.querylens.testing;

import static org.junit.jupiter.api.Assertions.fail;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.SQLExceptionOverride;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.Locale;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Assumptions;
import org.mariadb.jdbc.MariaDbDataSource;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * The databases the conformance suites run against: H2 in memory (always there) and the local
 * PostgreSQL and MariaDB servers. An unreachable server skips its tests, or fails them when the
 * system property {@code querylens-it.require-databases} or the environment variable {@code CI} is
 * {@code true}. The system property {@code querylens-it.databases} (a comma-separated list of
 * {@link #id()}s) narrows the run, for example {@code -Dquerylens-it.databases=h2}; {@code
 * querylens-it.<id>.url}, {@code .user} and {@code .password} point a database elsewhere.
 */
public enum TestDatabase {
  H2(
      "h2",
      "H2",
      "jdbc:h2:mem:querylens;DB_CLOSE_DELAY=-1",
      "sa",
      "",
      "org.h2.",
      org.h2.jdbc.JdbcConnection.class,
      org.h2.jdbc.JdbcStatement.class),
  POSTGRESQL(
      "postgresql",
      "PostgreSQL",
      "jdbc:postgresql://127.0.0.1:5432/test",
      "postgres",
      "",
      "org.postgresql.",
      org.postgresql.PGConnection.class,
      org.postgresql.PGStatement.class),
  MARIADB(
      "mariadb",
      "MariaDB",
      "jdbc:mariadb://127.0.0.1:3306/test",
      "root",
      "",
      "org.mariadb.jdbc.",
      org.mariadb.jdbc.Connection.class,
      org.mariadb.jdbc.Statement.class);

  /** The maximum size of every pool made by {@link #pool}. */
  public static final int MAX_POOL_SIZE = 8;

  private static final String REQUIRE_PROPERTY = "querylens-it.require-databases";
  private static final String SELECT_PROPERTY = "querylens-it.databases";
  private static final int LOGIN_TIMEOUT_SECONDS = 5;
  private static final Queue<HikariDataSource> openPools = new ConcurrentLinkedQueue<>();
  private static final SQLExceptionOverride keepOnUnsupportedFeature =
      new KeepOnUnsupportedFeature();

  private final String id;
  private final String displayName;
  private final String url;
  private final String user;
  private final String password;
  private final String vendorPackage;
  private final Class<?> vendorConnectionType;
  private final Class<?> vendorStatementType;

  /** null until checked; "" when reachable; otherwise why not. */
  private volatile String unavailableReason;

  TestDatabase(
      String id,
      String displayName,
      String url,
      String user,
      String password,
      String vendorPackage,
      Class<?> vendorConnectionType,
      Class<?> vendorStatementType) {
    this.id = id;
    this.displayName = displayName;
    this.url = url;
    this.user = user;
    this.password = password;
    this.vendorPackage = vendorPackage;
    this.vendorConnectionType = vendorConnectionType;
    this.vendorStatementType = vendorStatementType;
  }

  /** Lower-case identifier used in test names and in {@code querylens-it.databases}. */
  public String id() {
    return id;
  }

  /** The vendor's JDBC URL, starting with {@code jdbc:}. */
  public String url() {
    return setting("url", url);
  }

  public String user() {
    return setting("user", user);
  }

  public String password() {
    return setting("password", password);
  }

  private String setting(String name, String defaultValue) {
    return System.getProperty("querylens-it." + id + "." + name, defaultValue);
  }

  /** Package prefix of the vendor's driver, for example {@code org.postgresql.}. */
  public String vendorPackage() {
    return vendorPackage;
  }

  /** A vendor type that a driver connection is an instance of or unwraps to. */
  public Class<?> vendorConnectionType() {
    return vendorConnectionType;
  }

  /** A vendor type that a driver statement is an instance of or unwraps to. */
  public Class<?> vendorStatementType() {
    return vendorStatementType;
  }

  /** Whether {@code querylens-it.databases} selects this database (all are selected by default). */
  public boolean isSelected() {
    String selection = System.getProperty(SELECT_PROPERTY, "").trim();
    if (selection.isEmpty()) {
      return true;
    }
    Set<String> ids =
        Arrays.stream(selection.split(","))
            .map(s -> s.trim().toLowerCase(Locale.ROOT))
            .collect(Collectors.toSet());
    return ids.contains(id);
  }

  /** A new vendor DataSource, unpooled and uninstrumented (the agent may still instrument it). */
  public DataSource rawDataSource() {
    DataSource dataSource;
    switch (this) {
      case H2:
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL(url());
        h2.setUser(user());
        h2.setPassword(password());
        dataSource = h2;
        break;
      case POSTGRESQL:
        PGSimpleDataSource postgres = new PGSimpleDataSource();
        postgres.setURL(url());
        postgres.setUser(user());
        postgres.setPassword(password());
        postgres.setConnectTimeout(LOGIN_TIMEOUT_SECONDS);
        dataSource = postgres;
        break;
      case MARIADB:
        MariaDbDataSource mariadb = new MariaDbDataSource();
        try {
          mariadb.setUrl(url());
          mariadb.setUser(user());
          mariadb.setPassword(password());
        } catch (SQLException e) {
          throw new IllegalStateException("bad MariaDB settings " + url(), e);
        }
        dataSource = mariadb;
        break;
      default:
        throw new AssertionError(this);
    }
    try {
      dataSource.setLoginTimeout(LOGIN_TIMEOUT_SECONDS);
    } catch (SQLException e) {
      // not every driver takes a login timeout; the connect timeout above covers PostgreSQL
    }
    return dataSource;
  }

  /** Opens a raw (uninstrumented) connection. */
  public Connection openRaw() throws SQLException {
    return rawDataSource().getConnection();
  }

  /**
   * Returns normally when the database answers; otherwise aborts the calling test (skipped) or,
   * when databases are required, fails it.
   */
  public void requireAvailable() {
    String reason = unavailableReason();
    if (reason.isEmpty()) {
      return;
    }
    String message =
        displayName + " is not reachable at " + url() + " as user '" + user() + "': " + reason;
    if (databasesRequired()) {
      fail(message + " (required because CI=true or -D" + REQUIRE_PROPERTY + "=true)");
    }
    Assumptions.abort(
        message
            + "; skipping. Start it (see .ci/run), or set -D"
            + REQUIRE_PROPERTY
            + "=true to make this a failure.");
  }

  /** Whether an unreachable PostgreSQL or MariaDB fails the run instead of skipping. */
  public static boolean databasesRequired() {
    return "true".equalsIgnoreCase(System.getProperty(REQUIRE_PROPERTY, "").trim())
        || "true".equalsIgnoreCase(String.valueOf(System.getenv("CI")).trim());
  }

  private String unavailableReason() {
    String reason = unavailableReason;
    if (reason == null) {
      synchronized (this) {
        reason = unavailableReason;
        if (reason == null) {
          reason = probe();
          unavailableReason = reason;
        }
      }
    }
    return reason;
  }

  private String probe() {
    try (Connection connection = openRaw()) {
      return connection.isValid(LOGIN_TIMEOUT_SECONDS) ? "" : "connection is not valid";
    } catch (SQLException | RuntimeException e) {
      return e.toString();
    }
  }

  /** Column definition of an auto-generated {@code bigint} primary key named {@code id}. */
  public String identityColumn() {
    return this == MARIADB
        ? "id bigint auto_increment primary key"
        : "id bigint generated by default as identity primary key";
  }

  /**
   * A stored routine named {@code name} that returns its integer argument plus one: an H2 alias of
   * a static Java method, a PostgreSQL function, a MariaDB procedure with an OUT parameter.
   */
  public Routine incrementRoutine(String name) {
    switch (this) {
      case H2:
        return new Routine(
            "create alias " + name + " for '" + Routine.class.getName() + ".increment'",
            "drop alias if exists " + name,
            "{? = call " + name + "(?)}",
            2,
            1);
      case POSTGRESQL:
        return new Routine(
            "create function "
                + name
                + "(x integer) returns integer language sql"
                + " as 'select x + 1'",
            "drop function if exists " + name + "(integer)",
            "{? = call " + name + "(?)}",
            2,
            1);
      case MARIADB:
        return new Routine(
            "create procedure " + name + "(in x int, out y int) set y = x + 1",
            "drop procedure if exists " + name,
            "{call " + name + "(?, ?)}",
            1,
            2);
      default:
        throw new AssertionError(this);
    }
  }

  /**
   * A HikariCP pool over {@code dataSource} (at most {@link #MAX_POOL_SIZE} connections, none kept
   * idle), closed by {@link #closePools()}.
   */
  public HikariDataSource pool(DataSource dataSource) {
    HikariConfig config = poolConfig();
    config.setDataSource(dataSource);
    return register(new HikariDataSource(config));
  }

  /** A HikariCP pool that opens connections on {@code jdbcUrl} with this database's user. */
  public HikariDataSource pool(String jdbcUrl) {
    HikariConfig config = poolConfig();
    config.setJdbcUrl(jdbcUrl);
    config.setUsername(user());
    config.setPassword(password());
    return register(new HikariDataSource(config));
  }

  private HikariConfig poolConfig() {
    HikariConfig config = new HikariConfig();
    config.setPoolName("querylens-it-" + id + "-" + (openPools.size() + 1));
    config.setMaximumPoolSize(MAX_POOL_SIZE);
    config.setMinimumIdle(0);
    config.setConnectionTimeout(10_000);
    config.setExceptionOverride(keepOnUnsupportedFeature);
    return config;
  }

  /**
   * Keeps a connection in its pool after SQLState 0A000 (feature not supported), which HikariCP
   * otherwise takes for a broken connection and closes on one of its own threads. The transparency
   * scenes call unsupported methods on purpose, and which of their later steps found the connection
   * closed would depend on that thread's timing.
   */
  private static final class KeepOnUnsupportedFeature implements SQLExceptionOverride {
    @java.lang.Override
    public Override adjudicate(SQLException e) {
      return "0A000".equals(e.getSQLState()) ? Override.DO_NOT_EVICT : Override.CONTINUE_EVICT;
    }
  }

  private static HikariDataSource register(HikariDataSource pool) {
    openPools.add(pool);
    return pool;
  }

  /** Closes every pool made by {@link #pool}. */
  public static void closePools() {
    HikariDataSource pool;
    while ((pool = openPools.poll()) != null) {
      pool.close();
    }
  }

  @Override
  public String toString() {
    return displayName;
  }

  /**
   * A stored routine and how to call it through a CallableStatement: the input is set at {@code
   * inIndex}, the result registered and read at {@code outIndex}.
   */
  public record Routine(
      String createSql, String dropSql, String callSql, int inIndex, int outIndex) {

    /** The Java body of the H2 alias; public because H2 calls it by name. */
    public static int increment(int x) {
      return x + 1;
    }
  }
}
