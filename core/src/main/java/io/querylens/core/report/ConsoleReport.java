package io.querylens.core.report;

import io.querylens.core.ConnectionSnapshot;
import io.querylens.core.DistributionSnapshot;
import io.querylens.core.QueryLensSnapshot;
import io.querylens.core.ShapeSnapshot;
import java.util.List;
import java.util.Locale;

/**
 * Renders a {@link QueryLensSnapshot} as a plain-text summary for a terminal: totals, the query
 * shapes that took the most time, connection acquire and hold times, and notes on anything left
 * out. Lines end with {@code \n} and stay within {@value #WIDTH} columns. A pure function of the
 * snapshot: it reads no clock, configuration or global state.
 */
public final class ConsoleReport {
  /** The widest line the report writes, in characters. */
  static final int WIDTH = 120;

  private static final String SHAPE_INDENT = "      ";
  private static final String ROW_FORMAT = "%4s %9s %6s %8s %6s %9s %9s %9s %9s %9s %9s %9s\n";

  private ConsoleReport() {}

  /**
   * Renders the summary.
   *
   * @param s the snapshot; its shapes are expected in descending order of total time
   * @param top how many shapes to list; 0 lists none and only reports how many there are
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
      out.append("Time split: database ")
          .append(Durations.format(executeNanos + fetchNanos))
          .append(" (execute ")
          .append(Durations.format(executeNanos))
          .append(" + fetch ")
          .append(Durations.format(fetchNanos))
          .append("), application ")
          .append(Durations.format(processNanos + acquire.sum()))
          .append(" (process ")
          .append(Durations.format(processNanos))
          .append(" + acquire ")
          .append(Durations.format(acquire.sum()))
          .append(")\n");
      out.append(
          "Legend: execute = inside execute(), fetch = inside next(),"
              + " process = application time while the cursor is open\n");
    }

    int shown = Math.min(top, shapes.size());
    if (shown > 0) {
      out.append('\n');
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
    if (acquire.count() == 0 && hold.count() == 0 && acquireErrors == 0) {
      out.append("Connections: none recorded\n");
    } else {
      out.append("Connections: acquire p50 ")
          .append(duration(acquire, acquire.p50()))
          .append("  p99 ")
          .append(duration(acquire, acquire.p99()))
          .append("  max ")
          .append(duration(acquire, acquire.max()))
          .append("  count ")
          .append(acquire.count());
      if (acquireErrors > 0) {
        out.append("  (").append(plural(acquireErrors, "failed acquire")).append(')');
      }
      out.append('\n');
      out.append("             hold p50 ")
          .append(duration(hold, hold.p50()))
          .append("  p99 ")
          .append(duration(hold, hold.p99()))
          .append('\n');
    }

    appendFooter(out, s, shapes, shown);
    return out.toString();
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
    StringBuilder line = new StringBuilder(Math.min(text.length(), 2 * max));
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

  private static String plural(long n, String noun) {
    return n + " " + noun + (n == 1 ? "" : "s");
  }

  private static DistributionSnapshot orEmpty(DistributionSnapshot d) {
    return d == null ? DistributionSnapshot.EMPTY : d;
  }
}
