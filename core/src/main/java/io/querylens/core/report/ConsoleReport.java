package io.querylens.core.report;

import io.querylens.core.ConnectionSnapshot;
import io.querylens.core.DistributionSnapshot;
import io.querylens.core.Finding;
import io.querylens.core.QueryLensSnapshot;
import io.querylens.core.QueryShape;
import io.querylens.core.ShapeSnapshot;
import io.querylens.core.TimeSplit;
import io.querylens.core.UnitSnapshot;
import io.querylens.core.config.ConfigKey;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Renders a {@link QueryLensSnapshot} as a plain-text summary for a terminal, in this order:
 * totals; where the time went (database, application and connection time, and the database time the
 * findings flag as waste); the slowest unit-of-work names with their split; the findings, one block
 * each with the repeated (or explained) and parent shapes, call site and hint; the query shapes
 * that took the most time; connection pool wait, connect and hold times; and notes on anything left
 * out. Lines end with {@code \n} and stay within {@value #WIDTH} columns: SQL, names and call sites
 * are folded onto one line and cut with an ellipsis, hints are wrapped. A pure function of the
 * snapshot: it reads no clock, configuration or global state.
 */
public final class ConsoleReport {
  /** The widest line the report writes, in characters. */
  static final int WIDTH = 120;

  /** Unit names listed at most. */
  static final int MAX_UNITS = 10;

  /** Findings listed even when {@code top} asks for fewer, since they are the report's point. */
  static final int MIN_FINDINGS = 3;

  private static final String SHAPE_INDENT = "      ";
  private static final String ROW_FORMAT = "%4s %9s %6s %8s %6s %9s %9s %9s %9s %9s %9s %9s\n";

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
    long executeNanos = 0;
    long fetchNanos = 0;
    long processNanos = 0;
    for (ShapeSnapshot shape : shapes) {
      executions += shape.count();
      errors += shape.errors();
      totalNanos += shape.totalNanos();
      executeNanos += orEmpty(shape.execute()).sum();
      fetchNanos += orEmpty(shape.fetch()).sum();
      processNanos += orEmpty(shape.process()).sum();
    }
    ConnectionSnapshot connections = s.connections();
    DistributionSnapshot acquire =
        connections == null ? DistributionSnapshot.EMPTY : orEmpty(connections.acquire());
    DistributionSnapshot connect =
        connections == null ? DistributionSnapshot.EMPTY : orEmpty(connections.connect());
    DistributionSnapshot hold =
        connections == null ? DistributionSnapshot.EMPTY : orEmpty(connections.hold());
    long acquireErrors = connections == null ? 0 : connections.acquireErrors();

    if (shapes.isEmpty()) {
      out.append("QueryLens summary: no JDBC executions recorded\n");
    } else {
      out.append("QueryLens summary: ")
          .append(plural(shapes.size(), "shape"))
          .append(", ")
          .append(plural(executions, "execution"));
      if (errors > 0) {
        out.append(" (").append(plural(errors, "error")).append(')');
      }
      out.append(", total ").append(Durations.format(totalNanos)).append('\n');
      TimeSplit time = s.time();
      if (time == null || time.totalNanos() == 0) {
        // no unit-of-work tracking: the same split from the shapes and the pool waits; physical
        // connects are left out, since without it those of a pool's own threads cannot be told
        // apart
        time = new TimeSplit(executeNanos, fetchNanos, processNanos, acquire.sum(), 0, 0);
      }
      appendTime(out, time, !s.findings().isEmpty());
      appendUnits(out, s.units());
      appendFindings(out, s.findings(), s.droppedFindings(), top, time.databaseNanos());
    }

    int shown = Math.min(top, shapes.size());
    if (shown > 0) {
      out.append('\n');
      out.append("Query shapes by total time")
          .append(shown < shapes.size() ? " (top " + shown + " of " + shapes.size() + ")" : "")
          .append('\n');
      out.append(
          String.format(
              Locale.ROOT,
              ROW_FORMAT,
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
              "rows"));
      out.append(
          String.format(
              Locale.ROOT, ROW_FORMAT, "", "", "", "", "", "", "", "", "", "mean", "mean", "mean"));
      for (int i = 0; i < shown; i++) {
        appendShape(out, i + 1, shapes.get(i), totalNanos);
      }
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

    appendFooter(out, s, shapes, shown);
    return out.toString();
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
              percent(time.wastedRoundTripNanos(), database)));
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
            percent(nanos, all),
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

  private static void appendFindings(
      StringBuilder out, List<Finding> findings, long dropped, int top, long databaseNanos) {
    out.append('\n');
    if (findings.isEmpty()) {
      if (dropped > 0) {
        appendDroppedFindings(out.append("Findings: 0 kept\n"), dropped);
      } else {
        out.append("No N+1, duplicate or chatty-write findings.\n");
      }
      return;
    }
    int shown = Math.max(Math.min(top, findings.size()), Math.min(MIN_FINDINGS, findings.size()));
    out.append("Findings: ")
        .append(findings.size())
        .append(shown < findings.size() ? ", the first " + shown : "")
        .append(" (most wasted time first)\n");
    for (int i = 0; i < shown; i++) {
      appendFinding(out, i + 1, findings.get(i), databaseNanos);
    }
    if (shown < findings.size()) {
      long hiddenNanos = 0;
      for (int i = shown; i < findings.size(); i++) {
        hiddenNanos += findings.get(i).wastedNanos();
      }
      out.append('\n')
          .append("  Not shown: ")
          .append(plural(findings.size() - shown, "more finding"))
          .append(", ")
          .append(Durations.format(hiddenNanos))
          .append(" wasted\n");
    }
    if (dropped > 0) {
      appendDroppedFindings(out, dropped);
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

  private static void appendFinding(StringBuilder out, int rank, Finding f, long databaseNanos) {
    String number = rank + ".";
    out.append('\n').append("  ").append(number);
    for (int i = 2 + number.length(); i < FINDING_INDENT.length(); i++) {
      out.append(' ');
    }
    // a finding with an explanation says what was seen; wasted time, when it has none, says nothing
    boolean explained = f.explanation() != null && !f.explanation().isBlank();
    StringBuilder title = new StringBuilder(96);
    title.append(f.kind() == null ? "finding" : f.kind().label()).append(": ");
    if (!explained || f.wastedNanos() > 0) {
      title.append(Durations.format(f.wastedNanos())).append(" wasted");
      if (databaseNanos > 0) {
        title
            .append(" (")
            .append(percent(f.wastedNanos(), databaseNanos))
            .append(" of database time)");
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
    out.append(oneLine(title.toString(), WIDTH - FINDING_INDENT.length())).append('\n');

    appendLabelled(out, explained ? "query" : "repeated", shapeText(f.shape()), "");
    if (f.parentShape() != null) {
      String rows = f.parentRows() < 0 ? "" : "  (" + plural(f.parentRows(), "row") + ")";
      appendLabelled(out, "parent", shapeText(f.parentShape()), rows);
    }
    appendLabelled(out, "call site", f.callSite() == null ? "(unknown)" : f.callSite(), "");
    if (f.exampleUnit() != null) {
      String of = f.occurrences() > 1 ? "  (one of " + f.occurrences() + ")" : "";
      appendLabelled(out, "unit", f.exampleUnit(), of);
    }
    if (f.hint() != null && !f.hint().isBlank()) {
      String indent = FINDING_INDENT + " ".repeat(FINDING_LABEL_WIDTH);
      List<String> lines = wrap(f.hint(), WIDTH - indent.length());
      for (int i = 0; i < lines.size(); i++) {
        out.append(i == 0 ? label("hint") : indent).append(lines.get(i)).append('\n');
      }
    }
  }

  /** One labelled line of a finding; {@code suffix} is kept whole and {@code text} cut to fit. */
  private static void appendLabelled(StringBuilder out, String name, String text, String suffix) {
    int room = WIDTH - FINDING_INDENT.length() - FINDING_LABEL_WIDTH - suffix.length();
    out.append(label(name)).append(oneLine(text, room)).append(suffix).append('\n');
  }

  private static String label(String name) {
    StringBuilder line = new StringBuilder(FINDING_INDENT.length() + FINDING_LABEL_WIDTH);
    line.append(FINDING_INDENT).append(name);
    while (line.length() < FINDING_INDENT.length() + FINDING_LABEL_WIDTH) {
      line.append(' ');
    }
    return line.toString();
  }

  private static String shapeText(QueryShape shape) {
    return shape == null ? "" : shape.text();
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

  private static void appendShape(StringBuilder out, int rank, ShapeSnapshot shape, long all) {
    DistributionSnapshot execute = orEmpty(shape.execute());
    DistributionSnapshot rows = orEmpty(shape.rows());
    out.append(
        String.format(
            Locale.ROOT,
            ROW_FORMAT,
            rank,
            shape.count(),
            shape.errors(),
            Durations.format(shape.totalNanos()),
            percent(shape.totalNanos(), all),
            duration(execute, execute.p50()),
            duration(execute, execute.p95()),
            duration(execute, execute.p99()),
            duration(execute, execute.max()),
            meanDuration(orEmpty(shape.fetch())),
            meanDuration(orEmpty(shape.process())),
            rows.count() == 0 ? "-" : number(rows.mean())));
    String text = shape.shape() == null ? "" : shape.shape().text();
    out.append(SHAPE_INDENT).append(oneLine(text, WIDTH - SHAPE_INDENT.length())).append('\n');
  }

  private static void appendFooter(
      StringBuilder out, QueryLensSnapshot s, List<ShapeSnapshot> shapes, int shown) {
    boolean first = true;
    if (shapes.size() > shown) {
      long hiddenNanos = 0;
      long all = 0;
      for (int i = 0; i < shapes.size(); i++) {
        all += shapes.get(i).totalNanos();
        if (i >= shown) {
          hiddenNanos += shapes.get(i).totalNanos();
        }
      }
      first = separate(out, first);
      out.append("Not shown: ")
          .append(plural(shapes.size() - shown, "more shape"))
          .append(", ")
          .append(Durations.format(hiddenNanos))
          .append(" (")
          .append(percent(hiddenNanos, all))
          .append(" of total time)\n");
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

  private static String percent(long part, long all) {
    if (all <= 0) {
      return "-";
    }
    double percent = 100.0 * part / all;
    if (part > 0 && percent < 0.05) {
      return "<0.1%";
    }
    return String.format(Locale.ROOT, "%.1f%%", percent);
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

  private static String plural(long n, String noun) {
    return n + " " + noun + (n == 1 ? "" : "s");
  }

  private static DistributionSnapshot orEmpty(DistributionSnapshot d) {
    return d == null ? DistributionSnapshot.EMPTY : d;
  }
}
