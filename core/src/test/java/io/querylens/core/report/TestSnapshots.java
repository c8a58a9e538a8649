package io.querylens.core.report;

import io.querylens.core.ConnectionSnapshot;
import io.querylens.core.Database;
import io.querylens.core.DatabaseFinding;
import io.querylens.core.DatabaseFindingKind;
import io.querylens.core.DistributionSnapshot;
import io.querylens.core.Finding;
import io.querylens.core.FindingKind;
import io.querylens.core.QueryLensSnapshot;
import io.querylens.core.QueryShape;
import io.querylens.core.ServerSide;
import io.querylens.core.ServerStatsStatus;
import io.querylens.core.ShapeSnapshot;
import io.querylens.core.TimeSplit;
import io.querylens.core.UnitSnapshot;
import io.querylens.core.WaitProfile;
import java.util.List;

/** Fixed snapshots shared by the report tests. */
final class TestSnapshots {
  /** 2026-01-02T03:04:05.678Z. */
  static final long TAKEN_AT_MILLIS = 1_767_323_045_678L;

  private TestSnapshots() {}

  /** 2026-01-02T01:00:00.000Z. */
  static final long FIRST_SEEN_MILLIS = 1_767_315_600_000L;

  static final QueryShape CUSTOMERS =
      new QueryShape(
          0x1234L,
          "SELECT c.id, c.name FROM customers c WHERE c.region = ? ORDER BY c.name",
          "SELECT");

  static final String N_PLUS_ONE_HINT =
      "Load the orders of all customers in one query: a join fetch or an entity graph,"
          + " batch fetching (@BatchSize, hibernate.default_batch_fetch_size), or one IN-list query"
          + " over the parent ids.";

  /**
   * The snapshot behind {@code report.json}: three shapes (one with quotes, a backslash, accents
   * and an emoji; one without a cursor), connections with failed acquires, dropped shapes and an
   * internal fault; where the time went; three findings (an N+1 with a parent seen in units of two
   * names, chatty writes in a unit whose name holds control characters whose live log line was held
   * back, a duplicate of the quoted shape whose parent's row count is unknown, without unit names);
   * and three unit names, one too long for the console's name column. Each shape's total is the sum
   * of its execute, fetch and process sums, and the time split sums the shapes, the pool waits and
   * two of the three connects (the third ran on a pool's own thread).
   */
  static QueryLensSnapshot golden() {
    QueryLensSnapshot shapesOnly = shapesAndConnections();
    QueryShape orders = shapesOnly.shapes().get(0).shape();
    QueryShape quoted = shapesOnly.shapes().get(1).shape();
    QueryShape insert = shapesOnly.shapes().get(2).shape();
    List<Finding> findings =
        List.of(
            new Finding(
                FindingKind.N_PLUS_ONE,
                orders,
                CUSTOMERS,
                50,
                "com.example.shop.OrderService.listOrders(OrderService.java:42)",
                12,
                50,
                600,
                1_100_000_000L,
                N_PLUS_ONE_HINT,
                null,
                List.of("GET /customers/{id}/orders", "GET /api/v2/customers/{id}/orders"),
                2,
                false,
                FIRST_SEEN_MILLIS,
                TAKEN_AT_MILLIS - 1_000),
            new Finding(
                FindingKind.CHATTY_WRITES,
                insert,
                null,
                -1,
                "com.example.shop.AuditLog.record(AuditLog.java:17)",
                2,
                20,
                40,
                1_500_000L,
                "Send the rows as one JDBC batch (addBatch/executeBatch).",
                null,
                List.of("nightly\taudit\n\"job\""),
                1,
                true,
                FIRST_SEEN_MILLIS + 60_000,
                FIRST_SEEN_MILLIS + 120_000),
            new Finding(
                FindingKind.DUPLICATE,
                quoted,
                CUSTOMERS,
                -1,
                "(unknown)",
                1,
                3,
                3,
                1,
                "Cache the result or hoist the query out of the loop.",
                null,
                List.of(),
                0,
                false,
                TAKEN_AT_MILLIS,
                TAKEN_AT_MILLIS));
    List<UnitSnapshot> units =
        List.of(
            new UnitSnapshot(
                "GET /customers/{id}/orders",
                12,
                612,
                new TimeSplit(
                    4_100_000_000L,
                    590_000_000L,
                    1_150_000_000L,
                    60_000_000,
                    8_000_000,
                    1_100_000_000L),
                new TimeSplit(
                    700_000_000L, 90_000_000L, 150_000_000L, 12_000_000, 3_000_000, 190_000_000L),
                1),
            new UnitSnapshot(
                "POST /api/v1/customers/{customerId}/orders/{orderId}/items",
                3,
                600,
                new TimeSplit(100_000_000L, 10_000_000L, 50_000_000L, 14_000_000, 0, 0),
                new TimeSplit(40_000_000L, 4_000_000L, 20_000_000L, 5_000_000, 0, 0),
                0),
            new UnitSnapshot(
                "nightly\taudit\n\"job\"",
                2,
                40,
                new TimeSplit(3_340_000L, 1, 0, 1_000_000, 0, 1_500_000L),
                new TimeSplit(2_000_000L, 0, 0, 600_000, 0, 900_000L),
                1));
    return new QueryLensSnapshot(
        shapesOnly.takenAtMillis(),
        shapesOnly.shapes(),
        shapesOnly.connections(),
        shapesOnly.droppedShapes(),
        shapesOnly.internalFaults(),
        new TimeSplit(
            4_203_340_000L, 600_000_001L, 1_200_000_000L, 75_000_000L, 8_000_000L, 1_101_500_001L),
        findings,
        7,
        units);
  }

  /** {@link #golden()} without diagnosis data, without diagnosis data. */
  static QueryLensSnapshot shapesAndConnections() {
    ShapeSnapshot orders =
        new ShapeSnapshot(
            new QueryShape(
                0x9e3779b97f4a7c15L,
                "SELECT o.id, o.total FROM orders o WHERE o.customer_id = ? AND o.status IN (?)",
                "SELECT"),
            Database.UNKNOWN,
            1_200,
            3,
            6_000_000_000L,
            new DistributionSnapshot(
                1_200, 4_200_000_000L, 850, 3_100_000, 9_800_000, 15_200_000, 48_000_000),
            new DistributionSnapshot(
                1_200, 600_000_000L, 0, 400_000, 1_200_000, 2_300_000, 9_000_000),
            new DistributionSnapshot(
                1_200, 1_200_000_000L, 10_000, 900_000, 2_100_000, 4_000_000, 30_000_000),
            new DistributionSnapshot(1_200, 14_000, 0, 10, 30, 52, 100));
    ShapeSnapshot quoted =
        new ShapeSnapshot(
            new QueryShape(
                0x00000000000a1b2cL,
                "SELECT \"Straße\", 'café\\x' FROM \"we\"\"ird\" WHERE note = ? -- 😀",
                "SELECT"),
            Database.UNKNOWN,
            3,
            0,
            1_000_001L,
            new DistributionSnapshot(3, 1_000_000, 200_000, 300_000, 500_000, 500_000, 500_000),
            new DistributionSnapshot(3, 1, 0, 0, 1, 1, 1),
            new DistributionSnapshot(3, 0, 0, 0, 0, 0, 0),
            new DistributionSnapshot(3, 20, 5, 6, 9, 9, 9));
    ShapeSnapshot insert =
        new ShapeSnapshot(
            new QueryShape(
                0x7fffffffffffffffL, "INSERT INTO audit (at, who) VALUES (?, ?)", "INSERT"),
            Database.UNKNOWN,
            40,
            1,
            2_340_000L,
            new DistributionSnapshot(40, 2_340_000, 20_000, 50_000, 120_000, 300_000, 310_000),
            DistributionSnapshot.EMPTY,
            DistributionSnapshot.EMPTY,
            new DistributionSnapshot(40, 40, 1, 1, 1, 1, 1));
    ConnectionSnapshot connections =
        new ConnectionSnapshot(
            new DistributionSnapshot(
                250, 75_000_000, 2_000, 15_000, 1_900_000, 4_500_000, 12_000_000),
            new DistributionSnapshot(
                3, 12_000_000, 2_500_000, 4_000_000, 5_500_000, 5_500_000, 5_500_000),
            new DistributionSnapshot(
                248, 7_440_000_000L, 1_000_000, 20_000_000, 61_000_000, 95_000_000, 400_000_000),
            2);
    return withoutDiagnosis(TAKEN_AT_MILLIS, List.of(orders, quoted, insert), connections, 4, 1);
  }

  /** A finding of {@code kind} on a SELECT of {@code text} with no parent, in one unit. */
  static Finding finding(FindingKind kind, String text, long wastedNanos) {
    return new Finding(
        kind,
        new QueryShape(text.hashCode(), text, "SELECT"),
        null,
        -1,
        "com.example.App.run(App.java:1)",
        1,
        6,
        6,
        wastedNanos,
        "a hint",
        null,
        List.of("unit"),
        1,
        false,
        FIRST_SEEN_MILLIS,
        FIRST_SEEN_MILLIS);
  }

  /** A finding of {@code kind} that explains itself, wasting nothing, in one unit. */
  static Finding explained(FindingKind kind, String text, String explanation) {
    return new Finding(
        kind,
        new QueryShape(text.hashCode(), text, "SELECT"),
        null,
        -1,
        "com.example.App.run(App.java:1)",
        1,
        1,
        1,
        0,
        "a hint",
        explanation,
        List.of("unit"),
        1,
        false,
        FIRST_SEEN_MILLIS,
        FIRST_SEEN_MILLIS);
  }

  /** A unit name whose units spent {@code dbNanos} in execute and nothing else. */
  static UnitSnapshot unit(String name, long dbNanos) {
    TimeSplit split = new TimeSplit(dbNanos, 0, 0, 0, 0, 0);
    return new UnitSnapshot(name, 1, 1, split, split, 0);
  }

  /** {@code base} with the given diagnosis data and no dropped findings. */
  static QueryLensSnapshot with(
      QueryLensSnapshot base, TimeSplit time, List<Finding> findings, List<UnitSnapshot> units) {
    return with(base, time, findings, 0, units);
  }

  /** {@code base} with the given diagnosis data. */
  static QueryLensSnapshot with(
      QueryLensSnapshot base,
      TimeSplit time,
      List<Finding> findings,
      long droppedFindings,
      List<UnitSnapshot> units) {
    return new QueryLensSnapshot(
        base.takenAtMillis(),
        base.shapes(),
        base.connections(),
        base.droppedShapes(),
        base.internalFaults(),
        time,
        findings,
        droppedFindings,
        units);
  }

  /** A snapshot with nothing recorded. */
  static QueryLensSnapshot empty() {
    return withoutDiagnosis(
        TAKEN_AT_MILLIS,
        List.of(),
        new ConnectionSnapshot(
            DistributionSnapshot.EMPTY, DistributionSnapshot.EMPTY, DistributionSnapshot.EMPTY, 0),
        0,
        0);
  }

  /** A SELECT shape with the given text and total time spent entirely in execute. */
  static ShapeSnapshot selectShape(long fingerprint, String text, long count, long totalNanos) {
    long each = count == 0 ? 0 : totalNanos / count;
    return new ShapeSnapshot(
        new QueryShape(fingerprint, text, "SELECT"),
        Database.UNKNOWN,
        count,
        0,
        totalNanos,
        new DistributionSnapshot(count, totalNanos, each, each, each, each, each),
        DistributionSnapshot.EMPTY,
        DistributionSnapshot.EMPTY,
        new DistributionSnapshot(count, count, 1, 1, 1, 1, 1));
  }

  /** A snapshot of the given shapes with no connections, dropped shapes or faults. */
  static QueryLensSnapshot of(ShapeSnapshot... shapes) {
    return of(0, 0, shapes);
  }

  /** A snapshot of the given shapes, dropped shapes and faults, with no connections. */
  static QueryLensSnapshot of(long droppedShapes, long internalFaults, ShapeSnapshot... shapes) {
    return withoutDiagnosis(
        TAKEN_AT_MILLIS,
        List.of(shapes),
        new ConnectionSnapshot(
            DistributionSnapshot.EMPTY, DistributionSnapshot.EMPTY, DistributionSnapshot.EMPTY, 0),
        droppedShapes,
        internalFaults);
  }

  /** A snapshot without diagnosis data: no time split, findings or units. */
  static QueryLensSnapshot withoutDiagnosis(
      long takenAtMillis,
      List<ShapeSnapshot> shapes,
      ConnectionSnapshot connections,
      long droppedShapes,
      long internalFaults) {
    return new QueryLensSnapshot(
        takenAtMillis,
        shapes,
        connections,
        droppedShapes,
        internalFaults,
        TimeSplit.EMPTY,
        List.of(),
        0,
        List.of());
  }

  /** The PostgreSQL database of {@link #databaseSide()}. */
  static final Database POSTGRES = new Database("postgresql", "shop", "db.example", 5432);

  /** The MariaDB database of {@link #databaseSide()}, whose statistics are not readable. */
  static final Database MARIADB = new Database("mariadb", "audit", "10.0.0.7", 3306);

  /**
   * Three PostgreSQL shapes with the server's side read: one waiting for a lock (slow in the
   * database: 40ms of its 42ms per execution in the server, lock samples), one scanning its table
   * (a sequential scan plan, 400 blocks per call) and one that spends its time outside the server;
   * a fourth the server's statistics did not match; a database finding about each of the first
   * three; a reading PostgreSQL and an unavailable MariaDB.
   */
  static QueryLensSnapshot databaseSide() {
    ShapeSnapshot locked =
        shape(
            POSTGRES,
            new QueryShape(0xa1L, "UPDATE stock SET qty = qty - ? WHERE item_id = ?", "UPDATE"),
            100,
            42_000_000L,
            0,
            new ServerSide(
                "pg_stat_statements",
                100,
                3_900_000_000L,
                100_000_000L,
                100,
                -1,
                5_000,
                20,
                -1,
                -1,
                new WaitProfile(1_000_000_000L, 1, 38, 0, 1),
                null));
    ShapeSnapshot scan =
        shape(
            POSTGRES,
            new QueryShape(0xb2L, "SELECT * FROM orders o WHERE o.note LIKE ?", "SELECT"),
            50,
            30_000_000L,
            10_000_000L,
            new ServerSide(
                "pg_stat_statements",
                50,
                1_400_000_000L,
                -1,
                50,
                -1,
                19_000,
                1_000,
                -1,
                -1,
                WaitProfile.NONE,
                "Seq Scan on orders o <b>filter</b>"));
    ShapeSnapshot chatty =
        shape(
            POSTGRES,
            new QueryShape(0xc3L, "SELECT p.price FROM prices p WHERE p.id = ?", "SELECT"),
            2_000,
            3_000_000L,
            0,
            new ServerSide(
                "pg_stat_statements",
                2_000,
                100_000_000L,
                -1,
                2_000,
                -1,
                6_000,
                0,
                -1,
                -1,
                WaitProfile.NONE,
                null));
    ShapeSnapshot unmatched =
        shape(
            POSTGRES,
            new QueryShape(0xd4L, "SELECT s.name FROM shops s WHERE s.id = ?", "SELECT"),
            10,
            1_000_000L,
            0,
            null);
    List<DatabaseFinding> findings =
        List.of(
            new DatabaseFinding(
                DatabaseFindingKind.SLOW_IN_DATABASE,
                locked.shape(),
                POSTGRES,
                "lock wait (38 of 40 samples in flight)",
                42_000_000L,
                40_000_000L,
                100,
                "client 42.0ms per execution (100 executions), server 40.0ms per call (100 calls)"),
            new DatabaseFinding(
                DatabaseFindingKind.FULL_SCAN,
                scan.shape(),
                POSTGRES,
                "sequential scan, 400 blocks per call for 1 rows returned",
                40_000_000L,
                28_000_000L,
                50,
                "client 40.0ms per execution (50 executions), server 28.0ms per call (50 calls)"),
            new DatabaseFinding(
                DatabaseFindingKind.NETWORK_BOUND,
                chatty.shape(),
                POSTGRES,
                "round trips: 2.95ms per execution outside the server",
                3_000_000L,
                50_000L,
                2_000,
                "client 3.00ms per execution (2000 executions), server 0.05ms per call (2000"
                    + " calls)"));
    List<ServerStatsStatus> stats =
        List.of(
            new ServerStatsStatus(
                POSTGRES,
                "pg_stat_statements",
                ServerStatsStatus.State.READING,
                "reading every 10s on a connection of its own",
                12,
                3,
                1),
            new ServerStatsStatus(
                MARIADB,
                "performance_schema",
                ServerStatsStatus.State.UNAVAILABLE,
                "performance_schema is off: start the server with performance_schema=ON",
                0,
                0,
                0));
    return new QueryLensSnapshot(
        TAKEN_AT_MILLIS,
        List.of(locked, scan, chatty, unmatched),
        new ConnectionSnapshot(
            DistributionSnapshot.EMPTY, DistributionSnapshot.EMPTY, DistributionSnapshot.EMPTY, 0),
        0,
        0,
        TimeSplit.EMPTY,
        List.of(),
        0,
        List.of(),
        TimeSplit.EMPTY,
        List.of(),
        findings,
        stats);
  }

  /** A shape of {@code count} executions, each {@code execute} then {@code fetch} long. */
  private static ShapeSnapshot shape(
      Database database,
      QueryShape shape,
      long count,
      long execute,
      long fetch,
      ServerSide server) {
    return new ShapeSnapshot(
        shape,
        database,
        count,
        0,
        count * (execute + fetch),
        new DistributionSnapshot(
            count, count * execute, execute, execute, execute, execute, execute),
        fetch == 0
            ? DistributionSnapshot.EMPTY
            : new DistributionSnapshot(count, count * fetch, fetch, fetch, fetch, fetch, fetch),
        DistributionSnapshot.EMPTY,
        new DistributionSnapshot(count, count, 1, 1, 1, 1, 1),
        server);
  }
}
