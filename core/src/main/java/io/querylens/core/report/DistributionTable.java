package io.querylens.core.report;

import io.querylens.core.DistributionSnapshot;
import java.util.List;
import java.util.Locale;

/**
 * A small table of distributions, one row each: count, mean, min, p50, p95, p99 and max, as
 * durations or, for rows, as plain numbers. Each figure cell carries its exact value.
 */
final class DistributionTable {
  /**
   * One row.
   *
   * @param label the distribution's name ({@code execute}, {@code rows})
   * @param d the distribution
   * @param time whether its values are nanoseconds (else counts)
   */
  record Row(String label, DistributionSnapshot d, boolean time) {}

  private static final String[] COLUMNS = {"count", "mean", "min", "p50", "p95", "p99", "max"};

  private DistributionTable() {}

  static void write(Html html, List<Row> rows) {
    html.open("table", "class", "dist");
    html.open("thead").open("tr").element("th", "");
    for (String column : COLUMNS) {
      html.element("th", column, "class", "num");
    }
    html.close("tr").close("thead").open("tbody");
    for (Row row : rows) {
      DistributionSnapshot d = row.d() == null ? DistributionSnapshot.EMPTY : row.d();
      html.open("tr", "class", row.label()).element("th", row.label());
      html.number("count", d.count(), Figures.count(d.count()));
      if (d.count() == 0) {
        for (int i = 1; i < COLUMNS.length; i++) {
          html.element("td", "-", "class", "num");
        }
      } else {
        html.number("mean", Math.round(d.mean()), mean(d.mean(), row.time()));
        long[] values = {d.min(), d.p50(), d.p95(), d.p99(), d.max()};
        for (int i = 0; i < values.length; i++) {
          html.number(COLUMNS[i + 2], values[i], value(values[i], row.time()));
        }
      }
      html.close("tr");
    }
    html.close("tbody").close("table");
  }

  private static String value(long v, boolean time) {
    return time ? Durations.format(v) : Figures.count(v);
  }

  private static String mean(double mean, boolean time) {
    if (time) {
      return Durations.format(Math.round(mean));
    }
    return mean < 100_000
        ? String.format(Locale.ROOT, "%,.1f", mean)
        : String.format(Locale.ROOT, "%,.0f", mean);
  }
}
