package io.querylens.core.report;

import io.querylens.core.ConnectionSnapshot;
import io.querylens.core.DistributionSnapshot;
import io.querylens.core.QueryLensSnapshot;
import java.util.List;

/**
 * The HTML report's connection statistics: every percentile of acquire (time inside {@code
 * getConnection()}) and hold (from getConnection to close), failed acquires, and a percentile curve
 * of each.
 */
final class ConnectionsSection {
  private ConnectionsSection() {}

  static void write(Html html, QueryLensSnapshot s) {
    ConnectionSnapshot c = s.connections();
    DistributionSnapshot acquire = c == null ? DistributionSnapshot.EMPTY : c.acquire();
    DistributionSnapshot hold = c == null ? DistributionSnapshot.EMPTY : c.hold();
    long errors = c == null ? 0 : c.acquireErrors();
    html.open("section", "id", "connections").newline();
    html.element("h2", "Connections");
    html.element(
        "p",
        "acquire: time inside getConnection() (pool wait over a pool, the physical connect below"
            + " one); hold: from getConnection() to close().",
        "class",
        "lead");
    html.open("div", "class", "dist-body").open("div");
    DistributionTable.write(
        html,
        List.of(
            new DistributionTable.Row("acquire", acquire, true),
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
        "acquire by percentile",
        List.of(new PercentileChart.Series("acquire", "acquire", acquire)));
    PercentileChart.write(
        html, "hold by percentile", List.of(new PercentileChart.Series("hold", "hold", hold)));
    html.close("div").close("div");
    html.close("section").newline();
  }
}
