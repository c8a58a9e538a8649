package io.querylens.core;

/**
 * An immutable summary of one distribution (execute, fetch or process time in nanoseconds, or
 * rows). Percentiles carry the recording precision stated in the README.
 */
public record DistributionSnapshot(
    long count, long sum, long min, long p50, long p95, long p99, long max) {

  public static final DistributionSnapshot EMPTY = new DistributionSnapshot(0, 0, 0, 0, 0, 0, 0);

  /** Exact mean, or 0 when empty. */
  public double mean() {
    return count == 0 ? 0 : (double) sum / count;
  }
}
