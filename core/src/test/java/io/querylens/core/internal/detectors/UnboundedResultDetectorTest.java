package io.querylens.core.internal.detectors;

import static org.assertj.core.api.Assertions.assertThat;

import io.querylens.core.Finding;
import io.querylens.core.FindingKind;
import io.querylens.core.QueryShape;
import io.querylens.core.SqlDialect;
import io.querylens.core.config.ConfigKey;
import io.querylens.core.config.QueryLensConfig;
import io.querylens.core.internal.sql.SqlNormalizer;
import io.querylens.core.internal.unitofwork.ExecutionView;
import io.querylens.core.internal.unitofwork.UnitOfWorkTracker;
import java.util.List;
import org.junit.jupiter.api.Test;

class UnboundedResultDetectorTest {
  private final QueryLensConfig config =
      QueryLensConfig.builder().set(ConfigKey.UNBOUNDED_RESULT_ROWS, 100).build();
  private final UnitOfWorkTracker tracker =
      new UnitOfWorkTracker(config, BuiltInDetectors.create(config));
  private long now = 1_000_000_000L;

  private static boolean limited(SqlDialect dialect, String sql) {
    return UnboundedResultDetector.hasRowLimit(SqlNormalizer.shape(sql, dialect).text());
  }

  /** A query whose cursor ended after {@code rows} rows, read to its end or closed early. */
  private void query(QueryShape shape, long rows, boolean readWhole) {
    tracker.cursorOpened(shape);
    ExecutionView e = tracker.execution();
    e.shape = shape;
    e.startNanos = now;
    e.executeNanos = 100;
    e.fetchNanos = 1_000;
    e.processNanos = 500;
    e.rows = rows;
    e.readWhole = readWhole;
    e.parameterHash = 1;
    tracker.record(e);
    e.release();
    now += 10_000;
  }

  private List<Finding> findings() {
    return tracker.diagnosis().findings();
  }

  @Test
  void rowLimitsOfEachDialectAreRecognised() {
    assertThat(limited(SqlDialect.POSTGRESQL, "select * from t order by id limit 10")).isTrue();
    assertThat(limited(SqlDialect.POSTGRESQL, "select * from t limit ? offset ?")).isTrue();
    assertThat(limited(SqlDialect.POSTGRESQL, "select * from t fetch first 10 rows only")).isTrue();
    assertThat(limited(SqlDialect.MYSQL, "SELECT * FROM t LIMIT 20, 10")).isTrue();
    assertThat(limited(SqlDialect.MYSQL, "SELECT * FROM t LIMIT ?")).isTrue();
    assertThat(limited(SqlDialect.H2, "select * from t limit 5")).isTrue();
    assertThat(limited(SqlDialect.H2, "select top 5 * from t")).isTrue();
    assertThat(limited(SqlDialect.H2, "select * from t where rownum() <= 5")).isTrue();
    assertThat(limited(SqlDialect.SQL_SERVER, "SELECT TOP 10 [a] FROM t")).isTrue();
    assertThat(limited(SqlDialect.SQL_SERVER, "SELECT DISTINCT TOP (@n) a FROM t")).isTrue();
    assertThat(
            limited(
                SqlDialect.SQL_SERVER,
                "SELECT a FROM t ORDER BY a OFFSET 20 ROWS FETCH NEXT 10 ROWS ONLY"))
        .isTrue();
    assertThat(limited(SqlDialect.ORACLE, "SELECT * FROM t WHERE ROWNUM <= 10")).isTrue();
    assertThat(limited(SqlDialect.ORACLE, "SELECT * FROM t WHERE 10 >= ROWNUM")).isTrue();
    assertThat(limited(SqlDialect.ORACLE, "SELECT * FROM t FETCH FIRST 10 ROWS ONLY")).isTrue();
    assertThat(
            limited(
                SqlDialect.ORACLE,
                "select * from (select a.*, rownum rn from (select * from t order by id) a"
                    + " where rownum <= :hi) where rn > :lo"))
        .isTrue();
  }

  @Test
  void withoutALimitOrWithOneThatGrowsWithTheDataTheResultIsUnbounded() {
    assertThat(limited(SqlDialect.POSTGRESQL, "select * from t order by id")).isFalse();
    assertThat(limited(SqlDialect.POSTGRESQL, "select * from t limit all")).isFalse();
    assertThat(limited(SqlDialect.POSTGRESQL, "select * from t limit null")).isFalse();
    assertThat(limited(SqlDialect.POSTGRESQL, "select * from t offset 10")).isFalse();
    assertThat(limited(SqlDialect.SQL_SERVER, "SELECT TOP 10 PERCENT a FROM t")).isFalse();
    assertThat(limited(SqlDialect.SQL_SERVER, "SELECT a FROM t ORDER BY a OFFSET 5 ROWS"))
        .isFalse();
    assertThat(limited(SqlDialect.ORACLE, "SELECT rownum, a FROM t")).isFalse();
    assertThat(limited(SqlDialect.ORACLE, "SELECT a FROM t WHERE rownum <> 3")).isFalse();
  }

  @Test
  void namesThatLookLikeKeywordsAreNotLimits() {
    assertThat(limited(SqlDialect.POSTGRESQL, "select \"limit\" from quotas where \"limit\" > 5"))
        .isFalse();
    assertThat(limited(SqlDialect.POSTGRESQL, "select limit, top from quotas")).isFalse();
    assertThat(limited(SqlDialect.MYSQL, "select `limit` from quotas")).isFalse();
    assertThat(limited(SqlDialect.SQL_SERVER, "select [top] from t where [limit] = 1")).isFalse();
    assertThat(limited(SqlDialect.POSTGRESQL, "select * from t where note = 'limit 10'")).isFalse();
  }

  @Test
  void aLargeReadToItsEndWithoutALimitIsAFinding() {
    QueryShape all = SqlNormalizer.shape("select id, name from customer", SqlDialect.H2);
    query(all, 101, true);

    assertThat(findings())
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.kind()).isEqualTo(FindingKind.UNBOUNDED_RESULT);
              assertThat(f.kind().label()).isEqualTo("unbounded-result");
              assertThat(f.shape()).isEqualTo(all);
              assertThat(f.explanation())
                  .isEqualTo("101 rows read to the end, with no row limit in the SQL");
              assertThat(f.hint()).contains("LIMIT", "aggregate", "stream");
              assertThat(f.wastedNanos()).isZero();
              assertThat(f.parentShape()).isNull();
              assertThat(f.callSite()).contains("UnboundedResultDetectorTest.query(");
              assertThat(f.totalCount()).isEqualTo(1);
              assertThat(f.occurrences()).isEqualTo(1);
            });
    assertThat(tracker.diagnosis().time().wastedRoundTripNanos()).isZero();
  }

  @Test
  void aSecondLargeReadInTheUnitAddsToTheFindingWithTheLatestRows() {
    QueryShape all = SqlNormalizer.shape("select id, name from customer", SqlDialect.H2);
    query(all, 150, true);
    query(all, 3, true); // the same statement, small this time: not part of it yet
    query(all, 170, true);

    Finding f = findings().get(0);
    assertThat(f.occurrences()).isEqualTo(1);
    assertThat(f.totalCount()).isEqualTo(3);
    assertThat(f.maxCount()).isEqualTo(3);
    assertThat(f.explanation()).startsWith("170 rows");
  }

  @Test
  void smallLimitedClosedEarlyFailedOrTablelessReadsAreNoFinding() {
    query(SqlNormalizer.shape("select id from customer", SqlDialect.H2), 100, true);
    query(SqlNormalizer.shape("select id from customer limit 5000", SqlDialect.H2), 5000, true);
    query(SqlNormalizer.shape("select id from orders", SqlDialect.H2), 5000, false);
    query(SqlNormalizer.shape("values (1), (2)", SqlDialect.H2), 5000, true);
    query(SqlNormalizer.shape("call big_report()", SqlDialect.H2), 5000, true);

    assertThat(findings()).isEmpty();
  }

  @Test
  void aFailedExecutionIsNoFinding() {
    ExecutionView e = tracker.execution();
    e.shape = SqlNormalizer.shape("select id from customer", SqlDialect.H2);
    e.rows = 5000;
    e.readWhole = true;
    e.error = new IllegalStateException("driver");
    tracker.record(e);
    e.release();

    assertThat(findings()).isEmpty();
  }

  @Test
  void wastedTimeOfARepetitionIsItsDatabaseTimeBeyondOneRoundTrip() {
    assertThat(RepetitionDetector.wasted(1_000, 1)).isZero();
    assertThat(RepetitionDetector.wasted(1_000, 4)).isEqualTo(750);
  }
}
