package io.querylens.core.report;

import io.querylens.core.Finding;
import io.querylens.core.QueryLensSnapshot;
import io.querylens.core.QueryShape;
import io.querylens.core.config.ConfigKey;

/**
 * The HTML report's findings, most wasted time first, one card each: kind, wasted time and its
 * share of the database time, counts, what the detector saw, the repeated (or flagged) shape with a
 * link to its row in the shape table, the parent shape and its rows, the call site, the units, when
 * it was seen, and the hint.
 */
final class FindingsSection {
  private FindingsSection() {}

  static void write(Html html, QueryLensSnapshot s) {
    long database = TimeParts.side(TimeParts.of(TimeParts.overall(s)), TimeParts.Side.DATABASE);
    html.open("section", "id", "findings").newline();
    html.open("h2")
        .text("Findings ")
        .element("span", Figures.count(s.findings().size()), "class", "badge")
        .close("h2");
    if (s.findings().isEmpty()) {
      html.element(
          "p",
          "No findings: no N+1 loops, repeated lookups, row-by-row writes or unbounded reads.",
          "class",
          "none");
    } else {
      html.element("p", "Most wasted time first.", "class", "lead");
      html.open("ol", "class", "findings").newline();
      for (int i = 0; i < s.findings().size(); i++) {
        writeFinding(html, i + 1, s.findings().get(i), database);
      }
      html.close("ol").newline();
    }
    if (s.droppedFindings() > 0) {
      html.element(
          "p",
          Figures.plural(s.droppedFindings(), "further finding")
              + " dropped past "
              + ConfigKey.MAX_FINDINGS.key()
              + "; their wasted time still counts above.",
          "class",
          "note");
    }
    html.close("section").newline();
  }

  private static void writeFinding(Html html, int rank, Finding f, long database) {
    String kind = f.kind() == null ? "finding" : f.kind().label();
    boolean explained = f.explanation() != null && !f.explanation().isBlank();
    html.open("li", "class", "finding", "id", "finding-" + rank, "data-kind", kind);
    html.open("div", "class", "head");
    html.element("span", Integer.toString(rank), "class", "rank");
    html.element("span", kind, "class", "kind k-" + kind);
    // a finding that explains itself and wastes no round trips is headed by what was seen
    if (explained && f.wastedNanos() == 0) {
      html.element("b", f.explanation(), "class", "explanation");
    } else {
      html.open("span", "class", "wasted", "data-value", Long.toString(f.wastedNanos()));
      html.element("b", Durations.format(f.wastedNanos())).text(" wasted");
      if (database > 0 && f.wastedNanos() > 0) {
        html.element(
            "span",
            " " + Figures.percent(f.wastedNanos(), database) + " of database time",
            "class",
            "muted");
      }
      html.close("span");
    }
    html.element(
        "span",
        Figures.plural(f.totalCount(), "execution")
            + " in "
            + Figures.plural(f.occurrences(), "unit")
            + ", up to "
            + Figures.count(f.maxCount())
            + " in one",
        "class",
        "counts",
        "data-value",
        Long.toString(f.totalCount()));
    html.close("div");
    if (explained && f.wastedNanos() > 0) {
      html.element("p", f.explanation(), "class", "explanation");
    }
    html.open("dl");
    html.element("dt", explained ? "query" : "repeated");
    html.open("dd");
    shape(html, f.shape(), true);
    html.close("dd");
    if (f.parentShape() != null) {
      html.element("dt", "parent").open("dd");
      shape(html, f.parentShape(), false);
      if (f.parentRows() >= 0) {
        html.element("span", Figures.plural(f.parentRows(), "row"), "class", "rows");
      }
      html.close("dd");
    }
    html.element("dt", "call site")
        .open("dd")
        .element("code", f.callSite() == null ? "(unknown)" : f.callSite(), "class", "callsite")
        .close("dd");
    if (!f.unitNames().isEmpty()) {
      html.element("dt", f.occurrences() > 1 ? "units" : "unit")
          .open("dd")
          .text(ConsoleReport.unitNames(f, Finding.MAX_UNIT_NAMES));
      if (f.occurrences() > 1) {
        html.element("span", " (" + Figures.count(f.occurrences()) + " units)", "class", "muted");
      }
      html.close("dd");
    }
    html.element("dt", "seen")
        .element(
            "dd",
            f.firstSeenMillis() == f.lastSeenMillis()
                ? Figures.instant(f.firstSeenMillis())
                : Figures.instant(f.firstSeenMillis())
                    + " to "
                    + Figures.instant(f.lastSeenMillis()),
            "class",
            "seen");
    if (f.hint() != null && !f.hint().isBlank()) {
      html.element("dt", "hint").element("dd", f.hint(), "class", "hint");
    }
    html.close("dl").close("li").newline();
  }

  /** A shape's SQL; {@code link} makes it a link to its row in the shape table. */
  private static void shape(Html html, QueryShape shape, boolean link) {
    if (shape == null) {
      html.element("code", "(unknown)", "class", "sql");
      return;
    }
    if (link) {
      html.open("a", "href", "#shape-" + shape.id(), "class", "shape-link");
    }
    html.element("code", shape.text(), "class", "sql");
    if (link) {
      html.close("a");
    }
    html.element("span", shape.id(), "class", "id");
  }
}
