package io.querylens.jdbc.internal.serverstats;

import static org.assertj.core.api.Assertions.assertThat;

import io.querylens.QueryLens;
import io.querylens.core.Database;
import io.querylens.core.DatabaseFinding;
import io.querylens.core.DatabaseFindingKind;
import io.querylens.core.ServerSide;
import io.querylens.core.ServerStatsStatus;
import io.querylens.core.ShapeSnapshot;
import io.querylens.core.SqlDialect;
import io.querylens.core.WaitCategory;
import io.querylens.core.intercept.Recording;
import io.querylens.core.intercept.ServerStatistics;
import io.querylens.jdbc.internal.Databases;
import io.querylens.testing.TestDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mariadb.jdbc.MariaDbDataSource;

/**
 * {@link PerformanceSchemaDigests} on the local MariaDB: the workload recorded through QueryLens,
 * the statistics read on a plain connection of their own, and the database findings they lead to.
 */
class PerformanceSchemaDigestsIT {
  private static final TestDatabase mariadb = TestDatabase.MARIADB;

  /** How far the server's mean may be from the client's: 10%. */
  private static final double TOLERANCE = 0.10;

  /**
   * Time between samples: InnoDB refreshes its lock list (INNODB_TRX) only when nobody read it for
   * 100 ms, so samples closer together see an old one.
   */
  private static final long SAMPLE_MILLIS = 120;

  private final StringsRead read = new StringsRead();
  private final PerformanceSchemaDigests source = new PerformanceSchemaDigests();
  private Connection stats;
  private Database database;
  private ServerStatistics into;

  @BeforeEach
  void connect() throws SQLException {
    mariadb.requireAvailable();
    QueryLens.reset();
    into = Recording.global().serverStatistics();
    stats =
        read.wrap(DriverManager.getConnection(mariadb.url(), mariadb.user(), mariadb.password()));
    database = Databases.of(stats);
    readStatistics(); // the baseline
  }

  @AfterEach
  void close() throws SQLException {
    if (stats != null) {
      stats.close();
    }
  }

  @Test
  void theirStatisticsAreReadable() throws SQLException {
    assertThat(source.unavailableReason(stats)).isNull();
    assertThat(source.name()).isEqualTo("performance_schema");
    assertThat(source.advice()).as("events_statements_history is on here").isNull();
  }

  @Test
  void aUserWhoMayNotReadPerformanceSchemaIsToldWhy() throws SQLException {
    String user = "ql_maria_noperf";
    execute(stats, "DROP USER IF EXISTS " + user);
    execute(stats, "CREATE USER " + user + " IDENTIFIED BY 'ql-maria-pw'");
    try {
      execute(stats, "GRANT SELECT ON test.* TO " + user);
      try (Connection c = DriverManager.getConnection(mariadb.url(), user, "ql-maria-pw")) {
        assertThat(source.unavailableReason(c)).isEqualTo(PerformanceSchemaDigests.NO_SELECT);
      }
    } finally {
      execute(stats, "DROP USER IF EXISTS " + user);
    }
  }

  @Test
  void aShapeSlowInTheServerIsSlowInDatabase() throws Exception {
    String sql = "select sleep(0.2) as ql_maria_slow";
    try (Connection c = app().getConnection();
        Statement s = c.createStatement()) {
      for (int i = 0; i < 5; i++) {
        drain(s.executeQuery(sql));
      }
    }
    readStatistics();

    ShapeSnapshot shape = shape("ql_maria_slow");
    ServerSide server = shape.server();
    assertThat(server).as("server side of %s", shape.shape().text()).isNotNull();
    assertThat(server.calls()).isEqualTo(5);
    long client = clientMean(shape);
    assertThat(server.meanNanos())
        .as("server mean against the client's %d ns", client)
        .isBetween((long) (client * (1 - TOLERANCE)), (long) (client * (1 + TOLERANCE)));
    assertThat(kinds(shape)).contains(DatabaseFindingKind.SLOW_IN_DATABASE);
  }

  /**
   * A shape run only before a source's first read, its baseline, is matched all the same: the
   * server's side without calls, counted as matched, and no finding.
   */
  @Test
  void aShapeRunOnlyBeforeTheBaselineIsMatchedWithNoCalls() throws Exception {
    try (Connection c = app().getConnection();
        Statement s = c.createStatement()) {
      drain(s.executeQuery("select 42 as ql_maria_before"));
    }
    PerformanceSchemaDigests fresh = new PerformanceSchemaDigests();
    into.refreshShapes();
    assertThat(fresh.read(stats, database, SqlDialect.MYSQL, into)).isPositive();
    fresh.read(stats, database, SqlDialect.MYSQL, into);
    into.polled(database, PerformanceSchemaDigests.SOURCE, "read");

    ServerSide server = shape("ql_maria_before").server();
    assertThat(server).as("matched at the baseline").isNotNull();
    assertThat(server.calls()).isZero();
    assertThat(server.rowsExamined()).as("known on MariaDB").isZero();
    assertThat(server.planNanos()).as("unknown on MariaDB").isEqualTo(-1);
    ServerStatsStatus status =
        QueryLens.snapshot().serverStats().stream()
            .filter(st -> st.database().equals(database))
            .findFirst()
            .orElseThrow();
    assertThat(status.matchedShapes()).isEqualTo(1);
    assertThat(status.unmatchedShapes()).isZero();
    assertThat(QueryLens.snapshot().databaseFindings()).isEmpty();
  }

  @Test
  void aFastShapeBehindASlowNetworkIsNetworkBound() throws Exception {
    createTable(
        "ql_maria_net", "id int primary key, v int", "insert into ql_maria_net values (1, 1)");
    try (DelayingTcpProxy proxy = new DelayingTcpProxy("127.0.0.1", 3306, 15)) {
      String url = "jdbc:mariadb://127.0.0.1:" + proxy.port() + "/test";
      PerformanceSchemaDigests behindProxy = new PerformanceSchemaDigests();
      Database proxied = Databases.ofUrl(url);
      into.refreshShapes();
      behindProxy.read(stats, proxied, SqlDialect.MYSQL, into);
      MariaDbDataSource raw = new MariaDbDataSource(url);
      raw.setUser(mariadb.user());
      raw.setPassword(mariadb.password());
      try (Connection c = QueryLens.wrap(raw).getConnection();
          PreparedStatement ps = c.prepareStatement("select v from ql_maria_net where id = ?")) {
        for (int i = 0; i < 10; i++) {
          ps.setInt(1, 1);
          drain(ps.executeQuery());
        }
      }
      into.refreshShapes();
      behindProxy.read(stats, proxied, SqlDialect.MYSQL, into);
    }

    ShapeSnapshot shape = shape("from ql_maria_net");
    assertThat(shape.server()).isNotNull();
    assertThat(shape.server().calls()).isEqualTo(10);
    assertThat(kinds(shape))
        .contains(DatabaseFindingKind.NETWORK_BOUND)
        .doesNotContain(DatabaseFindingKind.SLOW_IN_DATABASE);
  }

  @Test
  void aMissingIndexIsAFullScan() throws Exception {
    createTable(
        "ql_maria_scan",
        "id int primary key, k int",
        "insert into ql_maria_scan select seq, seq from seq_1_to_50000");
    try (Connection c = app().getConnection();
        PreparedStatement ps = c.prepareStatement("select id from ql_maria_scan where k = ?")) {
      for (int i = 1; i <= 3; i++) {
        ps.setInt(1, i * 1000);
        drain(ps.executeQuery());
      }
    }
    readStatistics();

    ShapeSnapshot shape = shape("from ql_maria_scan");
    assertThat(shape.server().rowsExamined()).isEqualTo(3 * 50_000L);
    assertThat(shape.server().noIndexCalls()).isEqualTo(3);
    DatabaseFinding scan = finding(shape, DatabaseFindingKind.FULL_SCAN);
    assertThat(scan.cause())
        .isEqualTo("no index used, 50000 rows examined per call for 1 returned");
  }

  @Test
  void anUpdateWaitingForARowLockIsALockWait() throws Exception {
    assertLockWait("ql_maria_lock");
  }

  /**
   * The session runs its next statement before the update's end is sampled, as applications do: the
   * update's digest comes from {@code events_statements_history}.
   */
  @Test
  void anUpdateWaitingForARowLockIsALockWaitWhenItsSessionMovesOn() throws Exception {
    assertLockWait("ql_maria_lock_next", "select 1 as ql_maria_next");
  }

  /**
   * Holds a row of a new table {@code table} for a second while an update of it waits, then runs
   * {@code next} on the update's connection right after it, and checks the update's shape was
   * sampled waiting for the lock.
   */
  private void assertLockWait(String table, String... next) throws Exception {
    createTable(table, "id int primary key, v int", "insert into " + table + " values (1, 0)");
    String update = "update " + table + " set v = v + 1 where id = 1";
    // run once and read, so the update's digest is matched, and so kept, before the lock wait:
    // the schema may hold more unmatched digests than a source keeps, left by earlier runs; that
    // run counts or is the digest's baseline, depending on whether the source kept the digest
    try (Connection c = app().getConnection()) {
      execute(c, update);
    }
    readStatistics();
    long callsBefore = shape("update " + table + " ").server().calls();
    try (Connection holder = mariadb.openRaw()) {
      holder.setAutoCommit(false);
      drain(
          holder
              .createStatement()
              .executeQuery("select v from " + table + " where id = 1 for update"));
      String[] statements = new String[next.length + 1];
      statements[0] = update;
      System.arraycopy(next, 0, statements, 1, next.length);
      try (HeldConnection waiting = new HeldConnection(statements)) {
        long until = System.nanoTime() + 1_000_000_000L;
        while (System.nanoTime() < until) {
          sample();
        }
        holder.commit();
        waiting.executed.join();
        sample(); // sees the update's end, or the session's next statement
      }
    }
    readStatistics();

    ShapeSnapshot shape = shape("update " + table + " ");
    ServerSide server = shape.server();
    assertThat(server.calls() - callsBefore).as("calls of the waiting update").isEqualTo(1);
    assertThat(server.waits().dominant()).isEqualTo(WaitCategory.LOCK);
    assertThat(server.waits().samples(WaitCategory.LOCK))
        .as("lock samples of %s", server.waits())
        .isGreaterThanOrEqualTo((long) (0.8 * 1000 / SAMPLE_MILLIS));
    // MariaDB's LOCK_TIME counts table locks, not InnoDB's row lock waits
    System.out.printf(
        "row lock wait: server %d ns, of which LOCK_TIME %d ns%n",
        server.executeNanos(), server.lockNanos());
    assertThat(finding(shape, DatabaseFindingKind.SLOW_IN_DATABASE).cause())
        .startsWith("lock wait");
  }

  @Test
  void noLiteralIsReadOrKept(@TempDir Path dir) throws Exception {
    String literal = "ql_maria_secret_4711";
    try (HeldConnection slow =
        new HeldConnection(
            "select sleep(0.3) as ql_maria_lit from dual where '" + literal + "' <> ''")) {
      while (!slow.executed.isDone()) {
        sample();
      }
      sample();
    }
    readStatistics();

    ShapeSnapshot shape = shape("ql_maria_lit");
    assertThat(shape.server()).as("the digest matched").isNotNull();
    assertThat(shape.server().waits().samples()).as("samples in flight").isPositive();
    assertThat(read.values()).as("texts read").isNotEmpty().noneMatch(v -> v.contains(literal));
    Path json = dir.resolve("report.json");
    QueryLens.writeJsonReport(json);
    assertThat(Files.readString(json)).doesNotContain(literal);
    assertThat(QueryLens.consoleReport()).doesNotContain(literal);
  }

  /**
   * Runs statements through QueryLens, one after the other, on a thread of its own and keeps its
   * connection open, as a pool would, until closed: the server shows a statement's digest once it
   * has ended, as long as the session is there and has not started another.
   */
  private static final class HeldConnection implements AutoCloseable {
    final CompletableFuture<Void> executed = new CompletableFuture<>();
    private final CountDownLatch release = new CountDownLatch(1);
    private final Thread thread;

    HeldConnection(String... statements) {
      thread =
          new Thread(
              () -> {
                try (Connection c = app().getConnection();
                    Statement s = c.createStatement()) {
                  for (String sql : statements) {
                    if (s.execute(sql)) {
                      drain(s.getResultSet());
                    }
                  }
                  executed.complete(null);
                  release.await();
                } catch (Exception e) {
                  executed.completeExceptionally(e);
                }
              },
              "ql-maria-held");
      thread.start();
    }

    @Override
    public void close() {
      release.countDown();
      try {
        thread.join();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      executed.join();
    }
  }

  private void readStatistics() throws SQLException {
    into.refreshShapes();
    source.read(stats, database, SqlDialect.MYSQL, into);
  }

  private void sample() throws SQLException, InterruptedException {
    source.sample(stats, database, into, SAMPLE_MILLIS * 1_000_000);
    Thread.sleep(SAMPLE_MILLIS);
  }

  private static DataSource app() {
    return QueryLens.wrap(mariadb.rawDataSource());
  }

  private void createTable(String name, String columns, String fill) throws SQLException {
    execute(stats, "drop table if exists " + name);
    execute(stats, "create table " + name + " (" + columns + ") engine=InnoDB");
    execute(stats, fill);
  }

  private static void execute(Connection c, String sql) throws SQLException {
    try (Statement s = c.createStatement()) {
      s.execute(sql);
    }
  }

  private static void drain(ResultSet rs) throws SQLException {
    try (rs) {
      while (rs.next()) {
        rs.getObject(1);
      }
    }
  }

  private static ShapeSnapshot shape(String textPart) {
    List<ShapeSnapshot> found =
        QueryLens.snapshot().shapes().stream()
            .filter(s -> s.shape().text().contains(textPart))
            .toList();
    assertThat(found).as("shapes with %s", textPart).hasSize(1);
    return found.get(0);
  }

  private static long clientMean(ShapeSnapshot s) {
    return (s.execute().sum() + s.fetch().sum()) / s.count();
  }

  private static List<DatabaseFindingKind> kinds(ShapeSnapshot shape) {
    return findings(shape).stream().map(DatabaseFinding::kind).toList();
  }

  private static DatabaseFinding finding(ShapeSnapshot shape, DatabaseFindingKind kind) {
    List<DatabaseFinding> found = findings(shape).stream().filter(f -> f.kind() == kind).toList();
    assertThat(found).as("%s findings on %s", kind, shape.shape().text()).hasSize(1);
    return found.get(0);
  }

  private static List<DatabaseFinding> findings(ShapeSnapshot shape) {
    return QueryLens.snapshot().databaseFindings().stream()
        .filter(f -> f.shape().equals(shape.shape()))
        .toList();
  }
}
