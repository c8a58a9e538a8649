package io.querylens.core.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.querylens.core.Database;
import io.querylens.core.QueryLensSnapshot;
import io.querylens.core.QueryShape;
import io.querylens.core.ServerSide;
import io.querylens.core.ServerStatsStatus;
import io.querylens.core.SqlDialect;
import io.querylens.core.WaitCategory;
import io.querylens.core.config.QueryLensConfig;
import io.querylens.core.intercept.Recording;
import io.querylens.core.intercept.ServerStatistics;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The reports of a real {@link Recording}: executions recorded on H2, then the server's side fed
 * through {@link ServerStatistics} as a reader would (server text in the server's own notation,
 * deltas, wait samples, a status), so that the reports show what the core judged from it.
 */
class RecordedServerSideReportTest {
  private static final Database H2 = new Database("h2database", "reports", null, -1);
  private static final long MILLI = 1_000_000L;

  private final Recording recording = Recording.create(QueryLensConfig.builder().build());

  /**
   * An update waiting 30ms for a lock in each of 20 executions, a point query spending 3ms per
   * execution of which the server worked 50µs, and a query the server never reported.
   */
  private QueryLensSnapshot recordAndRead() {
    QueryShape update =
        recording.shapeOf(SqlDialect.H2, "update dbr_stock set qty = qty - 1 where item_id = 7");
    QueryShape price =
        recording.shapeOf(SqlDialect.H2, "select price from dbr_prices where id = 3");
    QueryShape unread = recording.shapeOf(SqlDialect.H2, "select name from dbr_shops where id = 1");
    long start = System.nanoTime();
    for (int i = 0; i < 20; i++) {
      recording.record(H2, update, start, 30 * MILLI, 1, 0, i, 0);
    }
    for (int i = 0; i < 50; i++) {
      recording.recordCursor(H2, price, start, 3 * MILLI, 0, 0, 1, true, i, 0);
    }
    recording.recordCursor(H2, unread, start, MILLI, 0, 0, 1, true, 0, 0);

    ServerStatistics server = recording.serverStatistics();
    server.refreshShapes();
    QueryShape updateOnServer =
        server.match(H2, SqlDialect.H2, "UPDATE dbr_stock SET qty = qty - $1 WHERE item_id = $2");
    QueryShape priceOnServer =
        server.match(H2, SqlDialect.H2, "SELECT price FROM dbr_prices WHERE id = $1");
    assertThat(updateOnServer).isEqualTo(update);
    assertThat(priceOnServer).isEqualTo(price);
    server.add(
        updateOnServer,
        new ServerSide(
            "pg_stat_statements", 20, 20 * 29 * MILLI, -1, 20, -1, 60, 0, -1, -1, null, null));
    server.addWaitSamples(updateOnServer, "pg_stat_statements", WaitCategory.LOCK, 9, 50 * MILLI);
    server.add(
        priceOnServer,
        new ServerSide(
            "pg_stat_statements", 50, 50 * 50_000L, -1, 50, -1, 150, 0, -1, -1, null, null));
    server.polled(H2, "pg_stat_statements", "reading every 10s on a connection of its own");
    return recording.snapshot();
  }

  @Test
  void consoleNamesTheLockWaitAndTheRoundTripsAndGuessesNothingForTheUnreadShape() {
    String console = ConsoleReport.render(recordAndRead(), 10);

    assertThat(console)
        .contains("  h2database reports, pg_stat_statements: reading, 1 poll, 2 shapes matched")
        .containsPattern(
            "\n  D\\d\\. slow-in-database: client 30\\.0ms, server 29\\.0ms per execution; 20"
                + " server calls\n[^\n]*update dbr_stock[^\n]*\n     cause      lock wait")
        .containsPattern(
            "\n  D\\d\\. network-bound: client 3\\.00ms, server 50\\.0µs per execution; 50 server")
        .contains("no server match");
  }

  @Test
  void jsonAndHtmlCarryTheSameJudgement() {
    QueryLensSnapshot s = recordAndRead();

    assertThat(s.serverStats()).hasSize(1);
    assertThat(s.serverStats().get(0).state()).isEqualTo(ServerStatsStatus.State.READING);
    @SuppressWarnings("unchecked")
    Map<String, Object> root = (Map<String, Object>) MiniJson.parse(JsonReport.render(s));
    List<Object> kinds = new ArrayList<>();
    for (Object f : (List<?>) root.get("databaseFindings")) {
      kinds.add(((Map<?, ?>) f).get("kind"));
    }
    assertThat(kinds).containsExactlyInAnyOrder("slow-in-database", "network-bound");
    String html = HtmlReport.render(s);
    assertThat(html)
        .contains("data-kind=\"slow-in-database\"", "data-kind=\"network-bound\"")
        .contains("<dt>wait samples</dt><dd>lock wait 9 (every 50.0ms)</dd>");
  }
}
