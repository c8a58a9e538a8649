package io.querylens.exporter.otel.internal.metrics;

import io.querylens.core.ShapeSnapshot;

/**
 * Cumulative figures of one query shape, or of several added up, at one collection: execute-time
 * histogram counts in {@link DurationBuckets}, executions, failed executions, and the execute,
 * fetch and process time in nanoseconds. Mutable, used by one collection at a time.
 */
final class Reading {
  final long[] buckets = new long[DurationBuckets.COUNT];
  long count;
  long errors;
  long executeNanos;
  long fetchNanos;
  long processNanos;

  /**
   * The reading of {@code shape} with its execute-time {@code buckets}; the count is theirs, so a
   * histogram's count always equals the sum of its buckets.
   */
  static Reading of(ShapeSnapshot shape, long[] buckets) {
    Reading r = new Reading();
    for (int i = 0; i < buckets.length; i++) {
      r.buckets[i] = buckets[i];
      r.count += buckets[i];
    }
    r.errors = shape.errors();
    r.executeNanos = shape.execute().sum();
    r.fetchNanos = shape.fetch().sum();
    r.processNanos = shape.process().sum();
    return r;
  }

  /** Adds {@code other} to this reading. */
  void add(Reading other) {
    for (int i = 0; i < buckets.length; i++) {
      buckets[i] += other.buckets[i];
    }
    count += other.count;
    errors += other.errors;
    executeNanos += other.executeNanos;
    fetchNanos += other.fetchNanos;
    processNanos += other.processNanos;
  }
}
