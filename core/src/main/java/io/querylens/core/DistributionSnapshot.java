package io.querylens.core;

/**
 * An immutable summary of one distribution (execute, fetch or process time in nanoseconds, or
 * rows): exact count, sum, minimum and maximum, the usual percentiles, and the recorded {@link
 * Buckets} for other percentiles and for histograms (see docs/metrics.md on their precision).
 */
public record DistributionSnapshot(
    long count, long sum, long min, long p50, long p95, long p99, long max, Buckets buckets) {

  public static final DistributionSnapshot EMPTY = new DistributionSnapshot(0, 0, 0, 0, 0, 0, 0);

  /** A summary without buckets ({@link Buckets#NONE}). */
  public DistributionSnapshot(
      long count, long sum, long min, long p50, long p95, long p99, long max) {
    this(count, sum, min, p50, p95, p99, max, Buckets.NONE);
  }

  /** Exact mean, or 0 when empty. */
  public double mean() {
    return count == 0 ? 0 : (double) sum / count;
  }

  /**
   * The value at {@code percentile} (0 to 100) read from the buckets and kept within {@code [min,
   * max]}; for a summary without buckets, the nearest stored value at or above it (min, p50, p95,
   * p99, max), so it never reads low.
   */
  public long valueAtPercentile(double percentile) {
    if (percentile <= 0 || percentile >= 100 || buckets.size() == 0) {
      return percentile <= 0
          ? min
          : percentile <= 50 ? p50 : percentile <= 95 ? p95 : percentile <= 99 ? p99 : max;
    }
    return Math.min(Math.max(buckets.valueAtPercentile(percentile), min), max);
  }

  /** This summary with {@code sum} in place of its own. */
  public DistributionSnapshot withSum(long sum) {
    return new DistributionSnapshot(count, sum, min, p50, p95, p99, max, buckets);
  }
}
