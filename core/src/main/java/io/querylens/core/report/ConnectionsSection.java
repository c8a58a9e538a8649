package io.querylens.core.report;

import io.querylens.core.ConnectionSnapshot;
import io.querylens.core.DistributionSnapshot;
import io.querylens.core.QueryLensSnapshot;
import java.util.List;

/**
 * The HTML report's connection statistics: every percentile of pool wait (a checkout's time in a
 * pool's {@code getConnection()} beyond connecting), connect (opening a physical connection) and
 * hold (from a checkout to its close), failed acquires, and a percentile curve of each.
 */
final class ConnectionsSection {
  private ConnectionsSection() {}

  static void write(Html html, QueryLensSnapshot s) {
    ConnectionSnapshot c = s.connections();
    DistributionSnapshot acquire = c == null ? DistributionSnapshot.EMPTY : c.acquire();
    DistributionSnapshot connect = c == null ? DistributionSnapshot.EMPTY : c.connect();
    DistributionSnapshot hold = c == null ? DistributionSnapshot.EMPTY : c.hold();
    long errors = c == null ? 0 : c.acquireErrors();
    html.open("section", "id", "connections").newline();
    html.element("h2", "Connections");
    html.element(
        "p",
        "pool wait: a checkout's time inside a pool's getConnection() beyond connecting;"
            + " connect: opening a physical connection (by the application or by a pool);"
            + " hold: from a checkout to its close().",
        "class",
        "lead");
    html.open("div", "class", "dist-body").open("div");
    DistributionTable.write(
        html,
        List.of(
            new DistributionTable.Row("pool wait", acquire, true),
            new DistributionTable.Row("connect", connect, true),
            new DistributionTable.Row("hold", hold, true)));
    if (errors > 0) {
      html.element(
          "p",
          Figures.plural(errors, "failed acquire"),
          "class",
          "note",
          "data-value",
          Long.toString(errors));
    }
    html.close("div");
    html.open("div", "class", "charts");
    PercentileChart.write(
        html,
        "pool wait and connect by percentile",
        List.of(
            new PercentileChart.Series("pool wait", "acquire", acquire),
            new PercentileChart.Series("connect", "connect", connect)));
    PercentileChart.write(
        html, "hold by percentile", List.of(new PercentileChart.Series("hold", "hold", hold)));
    html.close("div").close("div");
    html.close("section").newline();
  }
}
