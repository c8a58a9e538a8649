package io.querylens.exporter.otel.internal.metrics;

import io.querylens.core.Buckets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The explicit bucket boundaries of QueryLens's duration histograms: 1, 2 and 5 times each power of
 * ten from 1 µs to 10 s (22 boundaries), much finer at the low end than the conventions' advice
 * (which starts at 1 ms) so sub-millisecond queries stay apart.
 *
 * <p>Core records times in its own buckets (at most 1/32 of their lower bound wide, see decision
 * 0002); each is counted here in the explicit bucket holding its midpoint, so a value within 1/64
 * of a boundary may be counted on its other side. Counts are never lost or invented: the explicit
 * counts add up to the recorded ones.
 */
final class DurationBuckets {
  private static final long[] upperNanos = upperBounds();

  /** The boundaries in seconds, as the histogram points carry them. */
  static final List<Double> BOUNDARIES = boundariesInSeconds();

  /** Buckets per histogram point: one more than boundaries. */
  static final int COUNT = upperNanos.length + 1;

  private DurationBuckets() {}

  /** The counts of the values in {@code buckets} per explicit bucket. */
  static long[] read(Buckets buckets) {
    long[] counts = new long[COUNT];
    buckets.forEach((low, high, n) -> counts[indexOf(low + (high - low) / 2)] += n);
    return counts;
  }

  /** The explicit bucket of {@code nanos}: the first whose upper bound is not below it. */
  static int indexOf(long nanos) {
    for (int i = 0; i < upperNanos.length; i++) {
      if (nanos <= upperNanos[i]) {
        return i;
      }
    }
    return upperNanos.length;
  }

  private static long[] upperBounds() {
    long[] bounds = new long[22];
    long decade = 1_000; // 1 µs
    for (int i = 0; i < 21; i += 3, decade *= 10) {
      bounds[i] = decade;
      bounds[i + 1] = 2 * decade;
      bounds[i + 2] = 5 * decade;
    }
    bounds[21] = decade; // 10 s
    return bounds;
  }

  private static List<Double> boundariesInSeconds() {
    List<Double> seconds = new ArrayList<>(upperNanos.length);
    for (long nanos : upperNanos) {
      seconds.add(nanos / 1e9);
    }
    return Collections.unmodifiableList(seconds);
  }
}
