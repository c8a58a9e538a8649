package io.querylens.spring;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.querylens.core.QueryLensSnapshot;
import io.querylens.core.QueryShape;
import io.querylens.core.ServerSide;
import io.querylens.core.ShapeSnapshot;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The {@code querylens.shape.server.time} and {@code querylens.shape.server.calls} meters: the
 * database server's own time and calls per query shape, with the series the exporter gives them. At
 * most {@code querylens.metrics.top-shapes} shapes have series of their own: the largest by total
 * time when first read, then new shapes while slots remain, and a shape keeps its slot; every other
 * shape counts in {@code querylens.shape.id=other}. A series appears once the server's statistics
 * matched one of its shapes. Series appear as snapshots show them, so meters are registered after
 * {@link #bindTo}; every series has the same tag keys (Micrometer's Prometheus registry requires
 * it), an empty value standing for an attribute the exporter leaves out. Unlike the exporter's,
 * slots stay after {@code QueryLens.reset()}: the series then read as counters that restarted.
 */
final class ServerShapeMeters {
  static final String OTHER_SHAPES = "other";

  /** Longest {@code db.query.text} put on a series, as the exporter's. */
  static final int MAX_QUERY_TEXT = 300;

  private final int limit;
  private final Runnable refresh;
  private final List<MeterRegistry> registries = new CopyOnWriteArrayList<>();

  /** Shapes with series of their own; guarded by this. */
  private final Map<QueryShape, String> slots = new HashMap<>();

  /** Tags of the series with a server side, by shape id (or other); guarded by this. */
  private final Map<String, Tags> series = new LinkedHashMap<>();

  /** The server's calls and time (ns) per series at the last snapshot; guarded by this. */
  private Map<String, long[]> figures = Map.of();

  /**
   * @param limit shapes with series of their own
   * @param refresh takes a new snapshot if the last one is too old, calling {@link #update}
   */
  ServerShapeMeters(int limit, Runnable refresh) {
    this.limit = limit;
    this.refresh = refresh;
  }

  /** Registers the series known so far in {@code registry}, and later ones as they appear. */
  void bindTo(MeterRegistry registry) {
    registries.add(registry);
    register(List.of(registry), knownSeries());
  }

  private synchronized Map<String, Tags> knownSeries() {
    return new LinkedHashMap<>(series);
  }

  /**
   * Takes the figures of a new snapshot (called in snapshot order) and returns the series that were
   * not there before, for {@link #register}.
   */
  synchronized Map<String, Tags> update(QueryLensSnapshot snapshot) {
    Map<String, long[]> next = new HashMap<>();
    Map<String, Tags> added = new LinkedHashMap<>();
    for (ShapeSnapshot s : snapshot.shapes()) { // largest total time first
      QueryShape shape = s.shape();
      String id = slots.get(shape);
      if (id == null && slots.size() < limit && shape != QueryShape.OVERFLOW) {
        id = shape.id();
        slots.put(shape, id);
      }
      ServerSide side = s.server();
      if (side == null) {
        continue;
      }
      String key = id == null ? OTHER_SHAPES : id;
      long[] f = next.computeIfAbsent(key, k -> new long[2]);
      f[0] += side.calls();
      f[1] += side.totalNanos();
      if (!series.containsKey(key)) {
        Tags tags = id == null ? tags(OTHER_SHAPES, "", "") : tags(shape);
        series.put(key, tags);
        added.put(key, tags);
      }
    }
    figures = next;
    return added;
  }

  private static Tags tags(QueryShape shape) {
    String text = shape.text();
    return tags(
        shape.id(),
        text.length() <= MAX_QUERY_TEXT ? text : text.substring(0, MAX_QUERY_TEXT),
        shape.operation());
  }

  private static Tags tags(String id, String text, String operation) {
    return Tags.of("querylens.shape.id", id, "db.query.text", text, "db.operation.name", operation);
  }

  /** Registers new series in every registry bound so far; never under a lock of QueryLens's. */
  void register(Map<String, Tags> newSeries) {
    register(registries, newSeries);
  }

  private void register(List<MeterRegistry> into, Map<String, Tags> newSeries) {
    for (MeterRegistry registry : into) {
      newSeries.forEach(
          (key, tags) -> {
            FunctionCounter.builder(
                    "querylens.shape.server.time", this, m -> m.figure(key, 1) / 1e9)
                .tags(tags)
                .baseUnit("seconds")
                .description(
                    "Time the database server itself spent per query shape (planning and"
                        + " execution) since QueryLens started reading its statistics")
                .register(registry);
            FunctionCounter.builder("querylens.shape.server.calls", this, m -> m.figure(key, 0))
                .tags(tags)
                .baseUnit("{call}")
                .description(
                    "Executions of each query shape the database server counted, every"
                        + " session's")
                .register(registry);
          });
    }
  }

  /** Calls (0) or nanoseconds (1) of a series, from a snapshot a second old at most. */
  private double figure(String key, int which) {
    refresh.run();
    synchronized (this) {
      long[] f = figures.get(key);
      return f == null ? 0 : f[which];
    }
  }
}
