package io.querylens.core.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.querylens.core.ConnectionSnapshot;
import io.querylens.core.DistributionSnapshot;
import io.querylens.core.QueryLensSnapshot;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class ConsoleReportTest {

  private static List<String> lines(String report) {
    return Arrays.asList(report.split("\n", -1));
  }

  @Test
  void headerStatesShapesExecutionsErrorsAndTotalTime() {
    String report = ConsoleReport.render(TestSnapshots.golden(), 10);

    assertThat(lines(report).get(0))
        .isEqualTo("QueryLens summary: 3 shapes, 1243 executions (4 errors), total 6.00s");
    assertThat(report)
        .contains(
            "Time split: database 4.80s (execute 4.20s + fetch 600ms),"
                + " application 1.28s (process 1.20s + acquire 75.0ms)")
        .contains(
            "Legend: execute = inside execute(), fetch = inside next(),"
                + " process = application time while the cursor is open");
  }

  @Test
  void tableRowShowsCountsShareExecutePercentilesAndMeans() {
    String report = ConsoleReport.render(TestSnapshots.golden(), 10);

    assertThat(report)
        .contains(
            "   1      1200      3    6.00s  99.9%    3.10ms    9.80ms    15.2ms    48.0ms"
                + "     500µs    1.00ms      11.7\n"
                + "      SELECT o.id, o.total FROM orders o WHERE o.customer_id = ?"
                + " AND o.status IN (?)\n");
    // a shape without a cursor has no fetch or process mean; a tiny share is not rounded to 0
    assertThat(report)
        .contains(
            "   3        40      1   2.34ms  <0.1%    50.0µs     120µs     300µs     310µs"
                + "         -         -       1.0\n");
  }

  @Test
  void listsOnlyTheTopShapesAndCountsTheRest() {
    String report = ConsoleReport.render(TestSnapshots.golden(), 2);

    assertThat(report).contains("orders o WHERE").contains("\"Straße\"");
    assertThat(report).doesNotContain("INSERT INTO audit").doesNotContain("\n   3 ");
    assertThat(report).contains("Not shown: 1 more shape, 2.34ms (<0.1% of total time)\n");
  }

  @Test
  void topZeroListsNoShapesButSaysHowManyExist() {
    String report = ConsoleReport.render(TestSnapshots.golden(), 0);

    assertThat(report).doesNotContain("exec p50").doesNotContain("SELECT o.id");
    assertThat(report).contains("Not shown: 3 more shapes, 6.00s (100.0% of total time)\n");
  }

  @Test
  void noFooterAboutHiddenShapesWhenAllAreShown() {
    String report = ConsoleReport.render(TestSnapshots.golden(), 3);

    assertThat(report).contains("INSERT INTO audit").doesNotContain("Not shown");
  }

  @Test
  void footerReportsDroppedShapesAndInternalFaults() {
    String report = ConsoleReport.render(TestSnapshots.golden(), 3);

    assertThat(report)
        .contains("Shape limit reached: 4 further shapes counted together in the overflow shape\n")
        .contains(
            "QueryLens caught 1 internal fault; these figures may be incomplete (see the log)\n");
  }

  @Test
  void footerIsAbsentWhenNothingWasLeftOut() {
    String report =
        ConsoleReport.render(
            TestSnapshots.of(TestSnapshots.selectShape(1, "SELECT 1", 2, 5_000)), 10);

    assertThat(report)
        .doesNotContain("Not shown")
        .doesNotContain("Shape limit")
        .doesNotContain("internal fault")
        .endsWith("Connections: none recorded\n");
  }

  @Test
  void connectionsShowAcquirePercentilesCountFailuresAndHold() {
    String report = ConsoleReport.render(TestSnapshots.golden(), 1);

    assertThat(report)
        .contains(
            "Connections: acquire p50 15.0µs  p99 4.50ms  max 12.0ms  count 250"
                + "  (2 failed acquires)\n"
                + "             hold p50 20.0ms  p99 95.0ms\n");
  }

  @Test
  void connectionsWithoutFailuresOmitTheFailureCount() {
    QueryLensSnapshot s =
        new QueryLensSnapshot(
            0,
            List.of(),
            new ConnectionSnapshot(
                new DistributionSnapshot(1, 850, 850, 850, 850, 850, 850),
                DistributionSnapshot.EMPTY,
                0),
            0,
            0);

    String report = ConsoleReport.render(s, 5);

    assertThat(report)
        .contains("Connections: acquire p50 850ns  p99 850ns  max 850ns  count 1\n")
        .contains("hold p50 -  p99 -\n")
        .doesNotContain("failed");
  }

  @Test
  void emptySnapshotSaysNoExecutionsWereRecorded() {
    String report = ConsoleReport.render(TestSnapshots.empty(), 10);

    assertThat(report)
        .isEqualTo(
            "QueryLens summary: no JDBC executions recorded\n\nConnections: none recorded\n");
  }

  @Test
  void emptySnapshotStillReportsInternalFaults() {
    String report = ConsoleReport.render(TestSnapshots.of(0, 7), 10);

    assertThat(report)
        .startsWith("QueryLens summary: no JDBC executions recorded\n")
        .contains("QueryLens caught 7 internal faults");
  }

  @Test
  void everyLineFitsTheWidthAndLongShapesEndInAnEllipsis() {
    String longShape = "SELECT " + "a_rather_long_column_name, ".repeat(20) + "x FROM t";
    String report =
        ConsoleReport.render(
            TestSnapshots.of(
                3,
                2,
                TestSnapshots.selectShape(1, longShape, 123_456_789L, 987_654_321_000L),
                TestSnapshots.selectShape(2, "SELECT 1", 1, 1)),
            1);

    assertThat(lines(report))
        .allSatisfy(line -> assertThat(line.length()).isLessThanOrEqualTo(120));
    String shapeLine =
        lines(report).stream().filter(l -> l.contains("a_rather_long")).findFirst().orElseThrow();
    assertThat(shapeLine).hasSize(120).startsWith("      SELECT a_rather").endsWith("…");
    assertThat(report).doesNotContain("\r");
  }

  @Test
  void shapeTextIsFoldedOntoOneLine() {
    String report =
        ConsoleReport.render(
            TestSnapshots.of(
                TestSnapshots.selectShape(
                    1, "SELECT a,\n\tb\r\n  FROM t\u2028WHERE x = ?\n", 1, 10)),
            1);

    assertThat(report).contains("\n      SELECT a, b FROM t WHERE x = ?\n");
  }

  @Test
  void truncationKeepsSurrogatePairsWhole() {
    String text = "😀".repeat(10);

    String line = ConsoleReport.oneLine(text, 4);

    assertThat(line).isEqualTo("😀😀😀…");
    assertThat(ConsoleReport.oneLine(text, 10)).isEqualTo(text);
  }

  @Test
  void negativeTopIsRejected() {
    assertThatThrownBy(() -> ConsoleReport.render(TestSnapshots.empty(), -1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("-1");
  }
}
