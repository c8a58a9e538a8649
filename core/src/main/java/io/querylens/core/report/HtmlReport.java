package io.querylens.core.report;

import io.querylens.core.QueryLensSnapshot;
import io.querylens.core.ShapeSnapshot;
import io.querylens.core.config.ConfigKey;
import java.io.IOException;
import java.nio.file.Path;

/**
 * Renders a {@link QueryLensSnapshot} as one self-contained HTML page, to open in a browser or
 * attach to a ticket: it loads nothing (no network, fonts or files; its content security policy
 * forbids it), draws its charts in inline SVG, and holds, in this order, where the time went (per
 * unit-of-work name, as stacked bars of database, application and connection time), the findings,
 * the database side when a database's own statistics are read (the readers' status and the database
 * findings; {@link DatabaseSection}), the query shapes with their percentiles and latency curves
 * drawn from the recorded buckets, the connection acquire and hold distributions, and notes on
 * anything left out. Every table and chart is in the page itself; a small inline script only adds
 * sorting, filtering and opening rows.
 *
 * <p>The page also carries the {@link JsonReport} of the same snapshot in a {@code <script
 * id="querylens-data" type="application/json">} element (with each {@code <} written as its JSON
 * escape), so tools can read the page's data and the two reports cannot disagree. All text from the
 * snapshot (SQL, unit names, call sites) is escaped. A pure function of the snapshot: it reads no
 * clock, configuration or global state.
 */
public final class HtmlReport {
  private HtmlReport() {}

  /** Renders {@code s} as an HTML document. */
  public static String render(QueryLensSnapshot s) {
    Html html =
        new Html(
            24_576
                + 6_144 * s.shapes().size()
                + 1_536 * s.findings().size()
                + 1_024 * s.units().size());
    html.markup("<!DOCTYPE html>").newline();
    html.open("html", "lang", "en").newline().open("head").newline();
    html.open("meta", "charset", "utf-8").newline();
    html.open("meta", "name", "viewport", "content", "width=device-width, initial-scale=1")
        .newline();
    html.open(
            "meta",
            "http-equiv",
            "Content-Security-Policy",
            "content",
            HtmlAssets.CONTENT_SECURITY_POLICY)
        .newline();
    html.element("title", "QueryLens report, " + Figures.instant(s.takenAtMillis())).newline();
    html.open("style").markup(HtmlAssets.CSS).close("style").newline();
    html.close("head").newline();
    html.open("body").newline().open("main").newline();
    writeHeader(html, s);
    TimeSection.write(html, s);
    FindingsSection.write(html, s);
    DatabaseSection.write(html, s);
    ShapesSection.write(html, s);
    ConnectionsSection.write(html, s);
    writeNotes(html, s);
    html.element(
            "footer",
            "QueryLens report, self-contained: this page loads nothing. The same data as the JSON"
                + " report is in the element script#querylens-data.")
        .newline();
    html.close("main").newline();
    html.open("script", "type", "application/json", "id", "querylens-data")
        .markup(embeddedJson(s))
        .close("script")
        .newline();
    html.open("script").markup(HtmlAssets.SCRIPT).close("script").newline();
    html.close("body").newline().close("html").newline();
    return html.toString();
  }

  /**
   * Writes {@link #render(QueryLensSnapshot)} to {@code path} in UTF-8, creating missing parent
   * directories, through a temporary file moved into place, as {@link JsonReport#write} does.
   *
   * @throws IOException when the directories or the file cannot be written
   */
  public static void write(QueryLensSnapshot s, Path path) throws IOException {
    ReportFiles.write(render(s), path);
  }

  /**
   * The JSON report, safe inside a script element: {@code <} occurs in JSON text only inside
   * strings, where its escape ({@code \}{@code u003c}) means the same, so neither {@code </script>}
   * nor {@code <!--} can end or change the element.
   */
  static String embeddedJson(QueryLensSnapshot s) {
    return JsonReport.render(s).replace("<", "\\u003c");
  }

  private static void writeHeader(Html html, QueryLensSnapshot s) {
    long executions = 0;
    long errors = 0;
    for (ShapeSnapshot shape : s.shapes()) {
      executions += shape.count();
      errors += shape.errors();
    }
    html.open("header", "class", "top");
    html.open("h1")
        .markup(
            "<svg width=\"22\" height=\"22\" viewBox=\"0 0 22 22\" aria-hidden=\"true\">"
                + "<circle cx=\"9\" cy=\"9\" r=\"6.5\" fill=\"none\" stroke=\"#2f6fdf\""
                + " stroke-width=\"2.5\"/><path d=\"M14 14l6 6\" stroke=\"#1d2433\""
                + " stroke-width=\"3\" stroke-linecap=\"round\"/></svg>")
        .text("QueryLens report")
        .close("h1");
    StringBuilder meta = new StringBuilder();
    meta.append("taken ").append(Figures.instant(s.takenAtMillis()));
    meta.append(" · ").append(Figures.plural(s.shapes().size(), "shape"));
    meta.append(" · ").append(Figures.plural(executions, "execution"));
    if (errors > 0) {
      meta.append(" (").append(Figures.plural(errors, "error")).append(')');
    }
    meta.append(" · ").append(Figures.plural(s.findings().size(), "finding"));
    if (!s.databaseFindings().isEmpty()) {
      meta.append(", ").append(Figures.plural(s.databaseFindings().size(), "database finding"));
    }
    html.element("div", meta.toString(), "class", "meta-line");
    html.close("header").newline();
  }

  private static void writeNotes(Html html, QueryLensSnapshot s) {
    html.open("section", "id", "notes").newline();
    html.element("h2", "Notes");
    html.open("ul");
    if (s.droppedShapes() > 0) {
      html.element(
          "li",
          "Shape limit reached: "
              + Figures.plural(s.droppedShapes(), "further shape")
              + " counted together in the overflow shape (raise "
              + ConfigKey.MAX_SHAPES.key()
              + ").",
          "class",
          "dropped-shapes");
    }
    if (s.droppedFindings() > 0) {
      html.element(
          "li",
          Figures.plural(s.droppedFindings(), "further finding")
              + " dropped past "
              + ConfigKey.MAX_FINDINGS.key()
              + "; their wasted time still counts in the split.",
          "class",
          "dropped-findings");
    }
    if (s.internalFaults() > 0) {
      html.element(
          "li",
          "QueryLens caught "
              + Figures.plural(s.internalFaults(), "internal fault")
              + "; these figures may be incomplete (see the log).",
          "class",
          "faults");
    }
    html.element(
        "li",
        "execute: inside execute(), the database's work and the first round trip; fetch: inside"
            + " ResultSet.next(); process: the application's time while it holds a cursor;"
            + " pool wait: a checkout's time in a pool's getConnection() beyond connecting;"
            + " connect: opening a physical connection. Wasted: database time in round trips the"
            + " findings flag as avoidable, part of the database time.");
    html.element(
        "li",
        "Percentiles come from histograms whose buckets are at most 1/32 of their value wide;"
            + " counts, sums, minimum and maximum are exact.");
    html.close("ul").close("section").newline();
  }
}
