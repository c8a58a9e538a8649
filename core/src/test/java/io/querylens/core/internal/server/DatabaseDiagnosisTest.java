package io.querylens.core.internal.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.querylens.core.Database;
import io.querylens.core.DatabaseFinding;
import io.querylens.core.DatabaseFindingKind;
import io.querylens.core.DistributionSnapshot;
import io.querylens.core.ServerSide;
import io.querylens.core.ShapeSnapshot;
import io.querylens.core.SqlDialect;
import io.querylens.core.WaitProfile;
import io.querylens.core.internal.sql.SqlNormalizer;
import java.util.List;
import org.junit.jupiter.api.Test;

class DatabaseDiagnosisTest {
  private static final long MS = 1_000_000;
  private static final Database PG = new Database("postgresql", "test", "127.0.0.1", 5432);
  private final DatabaseDiagnosis diagnosis = new DatabaseDiagnosis(20 * MS, 2 * MS);

  @Test
  void aSlowShapeTheServerSpendsIsSlowInTheDatabaseWithItsWaits() {
    ServerSide server = pg(10, 10 * 200 * MS, new WaitProfile(MS * 50, 0, 36, 0, 2), null);

    List<DatabaseFinding> findings =
        diagnosis.judge(List.of(shape("update t set a = ?", 10, 205 * MS, server)));

    assertThat(findings)
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.kind()).isEqualTo(DatabaseFindingKind.SLOW_IN_DATABASE);
              assertThat(f.cause()).startsWith("lock wait (36 of 38 samples");
              assertThat(f.serverMeanNanos()).isEqualTo(200 * MS);
              assertThat(f.clientMeanNanos()).isEqualTo(205 * MS);
            });
  }

  @Test
  void aShapeWaitingOutsideTheServerIsNetworkBound() {
    ServerSide server = pg(100, 100 * MS / 5, WaitProfile.NONE, null);

    List<DatabaseFinding> findings =
        diagnosis.judge(List.of(shape("select a from t where id = ?", 100, 21 * MS, server)));

    assertThat(findings)
        .extracting(DatabaseFinding::kind)
        .containsExactly(DatabaseFindingKind.NETWORK_BOUND);
    assertThat(findings.get(0).cause()).contains("20.80 ms per execution outside the server");
  }

  @Test
  void fastShapesAndShapesSplitBetweenBothSidesAreNotFindings() {
    ServerSide quick = pg(100, 100 * MS / 2, WaitProfile.NONE, null);
    ServerSide halfway = pg(10, 10 * 12 * MS, WaitProfile.NONE, null);

    assertThat(
            diagnosis.judge(
                List.of(
                    shape("select a from t where id = ?", 100, MS, quick),
                    shape("select b from t where id = ?", 10, 30 * MS, halfway))))
        .isEmpty();
  }

  @Test
  void aSequentialScanOverManyBlocksIsAFullScan() {
    ServerSide server =
        new ServerSide(
            "pg_stat_statements",
            5,
            5 * 3 * MS,
            0,
            5,
            -1,
            5 * 640,
            0,
            -1,
            -1,
            WaitProfile.NONE,
            "Seq Scan on owners (Filter)");

    List<DatabaseFinding> findings =
        diagnosis.judge(List.of(shape("select * from owners where email = ?", 5, 4 * MS, server)));

    assertThat(findings)
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.kind()).isEqualTo(DatabaseFindingKind.FULL_SCAN);
              assertThat(f.cause())
                  .isEqualTo("sequential scan, 640 blocks per call for 1 rows returned");
            });
  }

  @Test
  void mariadbRowsExaminedWithoutAnIndexIsAFullScan() {
    ServerSide server =
        new ServerSide(
            "performance_schema",
            4,
            4 * 5 * MS,
            -1,
            4,
            4 * 50_000,
            -1,
            -1,
            0,
            4,
            WaitProfile.NONE,
            null);

    assertThat(
            diagnosis.judge(
                List.of(shape("select * from owners where email = ?", 4, 6 * MS, server))))
        .singleElement()
        .extracting(DatabaseFinding::cause)
        .isEqualTo("no index used, 50000 rows examined per call for 1 returned");
  }

  private static ServerSide pg(long calls, long execNanos, WaitProfile waits, String plan) {
    return new ServerSide(
        "pg_stat_statements", calls, execNanos, 0, calls, -1, calls * 4, 0, -1, -1, waits, plan);
  }

  private static ShapeSnapshot shape(String sql, long count, long meanNanos, ServerSide server) {
    DistributionSnapshot execute =
        new DistributionSnapshot(
            count, count * meanNanos, meanNanos, meanNanos, meanNanos, meanNanos, meanNanos);
    return new ShapeSnapshot(
        SqlNormalizer.shape(sql, SqlDialect.POSTGRESQL),
        PG,
        count,
        0,
        count * meanNanos,
        execute,
        DistributionSnapshot.EMPTY,
        DistributionSnapshot.EMPTY,
        DistributionSnapshot.EMPTY,
        server);
  }
}
