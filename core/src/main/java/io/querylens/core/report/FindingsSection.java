package io.querylens.core.report;

import io.querylens.core.Finding;
import io.querylens.core.Phase;
import io.querylens.core.QueryLensSnapshot;
import io.querylens.core.QueryShape;
import io.querylens.core.TimeSplit;
import io.querylens.core.UnitSnapshot;
import io.querylens.core.config.ConfigKey;
import java.util.ArrayList;
import java.util.List;

/**
 * The HTML report's findings, most wasted time first, one card each: kind, wasted time and its
 * share of the database time, counts, what the detector saw, the repeated (or flagged) shape with a
 * link to its row in the shape table, the parent shape and its rows, the call site, the units, when
 * it was seen, and the hint. Start-up findings follow in a section of their own, with the start-up
 * time that every other figure leaves out.
 */
final class FindingsSection {
  private FindingsSection() {}

  static void write(Html html, QueryLensSnapshot s) {
    List<Finding> runtime = new ArrayList<>();
    List<Finding> startup = new ArrayList<>();
    for (Finding f : s.findings()) {
      (f.phase() == Phase.STARTUP ? startup : runtime).add(f);
    }
    long database = TimeParts.side(TimeParts.of(TimeParts.overall(s)), TimeParts.Side.DATABASE);
    html.open("section", "id", "findings").newline();
    html.open("h2")
        .text("Findings ")
        .element("span", Figures.count(runtime.size()), "class", "badge")
        .close("h2");
    if (runtime.isEmpty()) {
      html.element(
          "p",
          "No findings: no N+1 loops, repeated lookups, row-by-row writes or unbounded reads.",
          "class",
          "none");
    } else {
      html.element("p", "Most wasted time first.", "class", "lead");
      writeList(html, runtime, "", database);
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
    writeStartup(html, s, startup);
  }

  /**
   * Start-up apart ({@link Phase#STARTUP}): its time, kept out of every figure above, and its
   * findings, numbered {@code S1}, {@code S2}, ... Nothing when start-up left no trace.
   */
  private static void writeStartup(Html html, QueryLensSnapshot s, List<Finding> findings) {
    TimeSplit time = s.startupTime() == null ? TimeSplit.EMPTY : s.startupTime();
    if (time.totalNanos() == 0 && findings.isEmpty()) {
      return;
    }
    html.open("section", "id", "startup").newline();
    html.open("h2")
        .text("Start-up ")
        .element("span", Figures.count(findings.size()), "class", "badge")
        .close("h2");
    List<String> names = new ArrayList<>();
    for (UnitSnapshot unit : s.startupUnits()) {
      names.add(unit.name());
    }
    html.element(
        "p",
        "Schema and data scripts, migrations and the framework starting: they run once per start,"
            + " so their time and findings are kept out of every figure above. "
            + Durations.format(time.totalNanos())
            + " (database "
            + Durations.format(time.databaseNanos())
            + ", application "
            + Durations.format(time.applicationNanos())
            + ", connection "
            + Durations.format(time.connectionNanos())
            + ")"
            + (names.isEmpty() ? "" : " in " + String.join(", ", names))
            + ".",
        "class",
        "lead",
        "data-value",
        Long.toString(time.totalNanos()));
    if (!findings.isEmpty()) {
      writeList(html, findings, "S", time.databaseNanos());
    }
    html.close("section").newline();
  }

  private static void writeList(Html html, List<Finding> findings, String prefix, long database) {
    html.open("ol", "class", "findings").newline();
    for (int i = 0; i < findings.size(); i++) {
      writeFinding(html, prefix + (i + 1), findings.get(i), database);
    }
    html.close("ol").newline();
  }

  private static void writeFinding(Html html, String rank, Finding f, long database) {
    String kind = f.kind() == null ? "finding" : f.kind().label();
    boolean explained = f.explanation() != null && !f.explanation().isBlank();
    html.open("li", "class", "finding", "id", "finding-" + rank, "data-kind", kind);
    html.open("div", "class", "head");
    html.element("span", rank, "class", "rank");
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
  static void shape(Html html, QueryShape shape, boolean link) {
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
