package io.querylens.jdbc.internal.serverstats;

import static org.assertj.core.api.Assertions.assertThat;

import io.querylens.core.Database;
import io.querylens.core.DatabaseFinding;
import io.querylens.core.DatabaseFindingKind;
import io.querylens.core.QueryLensSnapshot;
import io.querylens.core.ServerSide;
import io.querylens.core.ShapeSnapshot;
import io.querylens.core.SqlDialect;
import io.querylens.core.WaitCategory;
import io.querylens.core.config.ConfigKey;
import io.querylens.core.config.Mode;
import io.querylens.core.config.QueryLensConfig;
import io.querylens.core.intercept.Recording;
import io.querylens.core.intercept.ServerStatistics;
import io.querylens.core.report.ConsoleReport;
import io.querylens.core.report.JsonReport;
import io.querylens.jdbc.QueryLensDataSource;
import io.querylens.jdbc.internal.Databases;
import io.querylens.testing.TestDatabase;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * {@link PostgresStatements} on the local PostgreSQL with pg_stat_statements: the workload is
 * recorded through QueryLens on a recording of its own, the statistics are read on a plain
 * connection, and each case (server-slow, network-bound, missing index, lock wait) must come out
 * with the right finding, within 10 % where a time is injected.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PostgresStatementsIT {
  static final double TOLERANCE = 0.10;
  static final long RELAY_DELAY_MILLIS = 15;
  static final int ATTEMPTS = 3;
  static final String SECRET = "ql_pg_secret_6173";

  private final TestDatabase pg = TestDatabase.POSTGRESQL;
  private Recording recording;
  private ServerStatistics into;
  private Connection stats;
  private PostgresStatements source;

  @BeforeAll
  void createTables() throws Exception {
    pg.requireAvailable();
    stats = DriverManager.getConnection(pg.url(), pg.user(), pg.password());
    try (Statement s = stats.createStatement()) {
      s.execute("drop table if exists ql_pg_slow, ql_pg_net, ql_pg_scan, ql_pg_lock");
      s.execute("create table ql_pg_slow (id int primary key)");
      s.execute("insert into ql_pg_slow values (1)");
      s.execute("create table ql_pg_net (id int primary key, name text)");
      s.execute("insert into ql_pg_net select g, 'n' || g from generate_series(1, 100) g");
      s.execute("create table ql_pg_scan (id int primary key, a int, b text)");
      s.execute(
          "insert into ql_pg_scan select g, g % 1000, md5(g::text)"
              + " from generate_series(1, 50000) g");
      s.execute("analyze ql_pg_scan");
      s.execute("create table ql_pg_lock (id int primary key, v int)");
      s.execute("insert into ql_pg_lock values (1, 0)");
    }
  }

  @AfterAll
  void dropTables() throws Exception {
    if (stats != null) {
      try (Statement s = stats.createStatement()) {
        s.execute("drop table if exists ql_pg_slow, ql_pg_net, ql_pg_scan, ql_pg_lock");
      }
      stats.close();
    }
  }

  @BeforeEach
  void freshRecording() {
    recording =
        Recording.create(QueryLensConfig.builder().set(ConfigKey.DATABASE_STATS, Mode.OFF).build());
    into = recording.serverStatistics();
    source = new PostgresStatements();
  }

  @Test
  void isAvailableHere() throws Exception {
    assertThat(source.unavailableReason(stats)).isNull();
  }

  @Test
  void databaseWithoutTheExtensionSaysHowToCreateIt() throws Exception {
    String url = pg.url().substring(0, pg.url().lastIndexOf('/') + 1) + "postgres";
    try (Connection other = DriverManager.getConnection(url, pg.user(), pg.password())) {
      assertThat(source.unavailableReason(other))
          .contains("not created in database \"postgres\"")
          .contains("CREATE EXTENSION pg_stat_statements");
    }
  }

  @Test
  void userWithoutPgReadAllStatsReadsItsOwnStatements() throws Exception {
    try (Statement s = stats.createStatement()) {
      s.execute("drop role if exists ql_pg_reader");
      s.execute("create role ql_pg_reader login");
    }
    try (Connection reader = DriverManager.getConnection(pg.url(), "ql_pg_reader", "")) {
      assertThat(source.unavailableReason(reader)).isNull();
    } finally {
      try (Statement s = stats.createStatement()) {
        s.execute("drop role ql_pg_reader");
      }
    }
  }

  @Test
  void serverSleepIsSlowInDatabase() throws Exception {
    DataSource app = QueryLensDataSource.wrap(pg.rawDataSource(), recording);
    String sql = "select pg_sleep(0.2), id from ql_pg_slow where id = ?";
    try (Connection c = app.getConnection();
        PreparedStatement ps = c.prepareStatement(sql)) {
      runTimes(ps, 1);
      Database db = shape("ql_pg_slow").database();
      source.read(stats, db, SqlDialect.POSTGRESQL, into);
      recording.reset();
      runTimes(ps, 5);
      assertThat(source.read(stats, db, SqlDialect.POSTGRESQL, into)).isPositive();
    }
    ShapeSnapshot slow = shape("ql_pg_slow");
    ServerSide server = slow.server();
    System.out.printf("server-slow: client %d ns per execution, server %s%n", client(slow), server);
    assertThat(server.calls()).isEqualTo(5);
    assertThat(server.planNanos()).isNotNegative();
    assertWithin(server.meanNanos(), client(slow), client(slow) * TOLERANCE);
    assertThat(findings(slow)).contains(DatabaseFindingKind.SLOW_IN_DATABASE);
    assertThat(findings(slow)).doesNotContain(DatabaseFindingKind.NETWORK_BOUND);
  }

  /**
   * A shape run only before the first read, its baseline, is matched all the same: the server's
   * side without calls, counted as matched, "-" for its server time in the console report, and no
   * finding.
   */
  @Test
  void aShapeRunOnlyBeforeTheBaselineIsMatchedWithNoCalls() throws Exception {
    DataSource app = QueryLensDataSource.wrap(pg.rawDataSource(), recording);
    try (Connection c = app.getConnection();
        PreparedStatement ps = c.prepareStatement("select id from ql_pg_slow where id = ?")) {
      runTimes(ps, 2);
    }
    Database db = shape("ql_pg_slow").database();
    assertThat(source.read(stats, db, SqlDialect.POSTGRESQL, into)).isPositive();
    assertThat(shape("ql_pg_slow").server().calls()).as("after the baseline").isZero();
    source.read(stats, db, SqlDialect.POSTGRESQL, into);
    into.polled(db, PostgresStatements.SOURCE, "read");
    QueryLensSnapshot snapshot = recording.snapshot();
    ServerSide server = shape("ql_pg_slow").server();
    assertThat(server.calls()).as("no call since the baseline").isZero();
    assertThat(server.executeNanos()).isZero();
    assertThat(server.rowsExamined()).as("unknown on PostgreSQL").isEqualTo(-1);
    assertThat(snapshot.serverStats())
        .singleElement()
        .satisfies(
            st -> {
              assertThat(st.matchedShapes()).isEqualTo(1);
              assertThat(st.unmatchedShapes()).isZero();
            });
    assertThat(ConsoleReport.render(snapshot, 10)).doesNotContain("no server match");
    assertThat(snapshot.databaseFindings()).isEmpty();
  }

  /**
   * The same fast query through a relay without delay and through one that holds what the client
   * sends for 15 ms: the client's time beyond the server's grows by the delay, within 10 %, and the
   * delayed shape is network-bound. The undelayed run, idle as long between its executions,
   * measures what the relay and waking its threads cost on their own (more than the tolerance on a
   * busy machine), so that only the delay is compared.
   */
  @Test
  void slowRoundTripsAreNetworkBound() throws Exception {
    long difference = 0;
    long injected = 0;
    for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
      freshRecording();
      RelayRun direct = throughRelay(0, "select name from ql_pg_net where id = ?");
      freshRecording();
      RelayRun delayed =
          throughRelay(RELAY_DELAY_MILLIS, "select id, name from ql_pg_net where id = ?");
      System.out.printf(
          "network-bound, attempt %d: without delay %s; with delay %s%n", attempt, direct, delayed);
      assertThat(delayed.findings()).containsExactly(DatabaseFindingKind.NETWORK_BOUND);
      difference = delayed.outside() - direct.outside();
      injected = delayed.injected();
      if (Math.abs(difference - injected) <= injected * TOLERANCE) {
        break;
      }
    }
    assertWithin(difference, injected, injected * TOLERANCE);
  }

  /** Runs {@code sql} 20 times through a relay delaying the client's chunks by {@code delay} ms. */
  private RelayRun throughRelay(long delayMillis, String sql) throws Exception {
    int times = 20;
    long injected;
    long chunks;
    Database server = Databases.ofUrl(pg.url());
    try (DelayingProxy proxy =
        new DelayingProxy(server.serverAddress(), server.serverPort(), delayMillis)) {
      PGSimpleDataSource raw = (PGSimpleDataSource) pg.rawDataSource();
      raw.setURL("jdbc:postgresql://127.0.0.1:" + proxy.port() + "/" + server.namespace());
      DataSource app = QueryLensDataSource.wrap(raw, recording);
      try (Connection c = app.getConnection();
          PreparedStatement ps = c.prepareStatement(sql)) {
        runTimes(ps, 1);
        Database db = shape("ql_pg_net").database();
        assertThat(db.serverPort()).isEqualTo(proxy.port());
        source.read(stats, db, SqlDialect.POSTGRESQL, into);
        recording.reset();
        proxy.clearInjected();
        for (int i = 0; i < times; i++) {
          if (delayMillis == 0) {
            Thread.sleep(RELAY_DELAY_MILLIS); // idle as long as the delayed run does
          }
          runTimes(ps, 1);
        }
        injected = proxy.medianDelayNanos();
        chunks = proxy.chunks();
        source.read(stats, db, SqlDialect.POSTGRESQL, into);
      }
    }
    ShapeSnapshot net = shape("ql_pg_net");
    assertThat(net.server().calls()).isEqualTo(times);
    assertThat(chunks).as("one chunk per round trip").isEqualTo(times);
    long medianClient = net.execute().p50() + net.fetch().p50();
    return new RelayRun(medianClient - net.server().meanNanos(), injected, findings(net));
  }

  /**
   * The median client time beyond the server's mean, the median delay injected per round trip, and
   * the findings (judged on means).
   */
  private record RelayRun(long outside, long injected, List<DatabaseFindingKind> findings) {}

  @Test
  void unindexedFilterIsAFullScanWithItsPlan() throws Exception {
    DataSource app = QueryLensDataSource.wrap(pg.rawDataSource(), recording);
    Database db;
    try (Connection c = app.getConnection();
        PreparedStatement ps = c.prepareStatement("select id, b from ql_pg_scan where a = ?");
        Statement untyped = c.createStatement()) {
      runTimes(ps, 1);
      db = shape("ql_pg_scan where a").database();
      source.read(stats, db, SqlDialect.POSTGRESQL, into);
      recording.reset();
      runTimes(ps, 3);
      // PostgreSQL cannot infer the type of $1 here: no plan, skipped
      drain(untyped.executeQuery("select id from ql_pg_scan where 'x' is null"));
      source.read(stats, db, SqlDialect.POSTGRESQL, into);
    }
    source.explain(stats, db, into, 5);
    ShapeSnapshot scan = shape("ql_pg_scan where a");
    System.out.printf("full scan: %s%n", scan.server());
    assertThat(scan.server().plan()).contains("Seq Scan on ql_pg_scan (filter)");
    assertThat(findings(scan)).contains(DatabaseFindingKind.FULL_SCAN);
    assertThat(into.hasPlan(shape("is null").shape())).isFalse();
    assertThat(source.skippedPlans()).isEqualTo(1);
    source.explain(stats, db, into, 5);
    assertThat(source.skippedPlans()).as("a skipped shape is not tried again").isEqualTo(1);
  }

  @Test
  void rowLockHeldByAnotherSessionIsALockWait() throws Exception {
    DataSource app = QueryLensDataSource.wrap(pg.rawDataSource(), recording);
    Database db = Databases.ofUrl(pg.url());
    long interval = TimeUnit.MILLISECONDS.toNanos(50);
    String update = "update ql_pg_lock set v = v + 1 where id = ?";
    source.read(stats, db, SqlDialect.POSTGRESQL, into);
    try (Connection c = app.getConnection();
        PreparedStatement ps = c.prepareStatement(update);
        Connection holder = pg.openRaw()) {
      ps.setInt(1, 1);
      ps.executeUpdate();
      assertThat(shape("ql_pg_lock").database()).isEqualTo(db);
      holder.setAutoCommit(false);
      try (Statement s = holder.createStatement()) {
        drain(s.executeQuery("select v from ql_pg_lock where id = 1 for update"));
      }
      CompletableFuture<Integer> blocked = CompletableFuture.supplyAsync(() -> update(ps));
      Thread.sleep(100);
      for (int i = 0; i < 18; i++) { // about 1 s
        source.sample(stats, db, into, interval);
        Thread.sleep(50);
      }
      holder.commit();
      assertThat(blocked.get(10, TimeUnit.SECONDS)).isEqualTo(1);
    }
    source.read(stats, db, SqlDialect.POSTGRESQL, into);
    ShapeSnapshot locked = shape("ql_pg_lock");
    ServerSide server = locked.server();
    System.out.printf("lock wait: client %d ns per execution, server %s%n", client(locked), server);
    assertThat(server.calls()).isEqualTo(2);
    assertThat(server.waits().samples()).isGreaterThanOrEqualTo(10);
    assertThat(server.waits().samples(WaitCategory.LOCK))
        .isGreaterThanOrEqualTo(server.waits().samples() * 9 / 10);
    assertThat(recording.snapshot().databaseFindings())
        .filteredOn(f -> f.shape().equals(locked.shape()))
        .extracting(DatabaseFinding::kind, f -> f.cause().startsWith("lock wait"))
        .contains(org.assertj.core.groups.Tuple.tuple(DatabaseFindingKind.SLOW_IN_DATABASE, true));
  }

  @Test
  void nothingOfTheStatisticsConnectionIsRecordedAndNoValueIsKept() throws Exception {
    DataSource app = QueryLensDataSource.wrap(pg.rawDataSource(), recording);
    Database db;
    try (Connection c = app.getConnection();
        Statement s = c.createStatement()) {
      String sql = "select id from ql_pg_scan where b = '" + SECRET + "' and a = 4242";
      drain(s.executeQuery(sql));
      db = shape("ql_pg_scan where b").database();
      source.read(stats, db, SqlDialect.POSTGRESQL, into);
      recording.reset();
      drain(s.executeQuery(sql));
      drain(s.executeQuery(sql));
    }
    source.read(stats, db, SqlDialect.POSTGRESQL, into);
    source.sample(stats, db, into, TimeUnit.SECONDS.toNanos(1));
    source.explain(stats, db, into, 5);
    QueryLensSnapshot snapshot = recording.snapshot();
    assertThat(snapshot.shapes()).extracting(sh -> sh.shape().text()).hasSize(1);
    ShapeSnapshot secret = shape("ql_pg_scan where b");
    assertThat(secret.server().calls()).isEqualTo(2);
    assertThat(secret.server().plan()).contains("Seq Scan on ql_pg_scan");
    String json = JsonReport.render(snapshot);
    assertThat(json).doesNotContain(SECRET).doesNotContain("4242");
    assertThat(secret.server().toString()).doesNotContain(SECRET).doesNotContain("4242");
  }

  private static int update(PreparedStatement ps) {
    try {
      return ps.executeUpdate();
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  private static void runTimes(PreparedStatement ps, int times) throws SQLException {
    for (int i = 0; i < times; i++) {
      ps.setInt(1, 1);
      drain(ps.executeQuery());
    }
  }

  private static void drain(ResultSet rs) throws SQLException {
    try (rs) {
      while (rs.next()) {
        rs.getObject(1);
      }
    }
  }

  private ShapeSnapshot shape(String fragment) {
    List<ShapeSnapshot> found =
        recording.snapshot().shapes().stream()
            .filter(s -> s.shape().text().contains(fragment))
            .toList();
    assertThat(found).as("shapes with %s", fragment).hasSize(1);
    return found.get(0);
  }

  private List<DatabaseFindingKind> findings(ShapeSnapshot s) {
    return recording.snapshot().databaseFindings().stream()
        .filter(f -> f.shape().equals(s.shape()))
        .map(DatabaseFinding::kind)
        .toList();
  }

  private static long client(ShapeSnapshot s) {
    return (s.execute().sum() + s.fetch().sum()) / s.count();
  }

  private static void assertWithin(long actual, long expected, double tolerance) {
    assertThat((double) actual).isBetween(expected - tolerance, expected + tolerance);
  }
}
