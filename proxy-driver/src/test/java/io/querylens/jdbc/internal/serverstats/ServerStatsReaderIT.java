package io.querylens.jdbc.internal.serverstats;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.querylens.core.Database;
import io.querylens.core.ServerStatsStatus;
import io.querylens.core.ServerStatsStatus.State;
import io.querylens.core.SqlDialect;
import io.querylens.core.config.ConfigKey;
import io.querylens.core.config.Mode;
import io.querylens.core.config.QueryLensConfig;
import io.querylens.core.intercept.Recording;
import io.querylens.core.intercept.ServerStatistics;
import io.querylens.jdbc.QueryLensDataSource;
import io.querylens.jdbc.internal.Databases;
import io.querylens.jdbc.internal.QueryLensConnection;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * The statistics reader on the local PostgreSQL and MariaDB, with a source that counts its calls
 * and asks the server who it is: intervals, credential routes, refusal, off, and that the
 * statistics connection is never recorded.
 */
class ServerStatsReaderIT {
  private static final String PG_URL = "jdbc:postgresql://127.0.0.1:5432/test";
  private static final String MARIADB_URL = "jdbc:mariadb://127.0.0.1:3306/test";
  private static final String ROUTE_USER = "ql_stats_route";
  private static final String ROUTE_PASSWORD = "route-pw-17";
  private static final long FIVE_SECONDS = TimeUnit.SECONDS.toNanos(5);

  @BeforeAll
  static void userWithPassword() throws SQLException {
    try (Connection c = DriverManager.getConnection(MARIADB_URL, "root", "");
        Statement s = c.createStatement()) {
      for (String host : List.of("%", "localhost", "127.0.0.1")) {
        s.execute(
            "CREATE USER IF NOT EXISTS '"
                + ROUTE_USER
                + "'@'"
                + host
                + "' IDENTIFIED BY '"
                + ROUTE_PASSWORD
                + "'");
        s.execute("GRANT SELECT ON test.* TO '" + ROUTE_USER + "'@'" + host + "'");
      }
    }
  }

  @Test
  void readsAndSamplesAtTheirIntervals() throws Exception {
    Recording recording =
        recording(
            QueryLensConfig.builder()
                .set(ConfigKey.DATABASE_STATS_INTERVAL, Duration.ofMillis(200))
                .set(ConfigKey.DATABASE_SAMPLE_INTERVAL, Duration.ofMillis(100)));
    CountingSource source = install(recording, null);

    Database database = queryThrough(QueryLensDataSource.wrap(postgres(), recording));
    Thread.sleep(1_100);

    int reads = source.reads.get();
    assertThat(reads).isBetween(3, 8);
    assertThat(source.samples.get()).isGreaterThan(reads);
    assertThat(source.explains.get()).isBetween(reads - 1, reads + 1);
    assertThat(source.checks.get()).isEqualTo(1);
    ServerStatsStatus status = statusOf(recording, database);
    assertThat(status.state()).isEqualTo(State.READING);
    assertThat(status.polls()).isGreaterThanOrEqualTo(3);
    assertThat(readerThreads()).isNotEmpty().allMatch(Thread::isDaemon);
  }

  @Test
  void statisticsConnectionIsNeverRecorded() throws Exception {
    Recording recording = recording(QueryLensConfig.builder());
    CountingSource source = install(recording, null);
    DataSource app = QueryLensDataSource.wrap(postgres(), recording);
    queryThrough(app);

    recording.serverStatistics().readNow(System.nanoTime() + FIVE_SECONDS);

    assertThat(source.reads.get()).isGreaterThanOrEqualTo(1);
    assertThat(recording.snapshot().shapes())
        .noneMatch(
            s -> s.shape().text().toLowerCase(java.util.Locale.ROOT).contains("ql_stats_probe"));
    // the wrap points skip connections opened on the reader thread
    AtomicReference<Connection> opened = new AtomicReference<>();
    Thread reader =
        new ReaderThread(
            () -> {
              try (Connection c = app.getConnection()) {
                opened.set(c);
              } catch (SQLException e) {
                throw new IllegalStateException(e);
              }
            });
    reader.start();
    reader.join();
    assertThat(opened.get()).isNotNull().isNotInstanceOf(QueryLensConnection.class);
  }

  @Test
  void driverRouteConnectsWithTheUrlAndPropertiesGiven() throws Exception {
    Recording global = Recording.global();
    CountingSource source = install(global, null);
    Properties info = new Properties();
    info.setProperty("user", ROUTE_USER);
    info.setProperty("password", ROUTE_PASSWORD);
    Database database;
    try (Connection c =
        DriverManager.getConnection("jdbc:querylens:mariadb://127.0.0.1/test", info)) {
      database = Databases.of(c);
    }

    global.serverStatistics().readNow(System.nanoTime() + FIVE_SECONDS);

    assertThat(readerOf(global).rankOf(database)).isEqualTo(StatsCredentials.DRIVER);
    assertThat(source.reads.get()).isGreaterThanOrEqualTo(1);
    assertThat(source.user.get()).startsWith(ROUTE_USER + "@");
  }

  @Test
  void dataSourceRouteReadsHikariGetters() throws Exception {
    Recording recording = recording(QueryLensConfig.builder());
    CountingSource source = install(recording, null);
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl(MARIADB_URL);
    config.setUsername(ROUTE_USER);
    config.setPassword(ROUTE_PASSWORD);
    config.setMaximumPoolSize(1);
    try (HikariDataSource pool = new HikariDataSource(config)) {
      Database database = queryThrough(QueryLensDataSource.wrap(pool, recording));

      recording.serverStatistics().readNow(System.nanoTime() + FIVE_SECONDS);

      assertThat(readerOf(recording).rankOf(database)).isEqualTo(StatsCredentials.DATA_SOURCE);
      assertThat(source.reads.get()).isGreaterThanOrEqualTo(1);
      assertThat(source.user.get()).startsWith(ROUTE_USER + "@");
    }
  }

  @Test
  void metadataRouteWithTheConfiguredPassword() throws Exception {
    Recording recording =
        recording(QueryLensConfig.builder().set(ConfigKey.DATABASE_STATS_PASSWORD, ROUTE_PASSWORD));
    CountingSource source = install(recording, null);
    Database database;
    try (Connection raw =
            DriverManager.getConnection(
                MARIADB_URL + "?user=" + ROUTE_USER + "&password=" + ROUTE_PASSWORD);
        Connection c = QueryLensConnection.wrap(raw, recording, System.nanoTime());
        Statement s = c.createStatement()) {
      s.execute("SELECT 1"); // the metadata's URL masks the password: the configured one is used
      database = Databases.of(c);
    }

    recording.serverStatistics().readNow(System.nanoTime() + FIVE_SECONDS);

    assertThat(readerOf(recording).rankOf(database)).isEqualTo(StatsCredentials.CONNECTION);
    assertThat(source.reads.get()).isGreaterThanOrEqualTo(1);
    assertThat(source.user.get()).startsWith(ROUTE_USER + "@");
  }

  @Test
  void refusedStatisticsConnectionFailsQuietlyWithoutThePassword() throws Exception {
    String secret = "wrong-secret-42";
    Recording recording =
        recording(
            QueryLensConfig.builder()
                .set(ConfigKey.DATABASE_STATS_USER, ROUTE_USER)
                .set(ConfigKey.DATABASE_STATS_PASSWORD, secret));
    CountingSource source = install(recording, null);
    org.mariadb.jdbc.MariaDbDataSource mariadb =
        new org.mariadb.jdbc.MariaDbDataSource(MARIADB_URL);
    mariadb.setUser("root");
    mariadb.setPassword("");

    Database database = queryThrough(QueryLensDataSource.wrap(mariadb, recording));
    recording.serverStatistics().readNow(System.nanoTime() + FIVE_SECONDS);

    ServerStatsStatus status = statusOf(recording, database);
    assertThat(status.state()).isEqualTo(State.FAILING);
    assertThat(status.detail())
        .contains("Could not open")
        .doesNotContain(secret)
        .doesNotContain("'" + ROUTE_USER + "'");
    assertThat(source.reads.get()).isZero();
    assertThat(recording.snapshot().shapes()).isNotEmpty(); // the application's query went on
  }

  @Test
  void unavailableStatisticsAreCheckedOnceAndNotRead() throws Exception {
    Recording recording =
        recording(
            QueryLensConfig.builder()
                .set(ConfigKey.DATABASE_STATS_INTERVAL, Duration.ofMillis(100)));
    CountingSource source = install(recording, "load pg_stat_statements");

    Database database = queryThrough(QueryLensDataSource.wrap(postgres(), recording));
    recording.serverStatistics().readNow(System.nanoTime() + FIVE_SECONDS);
    Thread.sleep(300);

    ServerStatsStatus status = statusOf(recording, database);
    assertThat(status.state()).isEqualTo(State.UNAVAILABLE);
    assertThat(status.detail()).isEqualTo("load pg_stat_statements");
    assertThat(source.checks.get()).isEqualTo(1);
    assertThat(source.reads.get()).isZero();
  }

  @Test
  void offNeverConnects() throws Exception {
    Recording recording =
        recording(QueryLensConfig.builder().set(ConfigKey.DATABASE_STATS, Mode.OFF));
    CountingSource source = install(recording, null);

    Database database = queryThrough(QueryLensDataSource.wrap(postgres(), recording));
    recording.serverStatistics().readNow(System.nanoTime() + FIVE_SECONDS);

    assertThat(statusOf(recording, database).state()).isEqualTo(State.OFF);
    assertThat(source.checks.get()).isZero();
    assertThat(source.reads.get()).isZero();
  }

  private static Recording recording(QueryLensConfig.Builder config) {
    return Recording.create(config.set(ConfigKey.REPORT_CONSOLE, false).build());
  }

  private static CountingSource install(Recording recording, String unavailableReason) {
    CountingSource source = new CountingSource(unavailableReason);
    ServerStatsReader.install(new ServerStatsReader(recording, system -> source));
    return source;
  }

  private static ServerStatsReader readerOf(Recording recording) {
    return ServerStatsReader.of(recording);
  }

  private static PGSimpleDataSource postgres() {
    PGSimpleDataSource ds = new PGSimpleDataSource();
    ds.setURL(PG_URL);
    ds.setUser("postgres");
    return ds;
  }

  /** Runs one query through {@code dataSource}; returns the database it ran on. */
  private static Database queryThrough(DataSource dataSource) throws SQLException {
    try (Connection c = dataSource.getConnection();
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT 1")) {
      rs.next();
      return Databases.of(c);
    }
  }

  private static ServerStatsStatus statusOf(Recording recording, Database database) {
    return recording.snapshot().serverStats().stream()
        .filter(s -> s.database().equals(database))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no status for " + database));
  }

  private static List<Thread> readerThreads() {
    return Thread.getAllStackTraces().keySet().stream()
        .filter(t -> t.getName().equals(ReaderThread.NAME))
        .toList();
  }

  /** Counts calls; each read asks the server who it is and runs a probe query. */
  private static final class CountingSource implements StatsSource {
    final AtomicInteger checks = new AtomicInteger();
    final AtomicInteger reads = new AtomicInteger();
    final AtomicInteger samples = new AtomicInteger();
    final AtomicInteger explains = new AtomicInteger();
    final AtomicReference<String> user = new AtomicReference<>();
    private final String unavailableReason;

    CountingSource(String unavailableReason) {
      this.unavailableReason = unavailableReason;
    }

    @Override
    public String name() {
      return "counting";
    }

    @Override
    public String unavailableReason(Connection connection) {
      checks.incrementAndGet();
      return unavailableReason;
    }

    @Override
    public int read(
        Connection connection, Database database, SqlDialect dialect, ServerStatistics into)
        throws SQLException {
      try (Statement s = connection.createStatement();
          ResultSet rs = s.executeQuery("SELECT CURRENT_USER AS ql_stats_probe")) {
        rs.next();
        user.set(rs.getString(1));
      }
      reads.incrementAndGet();
      return 0;
    }

    @Override
    public void sample(
        Connection connection, Database database, ServerStatistics into, long intervalNanos) {
      samples.incrementAndGet();
    }

    @Override
    public void explain(Connection connection, Database database, ServerStatistics into, int max) {
      explains.incrementAndGet();
    }
  }
}
