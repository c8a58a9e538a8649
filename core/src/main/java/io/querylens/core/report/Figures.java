package io.querylens.core.report;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * How the reports write numbers for people: shares as percentages (the console's too), and for the
 * HTML report counts with thousands separators, instants in UTC, SVG coordinates, and the round
 * durations on chart axes. Durations in general are {@link Durations}'. Independent of the default
 * locale.
 */
final class Figures {
  private static final DateTimeFormatter INSTANT =
      DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss 'UTC'").withZone(ZoneOffset.UTC);

  private static final String[] UNITS = {"ns", "µs", "ms", "s"};

  private Figures() {}

  /** {@code 1,234,567}. */
  static String count(long n) {
    return String.format(Locale.ROOT, "%,d", n);
  }

  /** {@code n noun} with an {@code s} unless {@code n} is 1: {@code 3 units}. */
  static String plural(long n, String noun) {
    return count(n) + " " + noun + (n == 1 ? "" : "s");
  }

  /** {@code part} of {@code all} with one decimal ({@code 40.1%}); {@code -} when all is 0. */
  static String percent(long part, long all) {
    if (all <= 0) {
      return "-";
    }
    double percent = 100.0 * part / all;
    if (part > 0 && percent < 0.05) {
      return "<0.1%";
    }
    return String.format(Locale.ROOT, "%.1f%%", percent);
  }

  /** An SVG coordinate or length with one decimal: {@code 428.0}. */
  static String coordinate(double value) {
    return String.format(Locale.ROOT, "%.1f", value);
  }

  /** {@code 2026-01-02 03:04:05 UTC}. */
  static String instant(long epochMillis) {
    return INSTANT.format(Instant.ofEpochMilli(epochMillis));
  }

  /**
   * A round number of nanoseconds (a whole number of its largest unit) as an axis label: {@code
   * 1ns}, {@code 20µs}, {@code 500ms}, {@code 100s}.
   */
  static String axis(long nanos) {
    int unit = 0;
    long scale = 1;
    while (unit < UNITS.length - 1 && nanos >= scale * 1000) {
      scale *= 1000;
      unit++;
    }
    return nanos / scale + UNITS[unit];
  }
}
