package io.querylens.jdbc.internal.serverstats;

import io.querylens.core.Database;
import io.querylens.core.ServerStatsStatus.State;
import io.querylens.core.config.ConfigKey;
import io.querylens.core.config.Mode;
import io.querylens.core.config.QueryLensConfig;
import io.querylens.core.intercept.Faults;
import io.querylens.core.intercept.Log;
import io.querylens.core.intercept.ServerStatistics;
import io.querylens.jdbc.internal.ConnectionDialect;
import io.querylens.jdbc.internal.JdbcUrl;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

/**
 * Reads one database's statistics on the reader thread: opens the statistics connection lazily,
 * asks once whether the statistics are readable, then reads every {@code stats-interval}, samples
 * every {@code sample-interval} and explains after reads. A failure sets the status to failing
 * (logged once, without credentials), closes the connection and retries with a growing backoff.
 * Never throws.
 */
final class TargetReader {
  /** Never due again. */
  static final long NEVER = Long.MAX_VALUE;

  static final int EXPLAIN_PER_READ = 5;
  static final int LOGIN_TIMEOUT_SECONDS = 5;
  static final int STATEMENT_TIMEOUT_SECONDS = 5;
  static final int SOCKET_TIMEOUT_SECONDS = 30;
  private static final long MIN_BACKOFF = TimeUnit.SECONDS.toNanos(1);
  private static final long MAX_BACKOFF = TimeUnit.MINUTES.toNanos(5);

  private final Database database;
  private final StatsSource source;
  private final ServerStatistics into;
  private final boolean warnUnavailable;
  private final boolean explain;
  private final long readNanos;
  private final long sampleNanos;

  /** Replaced when a better route to the database is seen; read at each connect. */
  private volatile StatsCredentials credentials;

  private Connection connection;
  private ConnectionDialect dialect;
  private boolean checked;
  private boolean unavailable;
  private boolean failing;
  private long nextRead;
  private long nextSample;
  private long retryAt;
  private long backoff;

  TargetReader(
      Database database,
      StatsSource source,
      StatsCredentials credentials,
      QueryLensConfig config,
      ServerStatistics into) {
    this.database = database;
    this.source = source;
    this.credentials = credentials;
    this.into = into;
    this.warnUnavailable = config.get(ConfigKey.DATABASE_STATS) == Mode.ON;
    this.explain = config.get(ConfigKey.DATABASE_EXPLAIN) != Mode.OFF;
    this.readNanos = config.get(ConfigKey.DATABASE_STATS_INTERVAL).toNanos();
    this.sampleNanos = config.get(ConfigKey.DATABASE_SAMPLE_INTERVAL).toNanos();
    this.backoff = Math.min(MAX_BACKOFF, Math.max(MIN_BACKOFF, readNanos));
  }

  int rank() {
    return credentials.rank;
  }

  /** Takes {@code better} credentials for the next connect. */
  void replaceCredentials(StatsCredentials better) {
    credentials = better;
  }

  /**
   * Does what is due at {@code now} (a read in any case when {@code force}) and returns when
   * something is due next ({@link System#nanoTime()}), or {@link #NEVER}.
   */
  long tick(long now, boolean force) {
    try {
      if (unavailable) {
        return NEVER;
      }
      if (connection == null) {
        if (!force && now - retryAt < 0) {
          return retryAt;
        }
        if (!open(now)) {
          return retryAt;
        }
      }
      if (!checked) {
        String reason = source.unavailableReason(connection);
        checked = true;
        if (reason != null) {
          unavailable(reason);
          return NEVER;
        }
      }
      if (force || now - nextRead >= 0) {
        read();
        nextRead = now + readNanos;
      }
      if (sampleNanos > 0 && now - nextSample >= 0) {
        source.sample(connection, database, into, sampleNanos);
        nextSample = now + sampleNanos;
      }
      return sampleNanos > 0 && nextSample - nextRead < 0 ? nextSample : nextRead;
    } catch (SQLException e) {
      failed(e, now);
      return retryAt;
    } catch (Throwable t) {
      Faults.report("database statistics", t);
      failed(null, now);
      return retryAt;
    }
  }

  private boolean open(long now) {
    StatsCredentials c = credentials;
    try {
      Connection opened = c.connect(timeouts());
      connection = opened;
      opened.setReadOnly(true);
      limitStatements(opened);
      dialect = ConnectionDialect.of(opened, database);
      nextRead = now;
      nextSample = now;
      return true;
    } catch (SQLException e) {
      failed(e, now);
      return false;
    } catch (Throwable t) {
      Faults.report("database statistics connect", t);
      failed(null, now);
      return false;
    }
  }

  private void read() throws SQLException {
    into.refreshShapes();
    int matched = source.read(connection, database, dialect.now(), into);
    String advice = source.advice();
    into.polled(
        database,
        source.name(),
        matched + " statements matched at the last read" + (advice == null ? "" : "; " + advice));
    if (failing) {
      failing = false;
      Log.info("QueryLens reads " + source.name() + " on " + database.describe() + " again");
    }
    backoff = Math.min(MAX_BACKOFF, Math.max(MIN_BACKOFF, readNanos));
    if (explain) {
      source.explain(connection, database, into, EXPLAIN_PER_READ);
    }
  }

  private void unavailable(String reason) {
    unavailable = true;
    into.setStatus(database, source.name(), State.UNAVAILABLE, reason);
    if (warnUnavailable) {
      Log.warn(
          "QueryLens cannot read " + source.name() + " on " + database.describe() + ": " + reason);
    } else {
      Log.info(
          "QueryLens does not read "
              + source.name()
              + " on "
              + database.describe()
              + ": "
              + reason);
    }
    close();
  }

  /** A connect or read failed: status, one log line, close, retry later. */
  private void failed(SQLException e, long now) {
    boolean connecting = connection == null;
    String detail =
        (connecting ? "Could not open the statistics connection" : "Reading failed")
            + (e == null ? ": see the QueryLens fault log" : ": " + describe(e));
    into.setStatus(database, source.name(), State.FAILING, detail);
    if (!failing) {
      failing = true;
      Log.warn(
          "QueryLens cannot read " + source.name() + " on " + database.describe() + ": " + detail);
    }
    close();
    retryAt = now + backoff;
    backoff = Math.min(MAX_BACKOFF, backoff * 2);
  }

  /** {@code e}'s SQL state and message with the URL, password and user name masked. */
  private String describe(SQLException e) {
    String message = String.valueOf(e.getMessage());
    StatsCredentials c = credentials;
    if (c.url != null) {
      message = message.replace(c.url, String.valueOf(JdbcUrl.redact(c.url)));
    }
    String password = c.password();
    if (password != null && !password.isEmpty()) {
      message = message.replace(password, "***");
    }
    String user = c.user();
    if (user != null && !user.isEmpty()) { // quoted, as servers name it: 'app'@'host', "app"
      message = message.replace("'" + user + "'", "'***'").replace('"' + user + '"', "\"***\"");
    }
    if (message.length() > 300) {
      message = message.substring(0, 300) + "...";
    }
    return (e.getSQLState() == null ? "" : "[" + e.getSQLState() + "] ") + message;
  }

  private Properties timeouts() {
    Properties p = new Properties();
    if ("postgresql".equals(database.systemName())) {
      p.setProperty("connectTimeout", String.valueOf(LOGIN_TIMEOUT_SECONDS));
      p.setProperty("loginTimeout", String.valueOf(LOGIN_TIMEOUT_SECONDS));
      p.setProperty("socketTimeout", String.valueOf(SOCKET_TIMEOUT_SECONDS));
      p.setProperty("ApplicationName", ReaderThread.NAME);
    } else { // MariaDB Connector/J and MySQL Connector/J: milliseconds
      p.setProperty("connectTimeout", String.valueOf(LOGIN_TIMEOUT_SECONDS * 1000));
      p.setProperty("socketTimeout", String.valueOf(SOCKET_TIMEOUT_SECONDS * 1000));
    }
    return p;
  }

  /** A server-side statement timeout for the session, where the server has one. */
  private void limitStatements(Connection c) {
    String sql =
        switch (database.systemName()) {
          case "postgresql" -> "SET statement_timeout = " + STATEMENT_TIMEOUT_SECONDS * 1000;
          case "mariadb" -> "SET SESSION max_statement_time = " + STATEMENT_TIMEOUT_SECONDS;
          default -> "SET SESSION max_execution_time = " + STATEMENT_TIMEOUT_SECONDS * 1000;
        };
    try (Statement s = c.createStatement()) {
      s.execute(sql);
    } catch (SQLException e) { // an older server: the socket timeout still bounds each read
      Log.debug(
          () -> "QueryLens could not limit statement time on " + database.describe() + ": " + e);
    }
  }

  /** Closes the statistics connection, if open. */
  void close() {
    Connection c = connection;
    connection = null;
    if (c != null) {
      try {
        c.close();
      } catch (Throwable t) { // closing a broken connection: nothing more to do
      }
    }
  }
}
