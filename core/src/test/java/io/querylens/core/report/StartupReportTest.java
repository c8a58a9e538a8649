package io.querylens.core.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.querylens.core.ConnectionSnapshot;
import io.querylens.core.Database;
import io.querylens.core.DistributionSnapshot;
import io.querylens.core.Finding;
import io.querylens.core.FindingKind;
import io.querylens.core.Phase;
import io.querylens.core.QueryLensSnapshot;
import io.querylens.core.QueryShape;
import io.querylens.core.ShapeSnapshot;
import io.querylens.core.SqlDialect;
import io.querylens.core.TimeSplit;
import io.querylens.core.UnitSnapshot;
import io.querylens.core.intercept.QueryShapes;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Start-up in the reports: its findings after the others and outside the headline figures, its time
 * apart, and DDL shapes grouped apart from the application's.
 */
class StartupReportTest {
  private static final long MS = 1_000_000;

  private static final String SEED_SITE =
      "org.springframework.jdbc.datasource.init.ScriptUtils.executeSqlScript(ScriptUtils.java:282)";

  private static ShapeSnapshot shape(String sql, long count, long totalNanos) {
    QueryShape shape = QueryShapes.of(SqlDialect.H2, sql);
    return new ShapeSnapshot(
        shape,
        Database.UNKNOWN,
        count,
        0,
        totalNanos,
        new DistributionSnapshot(count, totalNanos, 1, 1, 1, 1, 1),
        DistributionSnapshot.EMPTY,
        DistributionSnapshot.EMPTY,
        DistributionSnapshot.EMPTY);
  }

  private static Finding finding(
      FindingKind kind, ShapeSnapshot shape, String callSite, long wasted, Phase phase) {
    return new Finding(
        kind,
        shape.shape(),
        null,
        -1,
        callSite,
        1,
        shape.count(),
        shape.count(),
        wasted,
        phase == Phase.STARTUP ? "runs once per start" : kind.hint(),
        null,
        List.of(phase == Phase.STARTUP ? "main" : "GET /orders"),
        1,
        false,
        0,
        0,
        phase);
  }

  /**
   * A request's n-plus-one (40 ms wasted of 100 ms of database time) and a seed script's chatty
   * writes that wasted more (45 ms of 85 ms of start-up database time), with two DDL shapes.
   */
  static QueryLensSnapshot snapshot() {
    ShapeSnapshot lines = shape("select * from order_lines where order_id = 1", 5, 100 * MS);
    ShapeSnapshot seed = shape("insert into owners values (1, 'a')", 10, 50 * MS);
    ShapeSnapshot create = shape("create table owners (id int, name varchar(30))", 1, 30 * MS);
    ShapeSnapshot drop = shape("drop table if exists owners", 1, 5 * MS);
    TimeSplit startup = new TimeSplit(85 * MS, 0, 0, 0, 0, 45 * MS);
    return new QueryLensSnapshot(
        0,
        List.of(lines, seed, create, drop),
        new ConnectionSnapshot(
            DistributionSnapshot.EMPTY, DistributionSnapshot.EMPTY, DistributionSnapshot.EMPTY, 0),
        0,
        0,
        new TimeSplit(100 * MS, 0, 0, 0, 0, 40 * MS),
        List.of(
            finding(
                FindingKind.N_PLUS_ONE,
                lines,
                "com.example.Orders.list(Orders.java:7)",
                40 * MS,
                Phase.RUNTIME),
            finding(FindingKind.CHATTY_WRITES, seed, SEED_SITE, 45 * MS, Phase.STARTUP)),
        0,
        List.of(new UnitSnapshot("GET /orders", 1, 5, TimeSplit.EMPTY, TimeSplit.EMPTY, 1)),
        startup,
        List.of(new UnitSnapshot("main", 2, 12, startup, startup, 1)));
  }

  @Test
  void theHeadlineFiguresAndTheFindingsCountLeaveStartUpOut() {
    String report = ConsoleReport.render(snapshot(), 10);

    assertThat(report)
        .contains("    wasted       40.0ms  40.0%  of database time")
        .contains("\nFindings: 1 (most wasted time first)\n")
        .contains("  1. n-plus-one: 40.0ms wasted (40.0% of database time)")
        .doesNotContain("  2.");
  }

  @Test
  void startUpComesAfterTheFindingsWithItsTimeUnitsAndFindings() {
    String report = ConsoleReport.render(snapshot(), 10);

    int findings = report.indexOf("\nFindings: 1");
    int startup = report.indexOf("\nStart-up, kept out of the figures above: 85.0ms");
    int shapes = report.indexOf("\nQuery shapes by total time");
    assertThat(findings).isPositive();
    assertThat(startup).isGreaterThan(report.indexOf("hint", findings));
    assertThat(shapes).isGreaterThan(startup);
    assertThat(report.substring(startup, shapes))
        .contains("(database 85.0ms, application 0ns, connection 0ns) in 2 units (main)")
        .contains("Start-up findings: 1 (schema and data scripts, framework start-up:")
        .contains("  S1. chatty-writes: 45.0ms wasted (52.9% of start-up database time)")
        .contains("call site  " + SEED_SITE)
        .contains("hint       runs once per start");
  }

  @Test
  void ddlShapesAreGroupedOnOneLineAfterTheApplicationsShapes() {
    String report = ConsoleReport.render(snapshot(), 10);

    String table = report.substring(report.indexOf("\nQuery shapes by total time"));
    assertThat(table)
        .startsWith(
            "\nQuery shapes by total time, DDL apart (all 4 shapes together: 185ms of execute +"
                + " fetch + process)\n")
        .contains("select * from order_lines where order_id = ?")
        .contains("insert into owners values (?, ?)")
        .doesNotContain("create table")
        .contains(
            "\nDDL (schema statements): 2 shapes (CREATE 1, DROP 1), 2 executions, 35.0ms (18.9% of"
                + " total time)\n");
  }

  @Test
  void theHtmlReportHoldsStartUpInASectionAfterTheFindings() {
    String html = HtmlReport.render(snapshot());

    int findings = html.indexOf("<section id=\"findings\">");
    int startup = html.indexOf("<section id=\"startup\">");
    int shapes = html.indexOf("<section id=\"shapes-section\">");
    assertThat(findings).isPositive();
    assertThat(startup).isGreaterThan(findings);
    assertThat(shapes).isGreaterThan(startup);
    String findingsSection = html.substring(findings, startup);
    assertThat(findingsSection)
        .contains("<span class=\"badge\">1</span>")
        .contains("id=\"finding-1\" data-kind=\"n-plus-one\"")
        .doesNotContain("chatty-writes");
    assertThat(html.substring(startup, shapes))
        .contains("data-value=\"85000000\"")
        .contains("85.0ms (database 85.0ms, application 0ns, connection 0ns) in main.")
        .contains("id=\"finding-S1\" data-kind=\"chatty-writes\"")
        .contains(SEED_SITE)
        .contains("runs once per start");
    // the DDL shapes come after the application's, marked (the demo's order is checked in
    // HtmlReportIT)
    String table = html.substring(shapes);
    int insert = table.indexOf("insert into owners");
    int firstDdl = table.indexOf("<tbody class=\"shape ddl\"");
    assertThat(insert).isPositive();
    assertThat(firstDdl).isGreaterThan(insert);
    assertThat(table.substring(firstDdl)).contains("create table owners").contains("drop table");
  }

  @Test
  void theJsonMarksPhasesAndDdlAndHoldsStartUpApart() {
    Map<?, ?> root = (Map<?, ?>) MiniJson.parse(JsonReport.render(snapshot()));

    List<?> findings = (List<?>) root.get("findings");
    assertThat(findings.stream().<Object>map(f -> ((Map<?, ?>) f).get("phase")))
        .containsExactly("runtime", "startup");
    List<?> shapes = (List<?>) root.get("shapes");
    assertThat(shapes.stream().<Object>map(s -> ((Map<?, ?>) s).get("ddl")))
        .containsExactly(false, false, true, true);
    assertThat(((Map<?, ?>) root.get("startupTime")).get("dbExecuteNanos").toString())
        .isEqualTo(String.valueOf(85 * MS));
    assertThat((List<?>) root.get("startupUnits"))
        .singleElement()
        .satisfies(u -> assertThat(((Map<?, ?>) u).get("name")).isEqualTo("main"));
  }

  @Test
  void onlyStartUpFindingsSayThereAreNoneOutsideStartUp() {
    QueryLensSnapshot s = snapshot();
    QueryLensSnapshot startupOnly =
        new QueryLensSnapshot(
            s.takenAtMillis(),
            s.shapes(),
            s.connections(),
            0,
            0,
            TimeSplit.EMPTY,
            s.findings().subList(1, 2),
            0,
            List.of(),
            s.startupTime(),
            s.startupUnits());

    String report = ConsoleReport.render(startupOnly, 10);

    assertThat(report)
        .contains("\nNo findings outside start-up.\n")
        .contains("Where the time went: 0ns")
        .contains("  S1. chatty-writes");
  }
}
