package io.querylens.exporter.otel.internal.metrics;

import io.querylens.core.ServerSide;
import io.querylens.core.ShapeSnapshot;

/**
 * Cumulative figures of one query shape, or of several added up, at one collection: execute-time
 * histogram counts in {@link DurationBuckets}, executions, failed executions, and the execute,
 * fetch and process time in nanoseconds, and the database server's calls and time when known.
 * Mutable, used by one collection at a time.
 */
final class Reading {
  final long[] buckets = new long[DurationBuckets.COUNT];
  long count;
  long errors;
  long executeNanos;
  long fetchNanos;
  long processNanos;

  /** Calls the database server counted, and its planning + execution time; 0 when unread. */
  long serverCalls;

  long serverNanos;

  /** Whether the server's side of some shape of this reading is known. */
  boolean server;

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
    ServerSide side = shape.server();
    if (side != null) {
      r.server = true;
      r.serverCalls = side.calls();
      r.serverNanos = side.totalNanos();
    }
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
    serverCalls += other.serverCalls;
    serverNanos += other.serverNanos;
    server |= other.server;
  }
}
