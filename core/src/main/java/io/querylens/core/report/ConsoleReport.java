package io.querylens.core.report;

import io.querylens.core.ConnectionSnapshot;
import io.querylens.core.DatabaseFinding;
import io.querylens.core.DistributionSnapshot;
import io.querylens.core.Finding;
import io.querylens.core.Phase;
import io.querylens.core.QueryLensSnapshot;
import io.querylens.core.QueryShape;
import io.querylens.core.ServerSide;
import io.querylens.core.ShapeSnapshot;
import io.querylens.core.TimeSplit;
import io.querylens.core.UnitSnapshot;
import io.querylens.core.config.ConfigKey;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Renders a {@link QueryLensSnapshot} as a plain-text summary for a terminal, in this order:
 * counts; where the time went (database, application and connection time, and the database time the
 * findings flag as waste), the one headline total; the slowest unit-of-work names with their split;
 * the findings, one block each with the repeated (or explained) and parent shapes, call site, the
 * names of its units and hint, and which of them the live WARN log held back; start-up, apart: its
 * time and its findings ({@link Phase#STARTUP}), none of them in the figures before it; the
 * database side, when some database's own statistics are read ({@link ConsoleDatabaseSection}); the
 * query shapes that took the most time, with their own total and, when the server's side of some is
 * known, the server's time per execution and the client's time outside it, DDL shapes grouped on
 * one line after them; connection pool wait, connect and hold times; and notes on anything left
 * out. Every shape printed starts with its id ({@link QueryShape#id()}, as in the JSON report and
 * OpenTelemetry's {@code querylens.shape.id}). Lines end with {@code \n} and stay within {@value
 * #WIDTH} columns: SQL is shortened from the middle so that its FROM and WHERE stay ({@link
 * SqlShortener}) and two different shapes never print alike ({@link ShapeTexts}); call sites keep
 * class, method, file and line ({@link CallSiteText}); hints and names are wrapped. A pure function
 * of the snapshot: it reads no clock, configuration or global state.
 */
public final class ConsoleReport {
  /** The widest line the report writes, in characters. */
  static final int WIDTH = 120;

  /** Unit names listed at most. */
  static final int MAX_UNITS = 10;

  /** Findings listed even when {@code top} asks for fewer, since they are the report's point. */
  static final int MIN_FINDINGS = 3;

  private static final String SHAPE_INDENT = "      ";

  /** Unit names a finding block lists before saying how many more there are. */
  private static final int MAX_UNIT_NAMES_SHOWN = 3;

  /** The kind column of the held-back findings not shown: the longest built-in kind's label. */
  private static final int KIND_WIDTH = "unbounded-result".length();

  /** Between a shape's id and its SQL. */
  private static final String ID_GAP = "  ";

  /** A shape id's width: 16 hex digits. */
  private static final int ID_WIDTH = 16;

  /** Room for SQL under a row of the shape table. */
  private static final int TABLE_SQL_WIDTH =
      WIDTH - SHAPE_INDENT.length() - ID_WIDTH - ID_GAP.length();

  private static final String ROW_FORMAT = "%4s %9s %6s %8s %6s %9s %9s %9s %9s %9s %9s %9s\n";

  /**
   * The shape table's row when some shape has the server's side: narrower time columns, then the
   * server's time per execution and the client's time outside it.
   */
  private static final String SERVER_ROW_FORMAT =
      "%4s %9s %6s %8s %6s %8s %8s %8s %8s %8s %8s %8s %8s %8s\n";

  /** The two server columns of a shape the server's statistics did not match, as one. */
  private static final String NO_SERVER_FORMAT =
      "%4s %9s %6s %8s %6s %8s %8s %8s %8s %8s %8s %8s %17s\n";

  private static final int UNIT_NAME_WIDTH = 30;
  private static final String UNIT_FORMAT =
      "  %-" + UNIT_NAME_WIDTH + "s %5s %7s %7s %7s %7s %7s %7s %7s %7s %7s %8s\n";

  /** Where the columns of all units of a name start: after name, units and execs. */
  private static final int UNIT_GROUP_COLUMN = 2 + UNIT_NAME_WIDTH + 6 + 8;

  /** total, db, app, conn and wasted. */
  private static final int UNIT_TOTAL_WIDTH = 5 * 8;

  /** total, db and app of the slowest unit. */
  private static final int UNIT_SLOWEST_WIDTH = 3 * 8;

  /** Finding blocks: a numbered title, then labelled lines whose text starts at this column. */
  private static final String FINDING_INDENT = "     ";

  private static final int FINDING_LABEL_WIDTH = 11;

  /** Room for a labelled line's text in a finding block. */
  static final int FINDING_TEXT_WIDTH = WIDTH - FINDING_INDENT.length() - FINDING_LABEL_WIDTH;

  /** Room for SQL on a finding's labelled line, after the shape's id. */
  private static final int FINDING_SQL_WIDTH = FINDING_TEXT_WIDTH - ID_WIDTH - ID_GAP.length();

  private ConsoleReport() {}

  /**
   * Renders the summary.
   *
   * @param s the snapshot; its shapes are expected in descending order of total time
   * @param top how many shapes and findings to list; 0 lists no shapes and only reports how many
   *     there are. Findings are listed up to {@code top}, but never fewer than {@value
   *     #MIN_FINDINGS} when there are that many.
   * @throws IllegalArgumentException when {@code top} is negative
   */
  public static String render(QueryLensSnapshot s, int top) {
    if (top < 0) {
      throw new IllegalArgumentException("top must be >= 0, was " + top);
    }
    StringBuilder out = new StringBuilder(1024);
    List<ShapeSnapshot> shapes = s.shapes();
    long executions = 0;
    long errors = 0;
    long totalNanos = 0;
    for (ShapeSnapshot shape : shapes) {
      executions += shape.count();
      errors += shape.errors();
      totalNanos += shape.totalNanos();
    }
    ConnectionSnapshot connections = s.connections();
    DistributionSnapshot acquire =
        connections == null ? DistributionSnapshot.EMPTY : orEmpty(connections.acquire());
    DistributionSnapshot connect =
        connections == null ? DistributionSnapshot.EMPTY : orEmpty(connections.connect());
    DistributionSnapshot hold =
        connections == null ? DistributionSnapshot.EMPTY : orEmpty(connections.hold());
    long acquireErrors = connections == null ? 0 : connections.acquireErrors();

    List<ShapeSnapshot> ddl = new ArrayList<>();
    List<ShapeSnapshot> queries = new ArrayList<>(shapes.size());
    for (ShapeSnapshot shape : shapes) {
      (shape.shape() != null && shape.shape().isDdl() ? ddl : queries).add(shape);
    }
    int shown = Math.min(top, queries.size());
    List<Finding> findings = new ArrayList<>();
    List<Finding> startupFindings = new ArrayList<>();
    for (Finding f : s.findings()) {
      (f.phase() == Phase.STARTUP ? startupFindings : findings).add(f);
    }
    int findingsShown = findingsShown(findings.size(), top);
    int startupShown = findingsShown(startupFindings.size(), top);
    List<Finding> printed = new ArrayList<>(findings.subList(0, findingsShown));
    printed.addAll(startupFindings.subList(0, startupShown));
    int databaseShown =
        s.serverStats().isEmpty() ? 0 : findingsShown(s.databaseFindings().size(), top);
    ShapeTexts texts =
        shapeTexts(queries, shown, printed, printed.size(), s.databaseFindings(), databaseShown);
    if (shapes.isEmpty()) {
      out.append("QueryLens summary: no JDBC executions recorded\n");
    } else {
      // no total here: "Where the time went" is the one headline total, the shape table has its own
      out.append("QueryLens summary: ")
          .append(plural(shapes.size(), "shape"))
          .append(", ")
          .append(plural(executions, "execution"));
      if (errors > 0) {
        out.append(" (").append(plural(errors, "error")).append(')');
      }
      out.append('\n');
      TimeSplit time = orEmpty(s.time());
      TimeSplit startupTime = orEmpty(s.startupTime());
      if (time.totalNanos() == 0 && startupTime.totalNanos() == 0) {
        time = TimeParts.fromShapes(s); // no unit-of-work tracking
      }
      appendTime(out, time, !findings.isEmpty());
      appendUnits(out, s.units());
      appendFindings(
          out,
          findings,
          findingsShown,
          !startupFindings.isEmpty(),
          s.droppedFindings(),
          time.databaseNanos(),
          texts);
      appendStartup(out, startupTime, s.startupUnits(), startupFindings, startupShown, texts);
      // after start-up: its figures cover the whole run, start-up included
      ConsoleDatabaseSection.append(out, s, databaseShown, texts);
    }

    if (shown > 0) {
      out.append('\n');
      out.append("Query shapes by total time")
          .append(shown < queries.size() ? ", top " + shown + " of " + queries.size() : "")
          .append(ddl.isEmpty() ? "" : ", DDL apart")
          .append(" (all ")
          .append(plural(shapes.size(), "shape"))
          .append(" together: ")
          .append(Durations.format(totalNanos))
          .append(" of execute + fetch + process)\n");
      out.append(
              "  (each row's shape follows it: its id, as in the JSON report and OpenTelemetry's")
          .append(" querylens.shape.id, then its SQL)\n");
      boolean server = ServerTexts.anyServer(queries.subList(0, shown));
      String format = server ? SERVER_ROW_FORMAT : ROW_FORMAT;
      out.append(
          String.format(
              Locale.ROOT,
              format,
              "#",
              "count",
              "errors",
              "total",
              "%all",
              "exec p50",
              "exec p95",
              "exec p99",
              "exec max",
              "fetch",
              "process",
              "rows",
              "server",
              "outside"));
      out.append(
          String.format(
              Locale.ROOT,
              format,
              "",
              "",
              "",
              "",
              "",
              "",
              "",
              "",
              "",
              "mean",
              "mean",
              "mean",
              "per exec",
              "per exec"));
      for (int i = 0; i < shown; i++) {
        appendShape(out, i + 1, queries.get(i), totalNanos, texts, server);
      }
    }
    if (top > 0 && !ddl.isEmpty()) {
      appendDdl(out, ddl, totalNanos);
    }

    out.append('\n');
    if (acquire.count() == 0 && connect.count() == 0 && hold.count() == 0 && acquireErrors == 0) {
      out.append("Connections: none recorded\n");
    } else {
      appendConnections(out.append("Connections: "), "pool wait", acquire);
      if (acquireErrors > 0) {
        out.append("  (").append(plural(acquireErrors, "failed acquire")).append(')');
      }
      appendConnections(out.append("\n             "), "connect", connect);
      appendConnections(out.append("\n             "), "hold", hold);
      out.append('\n');
    }

    appendFooter(out, s, queries, shown);
    return out.toString();
  }

  /**
   * The DDL shapes as one group, after the application's: how many, their executions and time, and
   * the count per operation ({@code CREATE 20, DROP 8}).
   */
  private static void appendDdl(StringBuilder out, List<ShapeSnapshot> ddl, long all) {
    long executions = 0;
    long nanos = 0;
    Map<String, Integer> operations = new LinkedHashMap<>();
    for (ShapeSnapshot shape : ddl) {
      executions += shape.count();
      nanos += shape.totalNanos();
      operations.merge(shape.shape().operation(), 1, Integer::sum);
    }
    StringBuilder kinds = new StringBuilder();
    for (Map.Entry<String, Integer> e : operations.entrySet()) {
      kinds.append(kinds.length() == 0 ? "" : ", ").append(e.getKey()).append(' ');
      kinds.append(e.getValue());
    }
    String line =
        "DDL (schema statements): "
            + plural(ddl.size(), "shape")
            + " ("
            + kinds
            + "), "
            + plural(executions, "execution")
            + ", "
            + Durations.format(nanos)
            + " ("
            + Figures.percent(nanos, all)
            + " of total time)";
    out.append('\n').append(oneLine(line, WIDTH)).append('\n');
  }

  /**
   * The start-up section, after the other findings: start-up time, kept out of the figures above,
   * and the start-up findings, numbered on from {@code S1}. Nothing when start-up left no trace.
   */
  private static void appendStartup(
      StringBuilder out,
      TimeSplit time,
      List<UnitSnapshot> units,
      List<Finding> findings,
      int shown,
      ShapeTexts texts) {
    if (time.totalNanos() == 0 && findings.isEmpty()) {
      return;
    }
    long count = 0;
    StringBuilder names = new StringBuilder();
    for (int i = 0; i < units.size(); i++) {
      count += units.get(i).units();
      if (i < 3) {
        names.append(i == 0 ? "" : ", ").append(units.get(i).name());
      }
    }
    if (units.size() > 3) {
      names.append(", ...");
    }
    String line =
        "Start-up, kept out of the figures above: "
            + Durations.format(time.totalNanos())
            + " (database "
            + Durations.format(time.databaseNanos())
            + ", application "
            + Durations.format(time.applicationNanos())
            + ", connection "
            + Durations.format(time.connectionNanos())
            + ")"
            + (count == 0 ? "" : " in " + plural(count, "unit") + " (" + names + ")");
    out.append('\n').append(oneLine(line, WIDTH)).append('\n');
    if (findings.isEmpty()) {
      return;
    }
    out.append("Start-up findings: ")
        .append(findings.size())
        .append(shown < findings.size() ? ", the first " + shown : "")
        .append(" (schema and data scripts, framework start-up: they run once per start)\n");
    for (int i = 0; i < shown; i++) {
      appendFinding(out, "S" + (i + 1), findings.get(i), time.databaseNanos(), "start-up ", texts);
    }
    if (shown < findings.size()) {
      out.append('\n')
          .append("  Not shown: ")
          .append(plural(findings.size() - shown, "more start-up finding"))
          .append('\n');
    }
  }

  /** One distribution of the connections section: percentiles and count. */
  private static void appendConnections(StringBuilder out, String name, DistributionSnapshot d) {
    out.append(String.format(Locale.ROOT, "%-9s", name))
        .append(" p50 ")
        .append(duration(d, d.p50()))
        .append("  p99 ")
        .append(duration(d, d.p99()))
        .append("  max ")
        .append(duration(d, d.max()))
        .append("  count ")
        .append(d.count());
  }

  private static void appendTime(StringBuilder out, TimeSplit time, boolean findings) {
    long all = time.totalNanos();
    long database = time.databaseNanos();
    out.append('\n');
    out.append("Where the time went: ").append(Durations.format(all)).append('\n');
    appendSplitLine(
        out,
        "database",
        database,
        all,
        "execute "
            + Durations.format(time.dbExecuteNanos())
            + " + fetch "
            + Durations.format(time.dbFetchNanos()));
    if (findings || time.wastedRoundTripNanos() > 0) {
      out.append(
          String.format(
              Locale.ROOT,
              "    %-10s %8s %6s  of database time, in round trips the findings flag as waste\n",
              "wasted",
              Durations.format(time.wastedRoundTripNanos()),
              Figures.percent(time.wastedRoundTripNanos(), database)));
    }
    appendSplitLine(
        out,
        "application",
        time.applicationNanos(),
        all,
        "process " + Durations.format(time.appProcessNanos()));
    appendSplitLine(
        out,
        "connection",
        time.connectionNanos(),
        all,
        "pool wait "
            + Durations.format(time.poolWaitNanos())
            + " + connect "
            + Durations.format(time.connectNanos()));
    out.append(
        "  (execute = inside execute(), fetch = inside next(),"
            + " process = application time while a cursor is open,\n"
            + "   pool wait = in a pool's getConnection() beyond connecting,"
            + " connect = opening physical connections)\n");
  }

  private static void appendSplitLine(
      StringBuilder out, String side, long nanos, long all, String detail) {
    out.append(
        String.format(
            Locale.ROOT,
            "  %-12s %8s %6s  %s\n",
            side,
            Durations.format(nanos),
            Figures.percent(nanos, all),
            detail));
  }

  private static void appendUnits(StringBuilder out, List<UnitSnapshot> units) {
    if (units.isEmpty()) {
      return;
    }
    int shown = Math.min(MAX_UNITS, units.size());
    out.append('\n');
    out.append("Slowest units of work")
        .append(shown < units.size() ? " (" + shown + " of " + units.size() + " names)" : "")
        .append('\n');
    out.append(" ".repeat(UNIT_GROUP_COLUMN))
        .append(dashed("all units of the name", UNIT_TOTAL_WIDTH))
        .append(dashed("slowest unit", UNIT_SLOWEST_WIDTH))
        .append('\n');
    out.append(
        String.format(
            Locale.ROOT,
            UNIT_FORMAT,
            "name",
            "units",
            "execs",
            "total",
            "db",
            "app",
            "conn",
            "wasted",
            "total",
            "db",
            "app",
            "findings"));
    for (int i = 0; i < shown; i++) {
      UnitSnapshot unit = units.get(i);
      String name = oneLine(unit.name() == null ? "" : unit.name(), WIDTH - 2);
      if (name.codePointCount(0, name.length()) > UNIT_NAME_WIDTH) {
        // a long route keeps its whole name on a line of its own, the figures go below it
        out.append("  ").append(name).append('\n');
        name = "";
      }
      TimeSplit total = orEmpty(unit.total());
      TimeSplit slowest = orEmpty(unit.slowest());
      out.append(
          String.format(
              Locale.ROOT,
              UNIT_FORMAT,
              padCodePoints(name, UNIT_NAME_WIDTH),
              count(unit.units(), 5),
              count(unit.executions(), 7),
              Durations.format(total.totalNanos()),
              Durations.format(total.databaseNanos()),
              Durations.format(total.applicationNanos()),
              total.connectionNanos() == 0 ? "-" : Durations.format(total.connectionNanos()),
              total.wastedRoundTripNanos() == 0
                  ? "-"
                  : Durations.format(total.wastedRoundTripNanos()),
              Durations.format(slowest.totalNanos()),
              Durations.format(slowest.databaseNanos()),
              Durations.format(slowest.applicationNanos()),
              count(unit.findings(), 8)));
    }
    if (shown < units.size()) {
      out.append("  Not shown: ").append(plural(units.size() - shown, "more name")).append('\n');
    }
  }

  /** Findings listed: up to {@code top}, but never fewer than {@value #MIN_FINDINGS}. */
  private static int findingsShown(int findings, int top) {
    return Math.max(Math.min(top, findings), Math.min(MIN_FINDINGS, findings));
  }

  /** Every place the report prints a shape: finding blocks and the shape table. */
  private static ShapeTexts shapeTexts(
      List<ShapeSnapshot> shapes,
      int shapesShown,
      List<Finding> findings,
      int findingsShown,
      List<DatabaseFinding> databaseFindings,
      int databaseShown) {
    ShapeTexts.Builder texts = ShapeTexts.builder();
    for (int i = 0; i < databaseShown; i++) {
      texts.add(databaseFindings.get(i).shape(), FINDING_SQL_WIDTH);
    }
    for (int i = 0; i < findingsShown; i++) {
      Finding f = findings.get(i);
      texts.add(f.shape(), FINDING_SQL_WIDTH);
      texts.add(f.parentShape(), FINDING_SQL_WIDTH - parentRows(f).length());
    }
    for (int i = 0; i < shapesShown; i++) {
      texts.add(shapes.get(i).shape(), TABLE_SQL_WIDTH);
    }
    return texts.build();
  }

  private static void appendFindings(
      StringBuilder out,
      List<Finding> findings,
      int shown,
      boolean startupFindings,
      long dropped,
      long databaseNanos,
      ShapeTexts texts) {
    out.append('\n');
    if (findings.isEmpty()) {
      if (dropped > 0) {
        appendDroppedFindings(out.append("Findings: 0 kept\n"), dropped);
      } else if (startupFindings) {
        out.append("No findings outside start-up.\n");
      } else {
        out.append("No N+1, duplicate or chatty-write findings.\n");
      }
      return;
    }
    out.append("Findings: ")
        .append(findings.size())
        .append(shown < findings.size() ? ", the first " + shown : "")
        .append(" (most wasted time first)\n");
    for (int i = 0; i < shown; i++) {
      appendFinding(out, String.valueOf(i + 1), findings.get(i), databaseNanos, "", texts);
    }
    if (shown < findings.size()) {
      long hiddenNanos = 0;
      List<Finding> heldBack = new ArrayList<>();
      for (int i = shown; i < findings.size(); i++) {
        Finding f = findings.get(i);
        hiddenNanos += f.wastedNanos();
        if (f.heldBack()) {
          heldBack.add(f);
        }
      }
      out.append('\n')
          .append("  Not shown: ")
          .append(plural(findings.size() - shown, "more finding"))
          .append(", ")
          .append(Durations.format(hiddenNanos))
          .append(" wasted\n");
      appendHeldBack(out, heldBack);
    }
    if (dropped > 0) {
      appendDroppedFindings(out, dropped);
    }
  }

  /**
   * The findings not shown whose live WARN line was held back, one line each (kind, shape id, call
   * site), so that no finding goes unreported.
   */
  private static void appendHeldBack(StringBuilder out, List<Finding> heldBack) {
    if (heldBack.isEmpty()) {
      return;
    }
    out.append("  Of these, held back from the live WARN log (at most one line a second):\n");
    for (Finding f : heldBack) {
      String kind = f.kind() == null ? "finding" : f.kind().label();
      String start =
          FINDING_INDENT
              + padCodePoints(oneLine(kind, Integer.MAX_VALUE), KIND_WIDTH)
              + " "
              + (f.shape() == null ? " ".repeat(ID_WIDTH) : f.shape().id())
              + ID_GAP;
      List<String> site = CallSiteText.lines(callSite(f), WIDTH - start.length());
      out.append(start).append(site.get(0)).append('\n');
      for (int i = 1; i < site.size(); i++) {
        out.append(" ".repeat(start.length())).append(site.get(i)).append('\n');
      }
    }
  }

  /** The line for findings not kept; their wasted time is still in the split above. */
  private static void appendDroppedFindings(StringBuilder out, long dropped) {
    out.append('\n')
        .append("  ")
        .append(plural(dropped, "further finding"))
        .append(" dropped past ")
        .append(ConfigKey.MAX_FINDINGS.key())
        .append('\n');
  }

  /**
   * One finding's block, titled {@code rank}; its wasted time as a share of {@code databaseNanos},
   * the database time of its phase, named with {@code phase} ({@code ""} or {@code "start-up "}).
   */
  private static void appendFinding(
      StringBuilder out,
      String rank,
      Finding f,
      long databaseNanos,
      String phase,
      ShapeTexts texts) {
    // a finding with an explanation says what was seen; wasted time, when it has none, says nothing
    boolean explained = f.explanation() != null && !f.explanation().isBlank();
    StringBuilder title = new StringBuilder(96);
    title.append(f.kind() == null ? "finding" : f.kind().label()).append(": ");
    if (!explained || f.wastedNanos() > 0) {
      title.append(Durations.format(f.wastedNanos())).append(" wasted");
      if (databaseNanos > 0) {
        title
            .append(" (")
            .append(Figures.percent(f.wastedNanos(), databaseNanos))
            .append(" of ")
            .append(phase)
            .append("database time)");
      }
      if (explained) {
        title.append("; ");
      }
    }
    if (explained) {
      title.append(f.explanation());
    }
    title
        .append("; ")
        .append(plural(f.totalCount(), "execution"))
        .append(" in ")
        .append(plural(f.occurrences(), "unit"))
        .append(", up to ")
        .append(f.maxCount())
        .append(" in one");
    appendBlockTitle(out, rank, title.toString());

    appendShapeLines(
        out, explained ? "query" : "repeated", f.shape(), FINDING_SQL_WIDTH, "", texts);
    if (f.parentShape() != null) {
      String rows = parentRows(f);
      appendShapeLines(
          out, "parent", f.parentShape(), FINDING_SQL_WIDTH - rows.length(), rows, texts);
    }
    appendLines(out, "call site", CallSiteText.lines(callSite(f), FINDING_TEXT_WIDTH));
    if (!f.unitNames().isEmpty()) {
      appendLines(
          out,
          f.occurrences() > 1 ? "units" : "unit",
          breakLines(unitNames(f, MAX_UNIT_NAMES_SHOWN), FINDING_TEXT_WIDTH));
    }
    if (f.hint() != null && !f.hint().isBlank()) {
      appendLines(out, "hint", wrap(f.hint(), FINDING_TEXT_WIDTH));
    }
    if (f.heldBack()) {
      appendLines(
          out,
          "live log",
          wrap(
              "held back (at most one WARN line a second): reported here first",
              FINDING_TEXT_WIDTH));
    }
  }

  /** A finding block's first line: a blank line, {@code rank.}, then {@code title} on one line. */
  static void appendBlockTitle(StringBuilder out, String rank, String title) {
    String number = rank + ".";
    out.append('\n').append("  ").append(number);
    // at least one space, so that a long number ({@code S10.}) stays apart from the title
    out.append(" ".repeat(Math.max(1, FINDING_INDENT.length() - 2 - number.length())));
    out.append(oneLine(title, WIDTH - FINDING_INDENT.length())).append('\n');
  }

  /** A labelled shape in a finding block: its id and its SQL as {@code texts} prints it. */
  static void appendShapeLines(StringBuilder out, String name, QueryShape shape, ShapeTexts texts) {
    appendShapeLines(out, name, shape, FINDING_SQL_WIDTH, "", texts);
  }

  private static String callSite(Finding f) {
    return f.callSite() == null ? "(unknown)" : f.callSite();
  }

  /** {@code " (N rows)"} after a parent whose row count is known, else empty. */
  private static String parentRows(Finding f) {
    return f.parentShape() == null || f.parentRows() < 0
        ? ""
        : "  (" + plural(f.parentRows(), "row") + ")";
  }

  /** The first {@code atMost} unit names of {@code f}, and how many more there were. */
  static String unitNames(Finding f, int atMost) {
    List<String> names = f.unitNames();
    int shown = Math.min(atMost, names.size());
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < shown; i++) {
      text.append(i == 0 ? "" : ", ").append(names.get(i));
    }
    long more = Math.max(f.unitNameCount(), names.size()) - shown;
    if (more > 0) {
      text.append(" and ").append(more).append(more == 1 ? " more name" : " more names");
    }
    return text.toString();
  }

  /**
   * A labelled shape in a finding block: its id, then its SQL as {@code texts} prints it at {@code
   * width}, continued under the SQL; {@code suffix} follows the last line.
   */
  private static void appendShapeLines(
      StringBuilder out,
      String name,
      QueryShape shape,
      int width,
      String suffix,
      ShapeTexts texts) {
    out.append(label(name));
    appendShapeText(
        out, shape, width, texts, FINDING_INDENT.length() + FINDING_LABEL_WIDTH, suffix);
  }

  /**
   * {@code shape}'s id and SQL lines, the first after what {@code out} holds (at column {@code
   * column}), the others indented under the SQL; {@code suffix} ends the last line.
   */
  private static void appendShapeText(
      StringBuilder out, QueryShape shape, int width, ShapeTexts texts, int column, String suffix) {
    if (shape == null) {
      out.append(suffix).append('\n');
      return;
    }
    List<String> lines = texts.lines(shape, width);
    String indent = " ".repeat(column + ID_WIDTH + ID_GAP.length());
    out.append(shape.id()).append(ID_GAP);
    for (int i = 0; i < lines.size(); i++) {
      out.append(i == 0 ? "" : indent).append(lines.get(i));
      out.append(i == lines.size() - 1 ? suffix : "").append('\n');
    }
  }

  /** Labelled lines of a finding block: the label on the first, the others indented under it. */
  static void appendLines(StringBuilder out, String name, List<String> lines) {
    String indent = FINDING_INDENT + " ".repeat(FINDING_LABEL_WIDTH);
    for (int i = 0; i < lines.size(); i++) {
      out.append(i == 0 ? label(name) : indent).append(lines.get(i)).append('\n');
    }
  }

  private static String label(String name) {
    StringBuilder line = new StringBuilder(FINDING_INDENT.length() + FINDING_LABEL_WIDTH);
    line.append(FINDING_INDENT).append(name);
    while (line.length() < FINDING_INDENT.length() + FINDING_LABEL_WIDTH) {
      line.append(' ');
    }
    return line.toString();
  }

  /**
   * {@code text} folded as by {@link #oneLine} and broken at spaces into lines of at most {@code
   * max} code points; a word longer than a line is cut with an ellipsis.
   */
  static List<String> wrap(String text, int max) {
    String folded = oneLine(text, Integer.MAX_VALUE);
    List<String> lines = new ArrayList<>();
    StringBuilder line = new StringBuilder(max);
    int lineLength = 0;
    for (String word : folded.split(" ")) {
      if (word.isEmpty()) {
        continue;
      }
      int length = word.codePointCount(0, word.length());
      if (length > max) {
        word = oneLine(word, max);
        length = max;
      }
      if (lineLength > 0 && lineLength + 1 + length > max) {
        lines.add(line.toString());
        line.setLength(0);
        lineLength = 0;
      }
      if (lineLength > 0) {
        line.append(' ');
        lineLength++;
      }
      line.append(word);
      lineLength += length;
    }
    if (lineLength > 0) {
      lines.add(line.toString());
    }
    return lines;
  }

  /**
   * {@code text} folded as by {@link #oneLine} and broken at spaces into lines of at most {@code
   * max} code points, nothing left out: a word longer than a line is split across lines where the
   * line is full. At least one line, empty for blank text.
   */
  static List<String> breakLines(String text, int max) {
    String folded = oneLine(text, Integer.MAX_VALUE);
    List<String> lines = new ArrayList<>();
    int start = 0;
    while (folded.codePointCount(start, folded.length()) > max) {
      int limit = folded.offsetByCodePoints(start, max);
      int space = folded.lastIndexOf(' ', limit);
      if (space > start && codePoints(folded, space + 1, folded.indexOf(' ', space + 1)) <= max) {
        lines.add(folded.substring(start, space));
        start = space + 1;
      } else { // no space, or the next word does not fit a line of its own either
        lines.add(folded.substring(start, limit));
        start = limit < folded.length() && folded.charAt(limit) == ' ' ? limit + 1 : limit;
      }
    }
    lines.add(folded.substring(start));
    return lines;
  }

  /** Code points of {@code text} from {@code start} to {@code end}, or to its end when -1. */
  private static int codePoints(String text, int start, int end) {
    return text.codePointCount(start, end < 0 ? text.length() : end);
  }

  /** A space, then {@code label} centred in dashes, {@code width} characters in all. */
  private static String dashed(String label, int width) {
    int dashes = Math.max(2, width - 1 - label.length() - 2);
    int left = dashes / 2;
    return " " + "-".repeat(left) + " " + label + " " + "-".repeat(dashes - left);
  }

  /** {@code text} padded with spaces to {@code width} code points (String.format counts chars). */
  private static String padCodePoints(String text, int width) {
    int length = text.codePointCount(0, text.length());
    return length >= width ? text : text + " ".repeat(width - length);
  }

  private static TimeSplit orEmpty(TimeSplit t) {
    return t == null ? TimeSplit.EMPTY : t;
  }

  private static void appendShape(
      StringBuilder out,
      int rank,
      ShapeSnapshot shape,
      long all,
      ShapeTexts texts,
      boolean serverColumns) {
    DistributionSnapshot execute = orEmpty(shape.execute());
    DistributionSnapshot rows = orEmpty(shape.rows());
    ServerSide server = shape.server();
    String format =
        !serverColumns ? ROW_FORMAT : server == null ? NO_SERVER_FORMAT : SERVER_ROW_FORMAT;
    out.append(
        String.format(
            Locale.ROOT,
            format,
            rank,
            shape.count(),
            shape.errors(),
            Durations.format(shape.totalNanos()),
            Figures.percent(shape.totalNanos(), all),
            duration(execute, execute.p50()),
            duration(execute, execute.p95()),
            duration(execute, execute.p99()),
            duration(execute, execute.max()),
            meanDuration(orEmpty(shape.fetch())),
            meanDuration(orEmpty(shape.process())),
            rows.count() == 0 ? "-" : number(rows.mean()),
            !serverColumns ? "" : server == null ? "no server match" : serverMean(server),
            server == null ? "" : outside(shape, server)));
    out.append(SHAPE_INDENT);
    appendShapeText(out, shape.shape(), TABLE_SQL_WIDTH, texts, SHAPE_INDENT.length(), "");
  }

  /** The server's time per execution, or {@code -} when it counted no call. */
  private static String serverMean(ServerSide server) {
    return server.calls() == 0 ? "-" : Durations.format(server.meanNanos());
  }

  /** The client's execute + fetch per execution beyond the server's time, never below 0. */
  private static String outside(ShapeSnapshot shape, ServerSide server) {
    long outside = ServerTexts.outsideNanos(shape, server);
    return outside < 0 ? "-" : Durations.format(outside);
  }

  private static void appendFooter(
      StringBuilder out, QueryLensSnapshot s, List<ShapeSnapshot> shapes, int shown) {
    boolean first = true;
    if (shapes.size() > shown) {
      long hiddenNanos = 0;
      long all = 0;
      for (ShapeSnapshot shape : s.shapes()) {
        all += shape.totalNanos();
      }
      for (int i = shown; i < shapes.size(); i++) {
        hiddenNanos += shapes.get(i).totalNanos();
      }
      first = separate(out, first);
      out.append("Not shown: ")
          .append(plural(shapes.size() - shown, "more shape"))
          .append(", ")
          .append(Durations.format(hiddenNanos))
          .append(" (")
          .append(Figures.percent(hiddenNanos, all))
          .append(" of the shapes' time)\n");
    }
    if (s.droppedShapes() > 0) {
      first = separate(out, first);
      out.append("Shape limit reached: ")
          .append(plural(s.droppedShapes(), "further shape"))
          .append(" counted together in the overflow shape\n");
    }
    if (s.internalFaults() > 0) {
      separate(out, first);
      out.append("QueryLens caught ")
          .append(plural(s.internalFaults(), "internal fault"))
          .append("; these figures may be incomplete (see the log)\n");
    }
  }

  private static boolean separate(StringBuilder out, boolean first) {
    if (first) {
      out.append('\n');
    }
    return false;
  }

  /**
   * {@code text} on one line: runs of whitespace and control characters become one space, leading
   * and trailing ones go, and when more than {@code max} code points remain the text is cut to
   * {@code max - 1} and ends in an ellipsis. Never splits a surrogate pair.
   */
  static String oneLine(String text, int max) {
    StringBuilder line = new StringBuilder((int) Math.min(text.length(), 2L * max));
    boolean pendingSpace = false;
    for (int i = 0; i < text.length(); ) {
      int cp = text.codePointAt(i);
      i += Character.charCount(cp);
      if (isBlank(cp)) {
        pendingSpace = line.length() > 0;
      } else {
        if (pendingSpace) {
          line.append(' ');
          pendingSpace = false;
        }
        line.appendCodePoint(cp);
      }
    }
    int codePoints = line.codePointCount(0, line.length());
    if (codePoints <= max) {
      return line.toString();
    }
    int cut = line.offsetByCodePoints(0, max - 1);
    while (cut > 0 && line.charAt(cut - 1) == ' ') {
      cut--;
    }
    line.setLength(cut);
    return line.append('…').toString();
  }

  private static boolean isBlank(int cp) {
    return Character.isWhitespace(cp) || Character.isSpaceChar(cp) || Character.isISOControl(cp);
  }

  private static String duration(DistributionSnapshot d, long nanos) {
    return d.count() == 0 ? "-" : Durations.format(nanos);
  }

  private static String meanDuration(DistributionSnapshot d) {
    return d.count() == 0 ? "-" : Durations.format(Math.round(d.mean()));
  }

  private static String number(double value) {
    return value < 100_000
        ? String.format(Locale.ROOT, "%.1f", value)
        : String.format(Locale.ROOT, "%.0f", value);
  }

  /**
   * {@code n} in full when it fits {@code width} characters, otherwise with three significant
   * digits and a decimal suffix ({@code 1.23M}, {@code 45.6G}, {@code 9.22E}), at most 5
   * characters.
   */
  static String count(long n, int width) {
    String full = Long.toString(n);
    if (full.length() <= width || n < 1000) {
      return full;
    }
    String suffixes = "kMGTPE";
    int exponent = 0;
    long scale = 1;
    while (exponent < suffixes.length() && n / scale >= 1000) {
      scale *= 1000;
      exponent++;
    }
    // n / scale is in [1, 1000); keep three significant digits, truncating so 999_999 stays 999k
    long hundredths = (long) ((double) n / scale * 100);
    String digits;
    if (hundredths < 1_000) {
      digits = hundredths / 100 + "." + (hundredths % 100 < 10 ? "0" : "") + hundredths % 100;
    } else if (hundredths < 10_000) {
      digits = hundredths / 1000 + "" + hundredths / 100 % 10 + "." + hundredths / 10 % 10;
    } else {
      digits = Long.toString(hundredths / 100);
    }
    return digits + suffixes.charAt(exponent - 1);
  }

  /**
   * {@code n noun} with an {@code s} unless {@code n} is 1, without separators: {@code 3 units}.
   */
  static String plural(long n, String noun) {
    return n + " " + noun + (n == 1 ? "" : "s");
  }

  private static DistributionSnapshot orEmpty(DistributionSnapshot d) {
    return d == null ? DistributionSnapshot.EMPTY : d;
  }
}
