package io.querylens.core.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.querylens.core.QueryLensSnapshot;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The database server's side in the console and JSON reports, from a snapshot built by hand. */
class DatabaseSideReportTest {
  private static final String CONSOLE = ConsoleReport.render(TestSnapshots.databaseSide(), 10);

  @Test
  void consoleNamesEachDatabaseWithItsReaderStatus() {
    assertThat(CONSOLE)
        .contains(
            "\nDatabase side (the servers' own statistics, the whole run with start-up)\n"
                + "  postgresql shop at db.example:5432, pg_stat_statements: reading, 12 polls,"
                + " 3 shapes matched, 1 not matched\n"
                + "    reading every 10s on a connection of its own\n"
                + "  mariadb audit at 10.0.0.7:3306, performance_schema: unavailable\n"
                + "    performance_schema is off: start the server with performance_schema=ON\n"
                + "Database findings: 3 (most server time first)\n");
  }

  @Test
  void consoleDatabaseFindingsGiveShapeCauseAndBothSidesPerExecution() {
    assertThat(CONSOLE)
        .contains(
            "\n  D1. slow-in-database: client 42.0ms, server 40.0ms per execution; 100 server"
                + " calls\n"
                + "     query      00000000000000a1  UPDATE stock SET qty = qty - ? WHERE item_id"
                + " = ?\n"
                + "     database   postgresql shop at db.example:5432\n"
                + "     cause      lock wait (38 of 40 samples in flight)\n"
                + "     hint       the server spends the time:")
        .contains(
            "\n  D2. full-scan: client 40.0ms, server 28.0ms per execution; 50 server calls\n")
        .contains("     cause      sequential scan, 400 blocks per call for 1 rows returned\n")
        .contains("\n  D3. network-bound: client 3.00ms, server 50.0µs per execution; 2000 server")
        .contains("     cause      round trips: 2.95ms per execution outside the server\n");
  }

  @Test
  void consoleShapeTableSetsTheServerBesideTheClientAndGuessesNothingUnmatched() {
    assertThat(CONSOLE)
        .contains("     rows   server  outside\n")
        .contains("     mean per exec per exec\n")
        // 42ms per execution in the client, 40ms in the server (planning included)
        .containsPattern("\n   1 +100 .* 42\\.0ms +- +- +1\\.0 +40\\.0ms +2\\.00ms\n")
        // execute 30ms + fetch 10ms in the client, 28ms in the server
        .containsPattern("\n   2 +50 .* 10\\.0ms +- +1\\.0 +28\\.0ms +12\\.0ms\n")
        .containsPattern("\n   4 +10 .* 1\\.0 +no server match\n");
  }

  @Test
  void consoleDatabaseSideComesAfterTheFindingsAndBeforeTheShapes() {
    assertThat(CONSOLE.indexOf("No N+1, duplicate or chatty-write findings."))
        .isPositive()
        .isLessThan(CONSOLE.indexOf("Database side"));
    assertThat(CONSOLE.indexOf("Database side")).isLessThan(CONSOLE.indexOf("Query shapes"));
  }

  @Test
  void consoleLinesStayWithinTheWidth() {
    for (String line : CONSOLE.split("\n")) {
      assertThat(line.codePointCount(0, line.length())).as(line).isLessThanOrEqualTo(120);
    }
  }

  @Test
  void consolePrintsNothingOfTheServerWhenNoDatabaseIsRead() {
    QueryLensSnapshot golden = TestSnapshots.golden();

    String console = ConsoleReport.render(golden, 10);

    assertThat(console).doesNotContain("Database side", "server", "outside");
  }

  @Test
  void consoleSaysSoWhenTheServerFoundNothing() {
    QueryLensSnapshot s = TestSnapshots.databaseSide();
    QueryLensSnapshot none =
        new QueryLensSnapshot(
            s.takenAtMillis(),
            s.shapes(),
            s.connections(),
            0,
            0,
            s.time(),
            s.findings(),
            0,
            s.units(),
            s.startupTime(),
            s.startupUnits(),
            List.of(),
            s.serverStats().subList(0, 1));

    String console = ConsoleReport.render(none, 10);

    assertThat(console)
        .contains(
            "not matched\n    reading every 10s on a connection of its own\n"
                + "No database findings.\n")
        .doesNotContain("D1.", "     database   ");
  }

  @Test
  void jsonRendersTheDatabaseGoldenFileExactly() throws IOException {
    try (InputStream in = getClass().getResourceAsStream("report-database.json")) {
      assertThat(in).isNotNull();
      assertThat(JsonReport.render(TestSnapshots.databaseSide()))
          .isEqualTo(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    }
  }

  @Test
  void jsonGivesEveryServerFigureAndNullForWhatTheSourceDoesNotKeep() {
    Map<String, Object> root =
        object(MiniJson.parse(JsonReport.render(TestSnapshots.databaseSide())));
    List<?> shapes = (List<?>) root.get("shapes");

    Map<String, Object> locked = object(object(shapes.get(0)).get("server"));
    assertThat(locked.keySet())
        .containsExactly(
            "source",
            "calls",
            "executeNanos",
            "planNanos",
            "meanNanos",
            "rows",
            "rowsExamined",
            "blocksHit",
            "blocksRead",
            "lockNanos",
            "noIndexCalls",
            "waits",
            "plan");
    assertThat(locked.get("meanNanos")).isEqualTo(new BigDecimal(40_000_000));
    assertThat(locked.get("planNanos")).isEqualTo(new BigDecimal(100_000_000));
    assertThat(locked.get("rowsExamined")).isNull();
    assertThat(object(locked.get("waits")).get("lock")).isEqualTo(BigDecimal.valueOf(38));
    assertThat(object(object(shapes.get(1)).get("server")).get("plan"))
        .isEqualTo("Seq Scan on orders o <b>filter</b>");
    assertThat(object(object(shapes.get(1)).get("server")).get("planNanos")).isNull();
    assertThat(object(shapes.get(3)).get("server")).isNull();
  }

  @Test
  void jsonListsDatabaseFindingsAndReaderStatus() {
    Map<String, Object> root =
        object(MiniJson.parse(JsonReport.render(TestSnapshots.databaseSide())));

    List<?> findings = (List<?>) root.get("databaseFindings");
    assertThat(findings).hasSize(3);
    Map<String, Object> first = object(findings.get(0));
    assertThat(first.get("kind")).isEqualTo("slow-in-database");
    assertThat(first.get("shapeId")).isEqualTo("00000000000000a1");
    assertThat(first.get("cause")).isEqualTo("lock wait (38 of 40 samples in flight)");
    assertThat(first.get("clientMeanNanos")).isEqualTo(new BigDecimal(42_000_000));
    assertThat(first.get("serverMeanNanos")).isEqualTo(new BigDecimal(40_000_000));
    assertThat(object(first.get("database")).get("port")).isEqualTo(BigDecimal.valueOf(5432));
    List<?> stats = (List<?>) root.get("serverStats");
    assertThat(stats).hasSize(2);
    assertThat(object(stats.get(0)).get("state")).isEqualTo("reading");
    assertThat(object(stats.get(1)).get("state")).isEqualTo("unavailable");
    assertThat(object(stats.get(1)).get("polls")).isEqualTo(BigDecimal.ZERO);
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> object(Object value) {
    assertThat(value).isInstanceOf(Map.class);
    return (Map<String, Object>) value;
  }
}
