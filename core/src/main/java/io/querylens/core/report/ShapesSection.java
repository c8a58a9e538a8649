package io.querylens.core.report;

import io.querylens.core.Database;
import io.querylens.core.DatabaseFinding;
import io.querylens.core.DistributionSnapshot;
import io.querylens.core.Finding;
import io.querylens.core.QueryLensSnapshot;
import io.querylens.core.QueryShape;
import io.querylens.core.ServerSide;
import io.querylens.core.ShapeSnapshot;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The HTML report's shape table, by total time: per shape its count, errors, total with its split
 * as a bar, execute p50/p95/p99/max and the p95 of fetch, process and rows, and, when the server's
 * side of some shape is known, the server's time per execution and the client's outside it; below
 * each row (opened by its button when scripts run, always shown when they do not) every percentile
 * of the four distributions, their percentile curves and the server's figures ({@link
 * ServerFacts}). Rows are tagged with their operation and the kinds of the findings and database
 * findings about them, which the page's filters read. Schema statements (DDL) come after the
 * application's shapes, marked as such.
 */
final class ShapesSection {
  /** Columns of a shape row, for the distribution row below it to span. */
  private static final int COLUMNS = 13;

  private ShapesSection() {}

  static void write(Html html, QueryLensSnapshot s) {
    List<ShapeSnapshot> shapes = ddlLast(s.shapes());
    html.open("section", "id", "shapes-section").newline();
    html.open("h2")
        .text("Query shapes ")
        .element("span", Figures.count(shapes.size()), "class", "badge")
        .close("h2");
    if (shapes.isEmpty()) {
      html.element("p", "No JDBC executions recorded.", "class", "none");
      html.close("section").newline();
      return;
    }
    html.element(
        "p",
        "By total time (execute + fetch + process), the schema statements (DDL) after the"
            + " application's. Open a row for every percentile and its latency curves.",
        "class",
        "lead");
    Map<QueryShape, Set<String>> kinds = findingKinds(s);
    boolean server = ServerTexts.anyServer(shapes);
    writeFilters(html, shapes, kinds);
    long all = 0;
    long scale = 0;
    for (ShapeSnapshot shape : shapes) {
      all += shape.totalNanos();
      scale = Math.max(scale, TimeParts.total(TimeParts.of(shape)));
    }
    html.open("table", "id", "shapes", "class", "sortable shapes").open("thead");
    html.open("tr", "class", "groups")
        .open("th", "colspan", "6")
        .close("th")
        .element("th", "execute", "colspan", "4", "class", "group")
        .element("th", "p95", "colspan", "3", "class", "group");
    if (server) {
      html.element("th", "per execution", "colspan", "2", "class", "group");
    }
    html.close("tr");
    html.open("tr");
    html.sortHeader("#", "num");
    html.sortHeader("shape", "text");
    html.sortHeader("count", "num");
    html.sortHeader("errors", "num");
    html.sortHeader("total", "num");
    html.sortHeader("share", "num");
    for (String column : new String[] {"p50", "p95", "p99", "max", "fetch", "process", "rows"}) {
      html.sortHeader(column, "num");
    }
    if (server) {
      html.sortHeader("server", "num");
      html.sortHeader("outside", "num");
    }
    html.close("tr").close("thead").newline();
    for (int i = 0; i < shapes.size(); i++) {
      writeShape(html, i + 1, shapes.get(i), kinds, all, scale, server);
    }
    html.close("table").newline();
    html.element(
        "p", "No shape matches the filter.", "id", "no-match", "class", "none", "hidden", "");
    html.close("section").newline();
  }

  /**
   * {@code shapes} in their order, the DDL shapes ({@link QueryShape#isDdl()}) moved after the
   * rest.
   */
  static List<ShapeSnapshot> ddlLast(List<ShapeSnapshot> shapes) {
    List<ShapeSnapshot> ordered = new ArrayList<>(shapes.size());
    List<ShapeSnapshot> ddl = new ArrayList<>();
    for (ShapeSnapshot shape : shapes) {
      (shape.shape() != null && shape.shape().isDdl() ? ddl : ordered).add(shape);
    }
    ordered.addAll(ddl);
    return ordered;
  }

  private static void writeFilters(
      Html html, List<ShapeSnapshot> shapes, Map<QueryShape, Set<String>> kinds) {
    Set<String> operations = new TreeSet<>();
    Set<String> kindLabels = new TreeSet<>();
    for (ShapeSnapshot shape : shapes) {
      QueryShape q = shape.shape();
      if (q != null && !q.operation().isEmpty()) {
        operations.add(q.operation());
      }
      kindLabels.addAll(kinds.getOrDefault(q, Set.of()));
    }
    // shown by the script: without it nothing would filter
    html.open("div", "class", "filters", "hidden", "");
    html.open(
            "input",
            "type",
            "search",
            "id",
            "shape-filter",
            "placeholder",
            "Filter SQL, shape id or table",
            "aria-label",
            "Filter shapes by text")
        .newline();
    html.open("select", "id", "op-filter", "aria-label", "Operation");
    html.element("option", "all operations", "value", "");
    for (String op : operations) {
      html.element("option", op, "value", op);
    }
    html.close("select");
    html.open("select", "id", "kind-filter", "aria-label", "Findings");
    html.element("option", "with or without findings", "value", "");
    html.element("option", "with findings", "value", "*");
    for (String kind : kindLabels) {
      html.element("option", kind, "value", kind);
    }
    html.close("select");
    html.element("span", "", "id", "shape-count", "class", "muted");
    html.close("div").newline();
  }

  private static void writeShape(
      Html html,
      int rank,
      ShapeSnapshot shape,
      Map<QueryShape, Set<String>> kinds,
      long all,
      long scale,
      boolean serverColumns) {
    QueryShape q = shape.shape();
    String id = q == null ? "0000000000000000" : q.id();
    Set<String> shapeKinds = kinds.getOrDefault(q, Set.of());
    boolean ddl = q != null && q.isDdl();
    html.open(
        "tbody",
        "class",
        ddl ? "shape ddl" : "shape",
        "id",
        "shape-" + id,
        "data-op",
        q == null ? "" : q.operation(),
        "data-kinds",
        String.join(" ", shapeKinds));
    html.open("tr", "class", "main");
    html.number("rank", rank, Integer.toString(rank));
    html.open("td", "class", "sql");
    html.element(
        "button",
        "",
        "type",
        "button",
        "class",
        "toggle",
        "aria-expanded",
        "false",
        "title",
        "Show distributions");
    html.element("code", q == null ? "" : q.text());
    html.open("div", "class", "meta");
    if (q != null && !q.operation().isEmpty()) {
      html.element("span", q.operation(), "class", "op");
    }
    if (ddl) {
      html.element("span", "DDL", "class", "op ddl", "title", "a schema statement");
    }
    html.element("span", id, "class", "id");
    for (String kind : shapeKinds) {
      html.element("span", kind, "class", "kind k-" + kind);
    }
    html.close("div").close("td");
    html.number("count", shape.count(), Figures.count(shape.count()));
    html.number(
        "errors", shape.errors(), shape.errors() == 0 ? "-" : Figures.count(shape.errors()));
    html.number("total", shape.totalNanos(), Durations.format(shape.totalNanos()));
    html.open("td", "class", "share", "data-value", Long.toString(shape.totalNanos()));
    StackedBar.write(html, TimeParts.of(shape), scale, 10);
    html.element("span", Figures.percent(shape.totalNanos(), all), "class", "pct");
    html.close("td");
    DistributionSnapshot execute = orEmpty(shape.execute());
    time(html, "p50", execute, execute.p50());
    time(html, "p95", execute, execute.p95());
    time(html, "p99", execute, execute.p99());
    time(html, "max", execute, execute.max());
    time(html, "fetch", orEmpty(shape.fetch()), orEmpty(shape.fetch()).p95());
    time(html, "process", orEmpty(shape.process()), orEmpty(shape.process()).p95());
    DistributionSnapshot rows = orEmpty(shape.rows());
    html.number("rows", rows.p95(), rows.count() == 0 ? "-" : Figures.count(rows.p95()));
    if (serverColumns) {
      writeServerColumns(html, shape);
    }
    html.close("tr").newline();
    html.open("tr", "class", "dist")
        .open("td", "colspan", Integer.toString(COLUMNS + (serverColumns ? 2 : 0)));
    html.open("div", "class", "dist-body").open("div");
    DistributionTable.write(
        html,
        List.of(
            new DistributionTable.Row("execute", shape.execute(), true),
            new DistributionTable.Row("fetch", shape.fetch(), true),
            new DistributionTable.Row("process", shape.process(), true),
            new DistributionTable.Row("rows", shape.rows(), false)));
    writeFacts(html, shape);
    ServerFacts.write(html, shape);
    html.close("div");
    PercentileChart.write(
        html,
        "latency by percentile",
        List.of(
            new PercentileChart.Series("execute", "execute", shape.execute()),
            new PercentileChart.Series("fetch", "fetch", shape.fetch()),
            new PercentileChart.Series("process", "process", shape.process())));
    html.close("div").close("td").close("tr").close("tbody").newline();
  }

  /** What the shape names and where it ran. */
  private static void writeFacts(Html html, ShapeSnapshot shape) {
    QueryShape q = shape.shape();
    html.open("dl", "class", "facts");
    if (q != null && !q.tables().isEmpty()) {
      html.element("dt", "tables").element("dd", String.join(", ", q.tables()));
    }
    if (q != null && !q.summary().isEmpty()) {
      html.element("dt", "summary").element("dd", q.summary());
    }
    Database db = shape.database();
    if (db != null) {
      StringBuilder where = new StringBuilder(db.systemName() == null ? "" : db.systemName());
      if (db.serverAddress() != null) {
        where.append(" at ").append(db.serverAddress());
        if (db.serverPort() > 0) {
          where.append(':').append(db.serverPort());
        }
      }
      if (db.namespace() != null) {
        where.append(", ").append(db.namespace());
      }
      html.element("dt", "database").element("dd", where.toString());
    }
    html.close("dl");
  }

  /**
   * The server's time per execution and the client's beyond it; a shape the server's statistics did
   * not match says so rather than showing a guess.
   */
  private static void writeServerColumns(Html html, ShapeSnapshot shape) {
    ServerSide server = shape.server();
    if (server == null) {
      html.element("td", "no server match", "class", "num server none", "data-value", "-1");
      html.number("outside", -1, "-");
      return;
    }
    long outside = ServerTexts.outsideNanos(shape, server);
    if (outside < 0) {
      html.number("server", -1, "-");
      html.number("outside", -1, "-");
    } else {
      html.number("server", server.meanNanos(), Durations.format(server.meanNanos()));
      html.number("outside", outside, Durations.format(outside));
    }
  }

  private static void time(Html html, String css, DistributionSnapshot d, long nanos) {
    html.number(css, nanos, d.count() == 0 ? "-" : Durations.format(nanos));
  }

  /** The kinds of the findings and database findings about each shape, in label order. */
  private static Map<QueryShape, Set<String>> findingKinds(QueryLensSnapshot s) {
    Map<QueryShape, Set<String>> kinds = new HashMap<>();
    for (Finding f : s.findings()) {
      if (f.shape() != null && f.kind() != null) {
        kinds.computeIfAbsent(f.shape(), k -> new TreeSet<>()).add(f.kind().label());
      }
    }
    for (DatabaseFinding f : s.databaseFindings()) {
      if (f.shape() != null) {
        kinds.computeIfAbsent(f.shape(), k -> new TreeSet<>()).add(f.kind().label());
      }
    }
    return kinds;
  }

  private static DistributionSnapshot orEmpty(DistributionSnapshot d) {
    return d == null ? DistributionSnapshot.EMPTY : d;
  }
}
