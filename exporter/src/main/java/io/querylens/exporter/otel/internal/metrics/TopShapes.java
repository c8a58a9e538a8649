package io.querylens.exporter.otel.internal.metrics;

import io.querylens.core.QueryShape;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Chooses the query shapes that get series of their own in the {@code querylens.shape.*} metrics,
 * at most {@code limit}, and adds every other shape into one {@code other} series.
 *
 * <p>Slots are sticky: at each collection, free slots go to the shapes without one, largest total
 * time first, and a shape keeps its slot. So the slots go to the top shapes of the first collection
 * (and to later shapes while slots remain), and no execution ever moves between series: each series
 * is a true cumulative one that never goes down, and the series add up to all executions. Moving
 * shapes would make {@code other} drop, which backends read as a counter reset.
 *
 * <p>When a shape's count goes down, core's recording was reset ({@code QueryLens.reset()}): the
 * slots are freed and every series starts afresh. Not thread-safe: the producer calls it under its
 * lock.
 */
final class TopShapes {
  /** One series of a collection: a shape's own, or {@code other} when {@code shape} is null. */
  record Series(QueryShape shape, long startEpochNanos, Reading reading) {}

  private final int limit;

  /** Shapes with slots, and their count at the last collection. */
  private final Map<QueryShape, long[]> slots = new HashMap<>();

  private long startEpochNanos;

  TopShapes(int limit, long startEpochNanos) {
    this.limit = limit;
    this.startEpochNanos = startEpochNanos;
  }

  /**
   * The series of one collection: the shapes with slots, then {@code other}.
   *
   * @param readings every shape's reading, largest total time first
   */
  List<Series> split(Map<QueryShape, Reading> readings, long nowEpochNanos) {
    if (wentDown(readings)) {
      slots.clear();
      startEpochNanos = nowEpochNanos;
    }
    List<Series> series = new ArrayList<>(Math.min(limit, readings.size()) + 1);
    Reading other = new Reading();
    for (Map.Entry<QueryShape, Reading> e : readings.entrySet()) {
      QueryShape shape = e.getKey();
      long[] slot = slots.get(shape);
      if (slot == null && slots.size() < limit && shape != QueryShape.OVERFLOW) {
        slot = new long[1];
        slots.put(shape, slot);
      }
      if (slot == null) {
        other.add(e.getValue());
      } else {
        slot[0] = e.getValue().count;
        series.add(new Series(shape, startEpochNanos, e.getValue()));
      }
    }
    series.add(new Series(null, startEpochNanos, other));
    return series;
  }

  private boolean wentDown(Map<QueryShape, Reading> readings) {
    for (Map.Entry<QueryShape, long[]> e : slots.entrySet()) {
      Reading current = readings.get(e.getKey());
      if (current == null || current.count < e.getValue()[0]) {
        return true;
      }
    }
    return false;
  }
}
