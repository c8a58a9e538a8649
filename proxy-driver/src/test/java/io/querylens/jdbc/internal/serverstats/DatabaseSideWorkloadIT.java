package io.querylens.jdbc.internal.serverstats;

import static org.assertj.core.api.Assertions.assertThat;

import io.querylens.core.Database;
import io.querylens.core.DatabaseFinding;
import io.querylens.core.DatabaseFindingKind;
import io.querylens.core.QueryLensSnapshot;
import io.querylens.core.ServerSide;
import io.querylens.core.ServerStatsStatus;
import io.querylens.core.ShapeSnapshot;
import io.querylens.core.config.ConfigKey;
import io.querylens.core.config.Mode;
import io.querylens.core.config.QueryLensConfig;
import io.querylens.core.intercept.Recording;
import io.querylens.core.report.ConsoleReport;
import io.querylens.core.report.JsonReport;
import io.querylens.jdbc.QueryLensDataSource;
import io.querylens.jdbc.internal.Databases;
import io.querylens.testing.TestDatabase;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The acceptance check of the database side (docs/database-side.md): one workload through a
 * HikariCP pool wrapped by QueryLens, read by the real statistics reader at short intervals, with a
 * shape slow in the server, one waiting for a row lock another session holds and a full scan. Each
 * must come out as its database finding with the right cause, in the snapshot, the console report
 * and the JSON report, and no literal of the workload may reach either report.
 */
class DatabaseSideWorkloadIT {
  /** How far the server's mean of the slow shape may be from the client's. */
  private static final double TOLERANCE = 0.10;

  private static final long LOCK_HELD_MILLIS = 1_000;
  private static final int LOCK_WAITS = 3;
  private static final int SLOW_RUNS = 5;
  private static final int SCAN_RUNS = 5;
  private static final int SCAN_ROWS = 50_000;

  /** Every literal of the workload starts with this; none may appear in a report. */
  private static final String LITERAL = "ql-lit-";

  private static final String LOCK_KEY = LITERAL + "lock-5150";
  private static final String UPDATE =
      "update ql_e2e_lock set v = v + 1 where k = '" + LOCK_KEY + "'";
  private static final String SCAN =
      "select id from ql_e2e_scan where tag = '" + LITERAL + "scan-9137'";

  @AfterAll
  static void closePools() {
    TestDatabase.closePools();
  }

  @ParameterizedTest
  @EnumSource(
      value = TestDatabase.class,
      names = {"POSTGRESQL", "MARIADB"})
  void eachShapeIsNamedWithItsCause(TestDatabase db) throws Exception {
    db.requireAvailable();
    createTables(db);
    boolean postgres = db == TestDatabase.POSTGRESQL;
    // InnoDB refreshes its lock list only after 100 ms without readers (decision 0042)
    Duration sampleInterval = Duration.ofMillis(postgres ? 50 : 120);
    Recording recording =
        Recording.create(
            QueryLensConfig.builder()
                .set(ConfigKey.DATABASE_STATS, Mode.ON)
                .set(ConfigKey.DATABASE_STATS_INTERVAL, Duration.ofMillis(200))
                .set(ConfigKey.DATABASE_SAMPLE_INTERVAL, sampleInterval)
                .set(ConfigKey.REPORT_CONSOLE, false)
                .build());
    DataSource app = QueryLensDataSource.wrap(db.pool(db.url()), recording);

    Database database;
    try (Connection c = app.getConnection();
        Statement s = c.createStatement()) {
      drain(s.executeQuery("select 1"));
      database = Databases.of(c);
      readNow(recording); // the baseline: what ran before counts nothing
      String slow =
          postgres
              ? "select pg_sleep(0.2) as ql_e2e_slow where '" + LITERAL + "slow-4471' <> ''"
              : "select sleep(0.2) as ql_e2e_slow from dual where '" + LITERAL + "slow-4471' <> ''";
      for (int i = 0; i < SLOW_RUNS; i++) {
        drain(s.executeQuery(slow));
      }
      for (int i = 0; i < LOCK_WAITS; i++) {
        waitForRowLock(db, s);
        // MariaDB names a statement's digest once it ended: the sampler must see the session idle
        Thread.sleep(3 * sampleInterval.toMillis());
      }
      for (int i = 0; i < SCAN_RUNS; i++) {
        drain(s.executeQuery(SCAN));
      }
    }
    readNow(recording);

    QueryLensSnapshot snapshot = recording.snapshot();
    String console = ConsoleReport.render(snapshot, 10);
    String json = JsonReport.render(snapshot);
    System.out.println(console);
    assertThat(statusOf(snapshot, database).state()).isEqualTo(ServerStatsStatus.State.READING);

    ShapeSnapshot slowShape = shape(snapshot, "ql_e2e_slow");
    ServerSide server = slowShape.server();
    assertThat(server).as("server side of %s", slowShape.shape().text()).isNotNull();
    assertThat(server.calls()).isEqualTo(SLOW_RUNS);
    long client = (slowShape.execute().sum() + slowShape.fetch().sum()) / slowShape.count();
    assertThat(server.meanNanos())
        .as("server mean against the client's %d ns", client)
        .isBetween((long) (client * (1 - TOLERANCE)), (long) (client * (1 + TOLERANCE)));
    DatabaseFinding slowFinding =
        finding(snapshot, slowShape, DatabaseFindingKind.SLOW_IN_DATABASE);

    ShapeSnapshot lockShape = shape(snapshot, "ql_e2e_lock");
    DatabaseFinding lockFinding =
        finding(snapshot, lockShape, DatabaseFindingKind.SLOW_IN_DATABASE);
    assertThat(lockFinding.cause()).startsWith("lock wait");

    ShapeSnapshot scanShape = shape(snapshot, "ql_e2e_scan");
    DatabaseFinding scanFinding = finding(snapshot, scanShape, DatabaseFindingKind.FULL_SCAN);

    for (DatabaseFinding f : List.of(slowFinding, lockFinding, scanFinding)) {
      assertThat(consoleBlocks(console))
          .as("console block of %s on %s", f.kind(), f.shape().text())
          .anyMatch(
              b ->
                  b.startsWith(f.kind().label() + ":")
                      && b.contains(f.shape().id())
                      && b.contains("cause      " + f.cause() + "\n"));
      assertThat(jsonFindings(json))
          .as("JSON databaseFindings entry of %s on %s", f.kind(), f.shape().text())
          .anyMatch(
              e ->
                  e.contains("\"kind\": \"" + f.kind().label() + "\"")
                      && e.contains("\"shapeId\": \"" + f.shape().id() + "\"")
                      && e.contains("\"cause\": \"" + f.cause() + "\""));
    }
    assertThat(console).doesNotContain(LITERAL);
    assertThat(json).doesNotContain(LITERAL);
  }

  /**
   * Another session holds the row's lock for {@link #LOCK_HELD_MILLIS} while the recorded {@code
   * statement} updates it on a thread of its own.
   */
  private static void waitForRowLock(TestDatabase db, Statement statement) throws Exception {
    try (Connection holder = db.openRaw()) {
      holder.setAutoCommit(false);
      try (Statement s = holder.createStatement()) {
        drain(s.executeQuery("select v from ql_e2e_lock where k = '" + LOCK_KEY + "' for update"));
      }
      CompletableFuture<Integer> blocked =
          CompletableFuture.supplyAsync(() -> executeUpdate(statement));
      Thread.sleep(LOCK_HELD_MILLIS);
      assertThat(blocked).as("the update waits for the lock").isNotDone();
      holder.commit();
      assertThat(blocked.get(10, TimeUnit.SECONDS)).isEqualTo(1);
    }
  }

  private static int executeUpdate(Statement statement) {
    try {
      return statement.executeUpdate(UPDATE);
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  private static void createTables(TestDatabase db) throws SQLException {
    boolean postgres = db == TestDatabase.POSTGRESQL;
    String fill =
        postgres
            ? "insert into ql_e2e_scan select g, md5(g::text), md5(g::text)"
                + " from generate_series(1, "
                + SCAN_ROWS
                + ") g"
            : "insert into ql_e2e_scan select seq, md5(seq), md5(seq) from seq_1_to_" + SCAN_ROWS;
    try (Connection c = db.openRaw();
        Statement s = c.createStatement()) {
      s.execute("drop table if exists ql_e2e_lock");
      s.execute("drop table if exists ql_e2e_scan");
      s.execute("create table ql_e2e_lock (k varchar(40) primary key, v int)");
      s.execute("insert into ql_e2e_lock values ('" + LOCK_KEY + "', 0)");
      s.execute("create table ql_e2e_scan (id int primary key, tag varchar(40), pad varchar(40))");
      s.execute(fill);
      s.execute(postgres ? "analyze ql_e2e_scan" : "analyze table ql_e2e_scan");
    }
  }

  private static void readNow(Recording recording) {
    recording.serverStatistics().readNow(System.nanoTime() + TimeUnit.SECONDS.toNanos(10));
  }

  private static ServerStatsStatus statusOf(QueryLensSnapshot snapshot, Database database) {
    return snapshot.serverStats().stream()
        .filter(s -> s.database().equals(database))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no status for " + database));
  }

  private static ShapeSnapshot shape(QueryLensSnapshot snapshot, String table) {
    List<ShapeSnapshot> found =
        snapshot.shapes().stream().filter(s -> s.shape().text().contains(table)).toList();
    assertThat(found).as("shapes on %s", table).hasSize(1);
    return found.get(0);
  }

  private static DatabaseFinding finding(
      QueryLensSnapshot snapshot, ShapeSnapshot shape, DatabaseFindingKind kind) {
    List<DatabaseFinding> found =
        snapshot.databaseFindings().stream()
            .filter(f -> f.shape().equals(shape.shape()) && f.kind() == kind)
            .toList();
    assertThat(found)
        .as(
            "%s on %s (server %s); all: %s",
            kind, shape.shape().text(), shape.server(), snapshot.databaseFindings())
        .hasSize(1);
    return found.get(0);
  }

  /** The console's database findings, each from its kind to the next one. */
  private static List<String> consoleBlocks(String console) {
    return Arrays.asList(console.split("\n  D\\d+\\. "));
  }

  /** The entries of the JSON report's {@code databaseFindings}. */
  private static List<String> jsonFindings(String json) {
    int start = json.indexOf("\"databaseFindings\"");
    int end = json.indexOf("\"serverStats\"", start);
    return Arrays.asList(json.substring(start, end).split("\n    \\{\n"));
  }

  private static void drain(ResultSet rs) throws SQLException {
    try (rs) {
      while (rs.next()) {
        rs.getObject(1);
      }
    }
  }
}
