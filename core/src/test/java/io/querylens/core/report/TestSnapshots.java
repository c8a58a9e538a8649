package io.querylens.core.report;

import io.querylens.core.ConnectionSnapshot;
import io.querylens.core.DistributionSnapshot;
import io.querylens.core.QueryLensSnapshot;
import io.querylens.core.QueryShape;
import io.querylens.core.ShapeSnapshot;
import java.util.List;

/** Fixed snapshots shared by the report tests. */
final class TestSnapshots {
  /** 2026-01-02T03:04:05.678Z. */
  static final long TAKEN_AT_MILLIS = 1_767_323_045_678L;

  private TestSnapshots() {}

  /**
   * The snapshot behind {@code report.json}: three shapes (one with quotes, a backslash, accents
   * and an emoji; one without a cursor), connections with failed acquires, dropped shapes and an
   * internal fault. Each shape's total is the sum of its execute, fetch and process sums.
   */
  static QueryLensSnapshot golden() {
    ShapeSnapshot orders =
        new ShapeSnapshot(
            new QueryShape(
                0x9e3779b97f4a7c15L,
                "SELECT o.id, o.total FROM orders o WHERE o.customer_id = ? AND o.status IN (?)",
                "SELECT"),
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
                248, 7_440_000_000L, 1_000_000, 20_000_000, 61_000_000, 95_000_000, 400_000_000),
            2);
    return new QueryLensSnapshot(
        TAKEN_AT_MILLIS, List.of(orders, quoted, insert), connections, 4, 1);
  }

  /** A snapshot with nothing recorded. */
  static QueryLensSnapshot empty() {
    return new QueryLensSnapshot(
        TAKEN_AT_MILLIS,
        List.of(),
        new ConnectionSnapshot(DistributionSnapshot.EMPTY, DistributionSnapshot.EMPTY, 0),
        0,
        0);
  }

  /** A SELECT shape with the given text and total time spent entirely in execute. */
  static ShapeSnapshot selectShape(long fingerprint, String text, long count, long totalNanos) {
    long each = count == 0 ? 0 : totalNanos / count;
    return new ShapeSnapshot(
        new QueryShape(fingerprint, text, "SELECT"),
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
    return new QueryLensSnapshot(
        TAKEN_AT_MILLIS,
        List.of(shapes),
        new ConnectionSnapshot(DistributionSnapshot.EMPTY, DistributionSnapshot.EMPTY, 0),
        droppedShapes,
        internalFaults);
  }
}
