package io.querylens.core.report;

import io.querylens.core.Buckets;
import io.querylens.core.DistributionSnapshot;
import java.util.ArrayList;
import java.util.List;

/**
 * A percentile curve of one or more time distributions in inline SVG, drawn from their recorded
 * {@link Buckets}: the x axis runs from 0% through 50%, 90%, 99% and 99.9% (spaced by their nines,
 * so the tail gets room) to the maximum; the y axis is logarithmic, so a 20µs median and a 2s
 * outlier both read. Each bucket is drawn as a step at its midpoint (within half a bucket width of
 * the true values, at most 1.6%), the last at the recorded maximum. A distribution without buckets
 * is drawn through its summary percentiles instead.
 */
final class PercentileChart {
  /**
   * One curve.
   *
   * @param label its name in the legend and tooltip
   * @param css the class that colours it
   * @param d the distribution, in nanoseconds
   */
  record Series(String label, String css, DistributionSnapshot d) {}

  private static final int WIDTH = 440;
  private static final int HEIGHT = 180;
  private static final int LEFT = 50;
  private static final int RIGHT = 12;
  private static final int TOP = 10;
  private static final int BOTTOM = 24;
  private static final int PLOT_WIDTH = WIDTH - LEFT - RIGHT;
  private static final int PLOT_HEIGHT = HEIGHT - TOP - BOTTOM;

  /** Nines of the last percentile spaced by its nines (99.9%); rarer values share its slot. */
  private static final double MAX_NINES = 3;

  /** Where the maximum is drawn, in nines: a slot of its own after 99.9%. */
  private static final double MAX_SLOT = 3.6;

  private static final double[] TICKS = {0, 0.5, 0.9, 0.99, 0.999};
  private static final String[] TICK_LABELS = {"0%", "50%", "90%", "99%", "99.9%"};

  private PercentileChart() {}

  /** Writes a figure titled {@code title} with the curves of the non-empty {@code series}. */
  static void write(Html html, String title, List<Series> series) {
    List<Series> drawn = new ArrayList<>();
    long low = Long.MAX_VALUE;
    long high = 1;
    for (Series s : series) {
      DistributionSnapshot d = s.d();
      if (d != null && d.count() > 0) {
        drawn.add(s);
        low = Math.min(low, lowest(d));
        high = Math.max(high, d.max());
      }
    }
    html.open("figure", "class", "chart").open("figcaption").element("span", title, "class", "t");
    for (Series s : drawn) {
      html.element("span", s.label(), "class", "key " + s.css());
    }
    html.close("figcaption");
    if (drawn.isEmpty()) {
      html.element("p", "nothing recorded", "class", "empty").close("figure");
      return;
    }
    long bottom = floorDecade(Math.max(1, low));
    long top = ceilDecade(high);
    if (top <= bottom) {
      top = bottom * 10;
    }
    Axis y = new Axis(bottom, top);
    html.open(
        "svg",
        "class",
        "curve",
        "viewBox",
        "0 0 " + WIDTH + " " + HEIGHT,
        "width",
        Integer.toString(WIDTH),
        "height",
        Integer.toString(HEIGHT),
        "role",
        "img",
        "aria-label",
        title + ": percentile curve");
    writeGrid(html, y);
    for (Series s : drawn) {
      html.open("polyline", "class", s.css(), "points", points(s.d(), y));
      DistributionSnapshot d = s.d();
      html.element(
          "title",
          s.label()
              + ": p50 "
              + Durations.format(d.p50())
              + ", p95 "
              + Durations.format(d.p95())
              + ", p99 "
              + Durations.format(d.p99())
              + ", max "
              + Durations.format(d.max()));
      html.close("polyline");
    }
    html.close("svg").close("figure");
  }

  private static void writeGrid(Html html, Axis y) {
    for (long v : y.ticks()) {
      String py = Figures.coordinate(y.position(v));
      html.open(
              "line",
              "class",
              "grid",
              "x1",
              "" + LEFT,
              "x2",
              "" + (WIDTH - RIGHT),
              "y1",
              py,
              "y2",
              py)
          .close("line");
      html.element("text", Figures.axis(v), "x", "" + (LEFT - 6), "y", py, "class", "ylabel");
    }
    for (int i = 0; i <= TICKS.length; i++) {
      double px = i < TICKS.length ? x(TICKS[i]) : x(1);
      String label = i < TICKS.length ? TICK_LABELS[i] : "max";
      String pxText = Figures.coordinate(px);
      html.open(
              "line",
              "class",
              "grid v",
              "x1",
              pxText,
              "x2",
              pxText,
              "y1",
              "" + TOP,
              "y2",
              "" + (TOP + PLOT_HEIGHT))
          .close("line");
      html.element("text", label, "x", pxText, "y", "" + (HEIGHT - 6), "class", "xlabel");
    }
  }

  /** The curve's points, as the {@code points} attribute of a polyline. */
  private static String points(DistributionSnapshot d, Axis y) {
    StringBuilder points = new StringBuilder();
    Buckets b = d.buckets();
    long total = b == null ? 0 : b.totalCount();
    if (total == 0) {
      double[] fractions = {0, 0.5, 0.95, 0.99, 1};
      long[] values = {d.min(), d.p50(), d.p95(), d.p99(), d.max()};
      for (int i = 0; i < fractions.length; i++) {
        point(points, x(fractions[i]), y.position(values[i]));
      }
      return points.toString();
    }
    long seen = 0;
    for (int i = 0; i < b.size(); i++) {
      long value =
          i == b.size() - 1
              ? d.max()
              : Math.min(Math.max(b.low(i) + (b.high(i) - b.low(i)) / 2, d.min()), d.max());
      double py = y.position(value);
      point(points, x((double) seen / total), py);
      seen += b.count(i);
      point(points, x((double) seen / total), py);
    }
    return points.toString();
  }

  private static void point(StringBuilder points, double px, double py) {
    if (points.length() > 0) {
      points.append(' ');
    }
    points.append(Figures.coordinate(px)).append(',').append(Figures.coordinate(py));
  }

  /** The x position of the fraction {@code f} of values. */
  private static double x(double f) {
    double nines = f >= 1 ? MAX_SLOT : Math.min(MAX_NINES, -Math.log10(1 - f));
    return LEFT + PLOT_WIDTH * nines / MAX_SLOT;
  }

  /** The lowest value worth a place on a log axis: the minimum, or the first bucket's top. */
  private static long lowest(DistributionSnapshot d) {
    if (d.min() > 0) {
      return d.min();
    }
    Buckets b = d.buckets();
    return b != null && b.size() > 0 ? Math.max(1, b.high(0) - 1) : Math.max(1, d.p50());
  }

  private static long floorDecade(long v) {
    long d = 1;
    while (d <= Long.MAX_VALUE / 10 && d * 10 <= v) {
      d *= 10;
    }
    return d;
  }

  private static long ceilDecade(long v) {
    long d = 1;
    while (d < v && d <= Long.MAX_VALUE / 10) {
      d *= 10;
    }
    return d;
  }

  /** The logarithmic y axis from {@code bottom} to {@code top}, both powers of ten. */
  private record Axis(long bottom, long top) {
    double position(long value) {
      double span = Math.log10(top) - Math.log10(bottom);
      double v = Math.log10(Math.min(Math.max(value, bottom), top)) - Math.log10(bottom);
      return TOP + PLOT_HEIGHT * (1 - v / span);
    }

    /** Every power of ten; and 2 and 5 times them when the axis spans no more than two. */
    List<Long> ticks() {
      List<Long> ticks = new ArrayList<>();
      boolean fine = top / bottom <= 100;
      for (long d = bottom; d <= top; d *= 10) {
        ticks.add(d);
        if (fine && d < top) {
          ticks.add(d * 2);
          ticks.add(d * 5);
        }
        if (d > Long.MAX_VALUE / 10) {
          break;
        }
      }
      return ticks;
    }
  }
}
