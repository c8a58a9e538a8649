package io.querylens.core.report;

import io.querylens.core.DatabaseFinding;
import io.querylens.core.QueryLensSnapshot;
import io.querylens.core.ServerStatsStatus;
import java.util.List;

/**
 * The HTML report's database side, after the findings: per database whether its own statistics are
 * read (source, state, the reader's sentence, shapes matched), then one card per database finding,
 * {@code D1}, {@code D2}... (kind, cause, the client's and the server's time per execution, the
 * shape with a link to its row, the evidence and the hint). Nothing when no database is read.
 */
final class DatabaseSection {
  private DatabaseSection() {}

  static void write(Html html, QueryLensSnapshot s) {
    if (s.serverStats().isEmpty()) {
      return;
    }
    List<DatabaseFinding> findings = s.databaseFindings();
    html.open("section", "id", "database-side").newline();
    html.open("h2")
        .text("Database side ")
        .element("span", Figures.count(findings.size()), "class", "badge")
        .close("h2");
    html.element(
        "p",
        "The servers' own statistics beside the client's times, over the whole run (start-up"
            + " included).",
        "class",
        "lead");
    html.open("ul", "class", "server-stats");
    for (ServerStatsStatus status : s.serverStats()) {
      html.open("li", "class", "server-status", "data-state", ServerTexts.state(status.state()));
      html.element("b", ServerTexts.status(status));
      if (status.detail() != null && !status.detail().isBlank()) {
        html.element("div", status.detail(), "class", "muted");
      }
      html.close("li");
    }
    html.close("ul").newline();
    if (findings.isEmpty()) {
      html.element(
          "p",
          "No database findings: no shape slow in the server, bound by round trips or scanning.",
          "class",
          "none");
    } else {
      html.open("ol", "class", "findings").newline();
      for (int i = 0; i < findings.size(); i++) {
        writeFinding(html, "D" + (i + 1), findings.get(i));
      }
      html.close("ol").newline();
    }
    html.close("section").newline();
  }

  private static void writeFinding(Html html, String rank, DatabaseFinding f) {
    String kind = f.kind().label();
    html.open("li", "class", "finding db-finding", "id", "finding-" + rank, "data-kind", kind);
    html.open("div", "class", "head");
    html.element("span", rank, "class", "rank");
    html.element("span", kind, "class", "kind k-" + kind);
    html.element("b", f.cause(), "class", "explanation");
    html.element(
        "span",
        "client "
            + Durations.format(f.clientMeanNanos())
            + ", server "
            + Durations.format(f.serverMeanNanos())
            + " per execution; "
            + Figures.plural(f.calls(), "server call"),
        "class",
        "counts",
        "data-value",
        Long.toString(f.serverMeanNanos()));
    html.close("div");
    html.open("dl");
    html.element("dt", "query").open("dd");
    FindingsSection.shape(html, f.shape(), true);
    html.close("dd");
    html.element("dt", "database").element("dd", ServerTexts.database(f.database()));
    html.element("dt", "evidence").element("dd", f.evidence());
    html.element("dt", "hint").element("dd", f.hint(), "class", "hint");
    html.close("dl").close("li").newline();
  }
}
