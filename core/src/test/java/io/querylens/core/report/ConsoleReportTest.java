package io.querylens.core.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.querylens.core.ConnectionSnapshot;
import io.querylens.core.DistributionSnapshot;
import io.querylens.core.Finding;
import io.querylens.core.FindingKind;
import io.querylens.core.QueryLensSnapshot;
import io.querylens.core.QueryShape;
import io.querylens.core.TimeSplit;
import io.querylens.core.UnitSnapshot;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class ConsoleReportTest {

  private static List<String> lines(String report) {
    return Arrays.asList(report.split("\n", -1));
  }

  @Test
  void headerCountsShapesExecutionsAndErrors() {
    String report = ConsoleReport.render(TestSnapshots.golden(), 10);

    assertThat(lines(report).get(0))
        .isEqualTo("QueryLens summary: 3 shapes, 1243 executions (4 errors)");
  }

  @Test
  void theHeadlineTotalIsWhereTheTimeWentAndTheShapeTableLabelsItsOwnTotal() {
    // the shapes' execute + fetch + process (6.00s) is not the split's total, which adds the
    // connection time (6.09s): each is printed once, under a name that says what it sums
    String report = ConsoleReport.render(TestSnapshots.golden(), 10);
    String header = report.substring(0, report.indexOf("\nSlowest units"));

    assertThat(header).contains("Where the time went: 6.09s\n").doesNotContain("6.00s");
    assertThat(report)
        .contains(
            "\nQuery shapes by total time (all 3 shapes together: 6.00s of execute + fetch +"
                + " process)\n");
  }

  @Test
  void whereTheTimeWentComesFirstWithDatabaseWasteApplicationAndConnectionShares() {
    String report = ConsoleReport.render(TestSnapshots.golden(), 10);

    assertThat(lines(report).subList(1, 10))
        .containsExactly(
            "",
            "Where the time went: 6.09s",
            "  database        4.80s  78.9%  execute 4.20s + fetch 600ms",
            "    wasted        1.10s  22.9%  of database time, in round trips the findings flag"
                + " as waste",
            "  application     1.20s  19.7%  process 1.20s",
            "  connection     83.0ms   1.4%  pool wait 75.0ms + connect 8.00ms",
            "  (execute = inside execute(), fetch = inside next(),"
                + " process = application time while a cursor is open,",
            "   pool wait = in a pool's getConnection() beyond connecting,"
                + " connect = opening physical connections)",
            "");
  }

  @Test
  void sectionsAppearInOrderSplitUnitsFindingsShapesConnections() {
    String report = ConsoleReport.render(TestSnapshots.golden(), 10);

    List<String> headings =
        List.of(
            "\nWhere the time went",
            "\nSlowest units of work",
            "\nFindings: 3",
            "\nQuery shapes by total time",
            "\nConnections:");
    int previous = -1;
    for (String heading : headings) {
      int at = report.indexOf(heading);
      assertThat(at).as(heading).isGreaterThan(previous);
      previous = at;
    }
  }

  @Test
  void splitOfASnapshotWithoutDiagnosisDataComesFromShapesAndPoolWaits() {
    String report = ConsoleReport.render(TestSnapshots.shapesAndConnections(), 10);

    assertThat(report)
        .contains("  database        4.80s  79.0%  execute 4.20s + fetch 600ms\n")
        .contains("  application     1.20s  19.7%  process 1.20s\n")
        .contains("  connection     75.0ms   1.2%  pool wait 75.0ms + connect 0ns\n")
        .doesNotContain("wasted")
        .doesNotContain("Slowest units")
        .contains("\n\nNo N+1, duplicate or chatty-write findings.\n\nQuery shapes");
  }

  @Test
  void wasteIsShownAsZeroWhenFindingsExistButTheSplitHasNone() {
    QueryLensSnapshot s =
        TestSnapshots.with(
            TestSnapshots.of(TestSnapshots.selectShape(1, "SELECT 1", 10, 1_000_000)),
            new TimeSplit(1_000_000, 0, 0, 0, 0, 0),
            List.of(TestSnapshots.finding(FindingKind.DUPLICATE, "SELECT 1", 0)),
            List.of());

    assertThat(ConsoleReport.render(s, 10))
        .contains("    wasted          0ns   0.0%  of database time");
  }

  @Test
  void slowestUnitsShowCountExecutionsAndTheSplitOfAllAndOfTheSlowest() {
    String report = ConsoleReport.render(TestSnapshots.golden(), 10);

    assertThat(report)
        .contains(
            "  name                           units   execs   total      db     app    conn"
                + "  wasted   total      db     app findings\n"
                + "  GET /customers/{id}/orders        12     612   5.91s   4.69s   1.15s  68.0ms"
                + "   1.10s   955ms   790ms   150ms        1\n");
    // no wasted time reads as a dash, not as 0ns
    assertThat(report)
        .contains(
            "                                     3     600   174ms   110ms  50.0ms  14.0ms"
                + "       -  69.0ms  44.0ms  20.0ms        0\n");
  }

  @Test
  void aUnitNameTooLongForItsColumnGetsALineOfItsOwn() {
    String report = ConsoleReport.render(TestSnapshots.golden(), 10);

    assertThat(report)
        .contains(
            "\n  POST /api/v1/customers/{customerId}/orders/{orderId}/items\n"
                + "                                     3     600   174ms");
  }

  @Test
  void unitNamesAreFoldedOntoOneLine() {
    String report = ConsoleReport.render(TestSnapshots.golden(), 10);

    assertThat(report)
        .contains("\n  nightly audit \"job\"                2      40  4.34ms")
        .doesNotContain("\t");
  }

  @Test
  void atMostTenUnitNamesAreListedAndTheRestCounted() {
    List<UnitSnapshot> units = new ArrayList<>();
    for (int i = 1; i <= 12; i++) {
      units.add(TestSnapshots.unit("route-" + i, 1_000_000L * (20 - i)));
    }
    QueryLensSnapshot s =
        TestSnapshots.with(
            TestSnapshots.of(TestSnapshots.selectShape(1, "SELECT 1", 1, 1_000)),
            TimeSplit.EMPTY,
            List.of(),
            units);

    String report = ConsoleReport.render(s, 10);

    assertThat(report)
        .contains("Slowest units of work (10 of 12 names)\n")
        .contains("  route-10 ")
        .doesNotContain("route-11")
        .contains("  Not shown: 2 more names\n");
  }

  @Test
  void aFindingBlockShowsKindWasteCountsShapesParentCallSiteUnitAndHint() {
    String report = ConsoleReport.render(TestSnapshots.golden(), 10);

    assertThat(report)
        .contains(
            "Findings: 3 (most wasted time first)\n"
                + "\n"
                + "  1. n-plus-one: 1.10s wasted (22.9% of database time);"
                + " 600 executions in 12 units, up to 50 in one\n"
                + "     repeated   9e3779b97f4a7c15  SELECT o.id, o.total FROM orders o"
                + " WHERE o.customer_id = ? AND o.status IN (?)\n"
                + "     parent     0000000000001234  SELECT c.id, c.name FROM customers c"
                + " WHERE c.region = ? ORDER BY c.name  (50 rows)\n"
                + "     call site  com.example.shop.OrderService.listOrders(OrderService.java:42)\n"
                + "     units      GET /customers/{id}/orders, GET /api/v2/customers/{id}/orders\n"
                + "     hint       Load the orders of all customers in one query: a join fetch or"
                + " an entity graph, batch fetching\n"
                + "                (@BatchSize, hibernate.default_batch_fetch_size), or one IN-list"
                + " query over the parent ids.\n");
  }

  @Test
  void aFindingWithoutParentOrUnitNamesLeavesThoseLinesOut() {
    String report = ConsoleReport.render(TestSnapshots.golden(), 10);

    assertThat(report)
        .contains(
            "  2. chatty-writes: 1.50ms wasted (<0.1% of database time);"
                + " 40 executions in 2 units, up to 20 in one\n"
                + "     repeated   7fffffffffffffff  INSERT INTO audit (at, who) VALUES (?, ?)\n"
                + "     call site  com.example.shop.AuditLog.record(AuditLog.java:17)\n"
                + "     units      nightly audit \"job\"\n")
        .contains(
            "  3. duplicate: 1ns wasted (<0.1% of database time); 3 executions in 1 unit,"
                + " up to 3 in one\n")
        // a parent with an unknown row count has no row count; no unit names, no unit line
        .contains(
            "     parent     0000000000001234  SELECT c.id, c.name FROM customers c"
                + " WHERE c.region = ? ORDER BY c.name\n"
                + "     call site  (unknown)\n"
                + "     hint       Cache the result or hoist the query out of the loop.\n");
  }

  @Test
  void findingsAreListedUpToTopButNeverFewerThanThree() {
    List<Finding> findings = new ArrayList<>();
    for (int i = 1; i <= 5; i++) {
      findings.add(
          TestSnapshots.finding(FindingKind.N_PLUS_ONE, "SELECT " + i, 1_000_000L * (6 - i)));
    }
    QueryLensSnapshot s =
        TestSnapshots.with(
            TestSnapshots.of(TestSnapshots.selectShape(1, "SELECT 1", 30, 30_000_000)),
            new TimeSplit(30_000_000, 0, 0, 0, 0, 15_000_000),
            findings,
            List.of());

    String one = ConsoleReport.render(s, 1);
    String four = ConsoleReport.render(s, 4);
    String all = ConsoleReport.render(s, 10);

    assertThat(one)
        .contains("Findings: 5, the first 3 (most wasted time first)\n")
        .contains("  3. n-plus-one")
        .doesNotContain("  4. n-plus-one")
        .contains("\n  Not shown: 2 more findings, 3.00ms wasted\n");
    assertThat(four).contains("  4. n-plus-one").contains("Not shown: 1 more finding, 1.00ms");
    assertThat(all)
        .contains("Findings: 5 (most wasted time first)\n")
        .contains("  5. n-plus-one")
        .doesNotContain("more finding");
  }

  @Test
  void droppedFindingsAreOneLineOfTheFindingsSection() {
    QueryLensSnapshot base = TestSnapshots.of(TestSnapshots.selectShape(1, "SELECT 1", 30, 30_000));
    TimeSplit time = new TimeSplit(30_000, 0, 0, 0, 0, 15_000);
    List<Finding> one = List.of(TestSnapshots.finding(FindingKind.N_PLUS_ONE, "SELECT 1", 15_000));

    String some = ConsoleReport.render(TestSnapshots.with(base, time, one, 4, List.of()), 10);
    String single = ConsoleReport.render(TestSnapshots.with(base, time, one, 1, List.of()), 10);
    String none = ConsoleReport.render(TestSnapshots.with(base, time, one, 0, List.of()), 10);
    String golden = ConsoleReport.render(TestSnapshots.golden(), 10);

    assertThat(some)
        .contains("  1. n-plus-one")
        .contains("\n  4 further findings dropped past querylens.max-findings\n");
    assertThat(single).contains("\n  1 further finding dropped past querylens.max-findings\n");
    assertThat(none).doesNotContain("dropped past");
    assertThat(golden.indexOf("7 further findings dropped past querylens.max-findings"))
        .as("after the last finding")
        .isGreaterThan(golden.indexOf("  3. duplicate"));
  }

  @Test
  void findingsAreListedEvenWhenTopIsZero() {
    String report = ConsoleReport.render(TestSnapshots.golden(), 0);

    assertThat(report).contains("  1. n-plus-one").contains("  3. duplicate");
  }

  @Test
  void aFindingWithAnExplanationShowsItInsteadOfWastedTimeAndNamesItsQuery() {
    QueryLensSnapshot s =
        TestSnapshots.with(
            TestSnapshots.of(TestSnapshots.selectShape(1, "select b from t", 1, 1_000)),
            new TimeSplit(1_000, 0, 0, 0, 0, 0),
            List.of(
                TestSnapshots.explained(
                    FindingKind.UNBOUNDED_RESULT,
                    "select b from t",
                    "5000 rows read to the end, with no row limit in the SQL")),
            List.of());

    String report = ConsoleReport.render(s, 10);

    assertThat(report)
        .contains(
            "  1. unbounded-result: 5000 rows read to the end, with no row limit in the SQL; 1"
                + " execution in 1 unit, up to 1 in one\n"
                + "     query      "
                + s.findings().get(0).shape().id()
                + "  select b from t\n")
        .doesNotContain("wasted;")
        .doesNotContain("repeated");
  }

  @Test
  void longFindingTextStaysWithinTheWidth() {
    String longShape = "SELECT " + "a_rather_long_column_name, ".repeat(10) + "x FROM t";
    Finding f =
        new Finding(
            FindingKind.N_PLUS_ONE,
            new QueryShape(1, longShape, "SELECT"),
            new QueryShape(2, longShape + " WHERE parent", "SELECT"),
            Long.MAX_VALUE,
            "com.example." + "deeply.nested.".repeat(10) + "Repo.find(Repo.java:1)",
            Long.MAX_VALUE,
            Long.MAX_VALUE,
            Long.MAX_VALUE,
            Long.MAX_VALUE,
            "Use one query. " + "x".repeat(300) + " and then\nsome\tmore words " + "y ".repeat(80),
            null,
            List.of("GET /" + "segment/".repeat(30)),
            1,
            false,
            0,
            0);
    QueryLensSnapshot s =
        TestSnapshots.with(
            TestSnapshots.of(TestSnapshots.selectShape(1, longShape, 10, 1_000)),
            new TimeSplit(Long.MAX_VALUE / 4, 1, Long.MAX_VALUE / 4, 0, 0, Long.MAX_VALUE / 4),
            List.of(f),
            List.of(
                new UnitSnapshot(
                    "GET /" + "segment/".repeat(30),
                    Long.MAX_VALUE,
                    Long.MAX_VALUE,
                    TimeSplit.EMPTY,
                    TimeSplit.EMPTY,
                    Long.MAX_VALUE)));

    String report = ConsoleReport.render(s, 10);

    assertThat(lines(report))
        .allSatisfy(line -> assertThat(line.length()).isLessThanOrEqualTo(120));
    String parent =
        lines(report).stream().filter(l -> l.startsWith("     parent")).findFirst().orElseThrow();
    // shortened from the middle: the select list loses its middle, the WHERE stays
    assertThat(parent)
        .contains("SELECT a_rather_long_column_name, ")
        .contains("…, x FROM t WHERE parent")
        .endsWith("  (" + Long.MAX_VALUE + " rows)");
    // the call site keeps class, method, file and line, and the unit's name is whole
    assertThat(report)
        .contains("     call site  c.e.d.n.d.n.")
        .contains("Repo.find(Repo.java:1)\n")
        .contains("     units      GET /segment/segment/");
    assertThat(report.replaceAll("\n {16}", "")).contains("GET /" + "segment/".repeat(30) + "\n");
    assertThat(report).contains("     hint       Use one query.\n").contains("some more words y");
  }

  /** {@code f} with other unit names, count of names and held-back mark. */
  private static Finding withUnits(Finding f, List<String> names, long count, boolean heldBack) {
    return new Finding(
        f.kind(),
        f.shape(),
        f.parentShape(),
        f.parentRows(),
        f.callSite(),
        f.occurrences(),
        f.maxCount(),
        f.totalCount(),
        f.wastedNanos(),
        f.hint(),
        f.explanation(),
        names,
        count,
        heldBack,
        f.firstSeenMillis(),
        f.lastSeenMillis());
  }

  private static QueryLensSnapshot withFindings(List<Finding> findings) {
    return TestSnapshots.with(
        TestSnapshots.of(TestSnapshots.selectShape(1, "SELECT 1", 30, 30_000_000)),
        new TimeSplit(30_000_000, 0, 0, 0, 0, 15_000_000),
        findings,
        List.of());
  }

  @Test
  void aMergedFindingNamesItsFirstUnitNamesAndHowManyMoreThereWere() {
    Finding f = TestSnapshots.finding(FindingKind.N_PLUS_ONE, "SELECT 1", 1_000);
    List<String> names = List.of("GET /api/owners", "GET /api/v2/owners", "GET /owners", "GET /x");

    String few = ConsoleReport.render(withFindings(List.of(withUnits(f, names, 4, false))), 10);
    String many = ConsoleReport.render(withFindings(List.of(withUnits(f, names, 14, false))), 10);

    assertThat(few)
        .contains(
            "     unit       GET /api/owners, GET /api/v2/owners, GET /owners and 1 more name\n");
    assertThat(many).contains("GET /owners and 11 more names\n");
  }

  @Test
  void findingsTheLiveLogHeldBackAreMarkedWhenShownAndListedWhenNot() {
    List<Finding> findings = new ArrayList<>();
    for (int i = 1; i <= 5; i++) {
      Finding f =
          TestSnapshots.finding(FindingKind.N_PLUS_ONE, "SELECT " + i, 1_000_000L * (6 - i));
      findings.add(withUnits(f, f.unitNames(), 1, i % 2 == 0));
    }

    String report = ConsoleReport.render(withFindings(findings), 3);

    String second = report.substring(report.indexOf("  2. "), report.indexOf("  3. "));
    String third = report.substring(report.indexOf("  3. "), report.indexOf("Not shown"));
    assertThat(second)
        .contains(
            "     live log   held back (at most one WARN line a second): reported here first\n");
    assertThat(third).doesNotContain("live log");
    assertThat(report)
        .contains(
            "  Not shown: 2 more findings, 3.00ms wasted\n"
                + "  Of these, held back from the live WARN log (at most one line a second):\n"
                + "     n-plus-one       "
                + findings.get(3).shape().id()
                + "  com.example.App.run(App.java:1)\n")
        .doesNotContain(findings.get(4).shape().id());
  }

  @Test
  void everyShapeIdPrintedIsTheOneTheJsonReportGivesTheShape() {
    QueryLensSnapshot golden = TestSnapshots.golden();
    String report = ConsoleReport.render(golden, 10);
    String json = JsonReport.render(golden);

    for (Finding f : golden.findings()) {
      assertThat(report).contains("  " + f.shape().id() + "  " + f.shape().text());
      assertThat(json).contains("\"shapeId\": \"" + f.shape().id() + "\"");
    }
    golden.shapes().forEach(shape -> assertThat(json).contains("\"id\": \"" + shape.shape().id()));
    assertThat(report).contains("      " + golden.shapes().get(2).shape().id() + "  INSERT INTO");
  }

  @Test
  void longHibernateShapesKeepTheirWhereAndNeverPrintAlike() {
    QueryShape search = new QueryShape(0x51L, SqlShortenerTest.OWNER_SEARCH, "SELECT");
    QueryShape byId = new QueryShape(0x1dL, SqlShortenerTest.OWNER_BY_ID, "SELECT");
    Finding f = TestSnapshots.finding(FindingKind.N_PLUS_ONE, "SELECT 1", 1_000);
    Finding repeated =
        new Finding(
            f.kind(),
            byId,
            search,
            10,
            f.callSite(),
            1,
            10,
            10,
            1_000,
            f.hint(),
            null,
            f.unitNames(),
            1,
            false,
            0,
            0);
    QueryLensSnapshot s =
        TestSnapshots.with(
            TestSnapshots.of(
                TestSnapshots.selectShape(0x51L, search.text(), 1, 2_000),
                TestSnapshots.selectShape(0x1dL, byId.text(), 10, 1_000)),
            new TimeSplit(3_000, 0, 0, 0, 0, 900),
            List.of(repeated),
            List.of());

    List<String> lines = lines(ConsoleReport.render(s, 10));

    // each shape twice: in the finding block (repeated, parent) and in the shape table
    List<String> searchSql = sqlAfter(lines, search.id());
    List<String> byIdSql = sqlAfter(lines, byId.id());
    assertThat(searchSql).hasSize(2).noneMatch(byIdSql::contains);
    assertThat(byIdSql).hasSize(2);
    assertThat(searchSql)
        .allSatisfy(
            l ->
                assertThat(l)
                    .contains(" from owners o1_0 left ")
                    .contains(" where o1_0.last_name like ?"));
    assertThat(byIdSql).allSatisfy(l -> assertThat(l).endsWith(" where o1_0.id=?"));
    assertThat(lines).allSatisfy(line -> assertThat(line.length()).isLessThanOrEqualTo(120));
  }

  /** The SQL printed after {@code id} on each line that shows it, without a parent's rows. */
  private static List<String> sqlAfter(List<String> lines, String id) {
    return lines.stream()
        .filter(l -> l.contains(id + "  "))
        .map(l -> l.substring(l.indexOf(id) + id.length() + 2).replaceAll("  \\(\\d+ rows\\)$", ""))
        .toList();
  }

  @Test
  void aLongCallSiteKeepsItsLineNumber() {
    Finding f = TestSnapshots.finding(FindingKind.N_PLUS_ONE, "SELECT 1", 1_000);
    String site =
        "org.springframework.samples.petclinic.service.impl.transactional.readonly.ClinicServiceImpl"
            + ".findOwnerByLastName(ClinicServiceImpl.java:123)";
    Finding long_ =
        new Finding(
            f.kind(),
            f.shape(),
            null,
            -1,
            site,
            1,
            6,
            6,
            1_000,
            f.hint(),
            null,
            f.unitNames(),
            1,
            false,
            0,
            0);

    String report = ConsoleReport.render(withFindings(List.of(long_)), 10);

    assertThat(report)
        .contains(
            "     call site  o.s.s.p.s.impl.transactional.readonly.ClinicServiceImpl"
                + ".findOwnerByLastName(ClinicServiceImpl.java:123)\n");
  }

  @Test
  void missingKindNamesAndSplitsDoNotBreakTheReport() {
    QueryLensSnapshot s =
        TestSnapshots.with(
            TestSnapshots.of(TestSnapshots.selectShape(1, "SELECT 1", 1, 1_000)),
            null,
            List.of(
                new Finding(
                    null, null, null, 5, null, 1, 5, 5, 0, null, null, null, 0, false, 0, 0)),
            List.of(new UnitSnapshot(null, 1, 5, null, null, 1)));

    String report = ConsoleReport.render(s, 10);

    assertThat(report)
        .contains("  database       1.00µs 100.0%  execute 1.00µs + fetch 0ns\n")
        .contains("  1. finding: 0ns wasted (0.0% of database time); 5 executions in 1 unit")
        .contains("     call site  (unknown)\n")
        .doesNotContain("     parent")
        .doesNotContain("     hint");
  }

  @Test
  void goldenReportLinesFitTheWidth() {
    for (int top = 0; top <= 3; top++) {
      assertThat(lines(ConsoleReport.render(TestSnapshots.golden(), top)))
          .allSatisfy(line -> assertThat(line.length()).isLessThanOrEqualTo(120));
    }
  }

  @Test
  void countsTooWideForTheirColumnAreShortenedToThreeDigitsAndASuffix() {
    assertThat(ConsoleReport.count(999_999, 6)).isEqualTo("999999");
    assertThat(ConsoleReport.count(1_000_000, 6)).isEqualTo("1.00M");
    assertThat(ConsoleReport.count(1_999_999, 6)).isEqualTo("1.99M");
    assertThat(ConsoleReport.count(45_678_901, 6)).isEqualTo("45.6M");
    assertThat(ConsoleReport.count(456_789_012, 8)).isEqualTo("456M");
    assertThat(ConsoleReport.count(45_678_901, 8)).isEqualTo("45678901");
    assertThat(ConsoleReport.count(Long.MAX_VALUE, 8)).isEqualTo("9.22E");
    assertThat(ConsoleReport.count(12_345, 2)).isEqualTo("12.3k");
    assertThat(ConsoleReport.count(999, 2)).isEqualTo("999");
  }

  @Test
  void wrapBreaksAtSpacesAndCutsWordsLongerThanALine() {
    assertThat(ConsoleReport.wrap("one two three four", 9))
        .containsExactly("one two", "three", "four");
    assertThat(ConsoleReport.wrap("  a\n\tb  ", 9)).containsExactly("a b");
    assertThat(ConsoleReport.wrap("abcdefghijkl end", 5)).containsExactly("abcd…", "end");
    assertThat(ConsoleReport.wrap("", 5)).isEmpty();
  }

  @Test
  void tableRowShowsCountsShareExecutePercentilesAndMeans() {
    String report = ConsoleReport.render(TestSnapshots.golden(), 10);

    assertThat(report)
        .contains(
            "   1      1200      3    6.00s  99.9%    3.10ms    9.80ms    15.2ms    48.0ms"
                + "     500µs    1.00ms      11.7\n"
                + "      9e3779b97f4a7c15  SELECT o.id, o.total FROM orders o WHERE o.customer_id = ?"
                + " AND o.status IN (?)\n");
    // a shape without a cursor has no fetch or process mean; a tiny share is not rounded to 0
    assertThat(report)
        .contains(
            "   3        40      1   2.34ms  <0.1%    50.0µs     120µs     300µs     310µs"
                + "         -         -       1.0\n");
  }

  @Test
  void listsOnlyTheTopShapesAndCountsTheRest() {
    // without findings, whose blocks would name the same shapes
    String report = ConsoleReport.render(TestSnapshots.shapesAndConnections(), 2);

    assertThat(report).contains("orders o WHERE").contains("\"Straße\"");
    assertThat(report).doesNotContain("INSERT INTO audit").doesNotContain("\n   3 ");
    assertThat(report)
        .contains(
            "Query shapes by total time, top 2 of 3 (all 3 shapes together: 6.00s of execute +"
                + " fetch + process)\n");
    assertThat(report).contains("Not shown: 1 more shape, 2.34ms (<0.1% of the shapes' time)\n");
  }

  @Test
  void topZeroListsNoShapesButSaysHowManyExist() {
    String report = ConsoleReport.render(TestSnapshots.shapesAndConnections(), 0);

    assertThat(report)
        .doesNotContain("Query shapes")
        .doesNotContain("exec p50")
        .doesNotContain("SELECT o.id");
    assertThat(report).contains("Not shown: 3 more shapes, 6.00s (100.0% of the shapes' time)\n");
  }

  @Test
  void noFooterAboutHiddenShapesWhenAllAreShown() {
    String report = ConsoleReport.render(TestSnapshots.golden(), 3);

    assertThat(report)
        .contains("Query shapes by total time (all 3 shapes")
        .contains("\n      7fffffffffffffff  INSERT INTO audit")
        .doesNotContain("Not shown");
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
  void connectionsShowPoolWaitConnectAndHoldPercentilesCountsAndFailures() {
    String report = ConsoleReport.render(TestSnapshots.golden(), 1);

    assertThat(report)
        .contains(
            "Connections: pool wait p50 15.0µs  p99 4.50ms  max 12.0ms  count 250"
                + "  (2 failed acquires)\n"
                + "             connect   p50 4.00ms  p99 5.50ms  max 5.50ms  count 3\n"
                + "             hold      p50 20.0ms  p99 95.0ms  max 400ms  count 248\n");
  }

  @Test
  void connectionsWithoutFailuresOmitTheFailureCount() {
    QueryLensSnapshot s =
        TestSnapshots.withoutDiagnosis(
            0,
            List.of(),
            new ConnectionSnapshot(
                new DistributionSnapshot(1, 850, 850, 850, 850, 850, 850),
                DistributionSnapshot.EMPTY,
                DistributionSnapshot.EMPTY,
                0),
            0,
            0);

    String report = ConsoleReport.render(s, 5);

    assertThat(report)
        .contains("Connections: pool wait p50 850ns  p99 850ns  max 850ns  count 1\n")
        .contains("hold      p50 -  p99 -  max -  count 0\n")
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
    assertThat(shapeLine)
        .startsWith("      0000000000000001  SELECT a_rather")
        .contains(", …, ")
        .endsWith(" x FROM t");
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

    assertThat(report).contains("\n      0000000000000001  SELECT a, b FROM t WHERE x = ?\n");
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
