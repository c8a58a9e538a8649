package io.querylens.exporter.otel.internal.metrics;

import static io.querylens.exporter.otel.internal.SemanticAttributes.DB_OPERATION_NAME;
import static io.querylens.exporter.otel.internal.SemanticAttributes.DB_QUERY_TEXT;
import static io.querylens.exporter.otel.internal.SemanticAttributes.FINDING_KIND;
import static io.querylens.exporter.otel.internal.SemanticAttributes.QUERYLENS_SHAPE_ID;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.common.AttributesBuilder;
import io.opentelemetry.sdk.common.Clock;
import io.opentelemetry.sdk.metrics.data.DoublePointData;
import io.opentelemetry.sdk.metrics.data.HistogramPointData;
import io.opentelemetry.sdk.metrics.data.LongPointData;
import io.opentelemetry.sdk.metrics.data.MetricData;
import io.opentelemetry.sdk.metrics.export.MetricProducer;
import io.opentelemetry.sdk.resources.Resource;
import io.querylens.core.DistributionSnapshot;
import io.querylens.core.Finding;
import io.querylens.core.FindingKind;
import io.querylens.core.QueryLensExtension;
import io.querylens.core.QueryLensSnapshot;
import io.querylens.core.QueryShape;
import io.querylens.core.ShapeSnapshot;
import io.querylens.core.intercept.Faults;
import io.querylens.exporter.otel.internal.ShapeAttributes;
import io.querylens.exporter.otel.internal.delivery.DeliveryHealth;
import io.querylens.exporter.otel.internal.delivery.Signal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.stream.LongStream;

/**
 * Produces QueryLens's metrics from its recording each time a metric reader collects (on the SDK's
 * export schedule, or a Prometheus scrape): {@code db.client.operation.duration} and the {@code
 * querylens.*} metrics. The application's threads pay nothing for them beyond what core records
 * anyway. Every figure is cumulative since the producer was made; a failure is caught, counted in
 * {@link Faults} and yields no metrics for that collection.
 */
public final class SnapshotMetricProducer implements MetricProducer {
  static final AttributeKey<String> PHASE = AttributeKey.stringKey("querylens.phase");
  static final AttributeKey<String> SIGNAL = AttributeKey.stringKey("querylens.signal");

  static final String OPERATION_DURATION = "db.client.operation.duration";
  static final String OPERATION_DURATION_DESCRIPTION =
      "Duration of database client operations (the execute call).";

  private static final MetricDescriptor OPERATION_DURATION_METRIC =
      new MetricDescriptor(OPERATION_DURATION, OPERATION_DURATION_DESCRIPTION, "s");
  private static final MetricDescriptor SHAPE_DURATION =
      new MetricDescriptor(
          "querylens.shape.duration",
          "Execute time per query shape; shapes without a series of their own are under"
              + " querylens.shape.id=other.",
          "s");
  private static final MetricDescriptor SHAPE_TIME =
      new MetricDescriptor(
          "querylens.shape.time",
          "Time per query shape and phase: execute (database and first round trip), fetch"
              + " (further rows), process (the application holding the cursor).",
          "s");
  private static final MetricDescriptor SHAPE_ERRORS =
      new MetricDescriptor(
          "querylens.shape.errors",
          "Executions per query shape whose driver call threw.",
          "{execution}");
  private static final MetricDescriptor SHAPE_SERVER_TIME =
      new MetricDescriptor(
          "querylens.shape.server.time",
          "Time the database server itself spent per query shape (planning and execution, from"
              + " pg_stat_statements or performance_schema) since QueryLens started reading it;"
              + " only shapes the server's statistics matched.",
          "s");
  private static final MetricDescriptor SHAPE_SERVER_CALLS =
      new MetricDescriptor(
          "querylens.shape.server.calls",
          "Executions of each query shape the database server counted, every session's, since"
              + " QueryLens started reading its statistics.",
          "{call}");
  private static final MetricDescriptor CONNECTION_ACQUIRE_DURATION =
      new MetricDescriptor(
          "querylens.connection.acquire.duration",
          "Pool wait of each checkout from a pool: time inside the pool's getConnection() beyond"
              + " the physical connects nested in it.",
          "s");
  private static final MetricDescriptor CONNECTION_CONNECT_DURATION =
      new MetricDescriptor(
          "querylens.connection.connect.duration",
          "Time opening each physical connection (a driver's connect, or a DataSource that does"
              + " not pool), on whatever thread, a pool's own included.",
          "s");
  private static final MetricDescriptor CONNECTION_ACQUIRE_ERRORS =
      new MetricDescriptor(
          "querylens.connection.acquire.errors", "getConnection() calls that threw.", "{error}");
  private static final MetricDescriptor FINDINGS =
      new MetricDescriptor(
          "querylens.findings",
          "Units of work in which a finding (n-plus-one, duplicate, chatty-writes,"
              + " unbounded-result, or a kind an extension detects) was seen.",
          "{occurrence}");
  private static final MetricDescriptor FINDINGS_WASTED =
      new MetricDescriptor(
          "querylens.findings.wasted",
          "Database time of the round trips that findings flagged as avoidable.",
          "s");
  private static final MetricDescriptor INTERNAL_FAULTS =
      new MetricDescriptor(
          "querylens.internal.faults",
          "Faults QueryLens caught inside itself; the application's calls proceeded.",
          "{fault}");
  private static final MetricDescriptor SHAPES_DROPPED =
      new MetricDescriptor(
          "querylens.shapes.dropped",
          "Distinct query shapes (approximately) recorded under the overflow shape because"
              + " querylens.max-shapes was reached.",
          "{shape}");
  private static final MetricDescriptor TELEMETRY_DROPPED =
      new MetricDescriptor(
          "querylens.telemetry.dropped",
          "Spans, metric points and log records the OpenTelemetry exporters failed to deliver.",
          "{item}");

  /** The {@code querylens.shape.id} of the series that holds every shape without its own. */
  static final String OTHER_SHAPES = "other";

  /** Longest {@code db.query.text} put on a series; longer shapes are cut. */
  static final int MAX_QUERY_TEXT = 300;

  private final QueryLensExtension.Context recording;
  private final DeliveryHealth health;
  private final Clock clock;
  private final long startEpochNanos;
  private final TopShapes topShapes;
  private final ShapeAttributes.Cache operations;

  /** Finding kinds with a series; guarded by this. */
  private final LinkedHashSet<FindingKind> seenKinds = new LinkedHashSet<>(FindingKind.builtIns());

  /**
   * @param topShapes query shapes with series of their own ({@code querylens.metrics.top-shapes})
   */
  public SnapshotMetricProducer(
      QueryLensExtension.Context recording, DeliveryHealth health, int topShapes, Clock clock) {
    this.recording = recording;
    this.health = health;
    this.clock = clock;
    this.startEpochNanos = clock.now();
    this.topShapes = new TopShapes(topShapes, startEpochNanos);
    this.operations = new ShapeAttributes.Cache(recording.config().maxShapes());
  }

  @Override
  public synchronized Collection<MetricData> produce(Resource resource) {
    try {
      return collect(resource);
    } catch (Throwable t) {
      Faults.report("metrics", t);
      return List.of();
    }
  }

  private Collection<MetricData> collect(Resource resource) {
    QueryLensSnapshot snapshot = recording.snapshot();
    long now = clock.now();
    Map<QueryShape, Reading> readings = new LinkedHashMap<>(); // largest total time first
    Map<Attributes, Reading> byOperation = new LinkedHashMap<>();
    for (ShapeSnapshot s : snapshot.shapes()) {
      Reading r = Reading.of(s, DurationBuckets.read(s.execute().buckets()));
      readings.put(s.shape(), r);
      byOperation
          .computeIfAbsent(operations.of(s.shape(), s.database()).operation, a -> new Reading())
          .add(r);
    }
    List<MetricData> out = new ArrayList<>(12);
    out.add(operationDuration(resource, byOperation, now));
    addShapeMetrics(resource, topShapes.split(readings, now), now, out);
    addConnectionMetrics(resource, snapshot, now, out);
    addFindingMetrics(resource, snapshot.findings(), now, out);
    addHealthMetrics(resource, snapshot, now, out);
    return out;
  }

  private MetricData operationDuration(
      Resource resource, Map<Attributes, Reading> byOperation, long now) {
    List<HistogramPointData> points = new ArrayList<>(byOperation.size());
    byOperation.forEach(
        (attributes, r) ->
            points.add(
                SnapshotMetricData.durationPoint(
                    startEpochNanos, now, attributes, r.buckets, r.count, r.executeNanos)));
    return OPERATION_DURATION_METRIC.histogram(resource, points);
  }

  private static void addShapeMetrics(
      Resource resource, List<TopShapes.Series> series, long now, List<MetricData> out) {
    List<HistogramPointData> durations = new ArrayList<>(series.size());
    List<DoublePointData> times = new ArrayList<>(series.size() * 3);
    List<LongPointData> errors = new ArrayList<>(series.size());
    List<DoublePointData> serverTimes = new ArrayList<>();
    List<LongPointData> serverCalls = new ArrayList<>();
    for (TopShapes.Series s : series) {
      Attributes attributes = shapeAttributes(s.shape());
      long start = s.startEpochNanos();
      Reading r = s.reading();
      durations.add(
          SnapshotMetricData.durationPoint(
              start, now, attributes, r.buckets, r.count, r.executeNanos));
      times.add(phase(start, now, attributes, "execute", r.executeNanos));
      times.add(phase(start, now, attributes, "fetch", r.fetchNanos));
      times.add(phase(start, now, attributes, "process", r.processNanos));
      errors.add(LongPointData.create(start, now, attributes, r.errors));
      if (r.server) {
        serverTimes.add(
            DoublePointData.create(start, now, attributes, r.serverNanos / 1e9, List.of()));
        serverCalls.add(LongPointData.create(start, now, attributes, r.serverCalls));
      }
    }
    out.add(SHAPE_DURATION.histogram(resource, durations));
    out.add(SHAPE_TIME.doubleCounter(resource, times));
    out.add(SHAPE_ERRORS.longCounter(resource, errors));
    if (!serverTimes.isEmpty()) { // only once a database's statistics are read
      out.add(SHAPE_SERVER_TIME.doubleCounter(resource, serverTimes));
      out.add(SHAPE_SERVER_CALLS.longCounter(resource, serverCalls));
    }
  }

  private static Attributes shapeAttributes(QueryShape shape) {
    if (shape == null) {
      return Attributes.of(QUERYLENS_SHAPE_ID, OTHER_SHAPES);
    }
    String text = shape.text();
    AttributesBuilder a =
        Attributes.builder()
            .put(QUERYLENS_SHAPE_ID, shape.id())
            .put(
                DB_QUERY_TEXT,
                text.length() <= MAX_QUERY_TEXT ? text : text.substring(0, MAX_QUERY_TEXT));
    if (!shape.operation().isEmpty()) {
      a.put(DB_OPERATION_NAME, shape.operation());
    }
    return a.build();
  }

  private static DoublePointData phase(
      long start, long now, Attributes shape, String phase, long nanos) {
    return DoublePointData.create(
        start, now, shape.toBuilder().put(PHASE, phase).build(), nanos / 1e9, List.of());
  }

  private void addConnectionMetrics(
      Resource resource, QueryLensSnapshot snapshot, long now, List<MetricData> out) {
    out.add(
        durations(CONNECTION_ACQUIRE_DURATION, resource, snapshot.connections().acquire(), now));
    out.add(
        durations(CONNECTION_CONNECT_DURATION, resource, snapshot.connections().connect(), now));
    out.add(
        CONNECTION_ACQUIRE_ERRORS.longCounter(
            resource,
            List.of(
                LongPointData.create(
                    startEpochNanos,
                    now,
                    Attributes.empty(),
                    snapshot.connections().acquireErrors()))));
  }

  /** One histogram of a connection distribution, without attributes. */
  private MetricData durations(
      MetricDescriptor descriptor, Resource resource, DistributionSnapshot d, long now) {
    long[] buckets = DurationBuckets.read(d.buckets());
    return descriptor.histogram(
        resource,
        List.of(
            SnapshotMetricData.durationPoint(
                startEpochNanos,
                now,
                Attributes.empty(),
                buckets,
                LongStream.of(buckets).sum(),
                d.sum())));
  }

  private void addFindingMetrics(
      Resource resource, List<Finding> findings, long now, List<MetricData> out) {
    Map<FindingKind, long[]> byKind = new LinkedHashMap<>(); // occurrences, wasted ns
    for (FindingKind kind : kinds(findings)) {
      byKind.put(kind, new long[2]);
    }
    for (Finding f : findings) {
      long[] k = byKind.get(f.kind());
      if (k != null) {
        k[0] += f.occurrences();
        k[1] += f.wastedNanos();
      }
    }
    List<LongPointData> occurrences = new ArrayList<>(byKind.size());
    List<DoublePointData> wasted = new ArrayList<>(byKind.size());
    byKind.forEach(
        (kind, k) -> {
          Attributes a = Attributes.of(FINDING_KIND, kind.label());
          occurrences.add(LongPointData.create(startEpochNanos, now, a, k[0]));
          wasted.add(DoublePointData.create(startEpochNanos, now, a, k[1] / 1e9, List.of()));
        });
    out.add(FINDINGS.longCounter(resource, occurrences));
    out.add(FINDINGS_WASTED.doubleCounter(resource, wasted));
  }

  /**
   * The kinds with a series: the built-in ones always (at 0 until seen, so dashboards keep them),
   * then every other kind this producer has seen in a snapshot, in the order first seen; a series
   * once reported stays, even after a reset empties the findings.
   */
  private synchronized List<FindingKind> kinds(List<Finding> findings) {
    for (Finding f : findings) {
      if (f.kind() != null) {
        seenKinds.add(f.kind());
      }
    }
    return List.copyOf(seenKinds);
  }

  private void addHealthMetrics(
      Resource resource, QueryLensSnapshot snapshot, long now, List<MetricData> out) {
    out.add(
        INTERNAL_FAULTS.longCounter(
            resource,
            List.of(
                LongPointData.create(
                    startEpochNanos, now, Attributes.empty(), snapshot.internalFaults()))));
    out.add(
        SHAPES_DROPPED.longGauge(
            resource,
            List.of(
                LongPointData.create(
                    startEpochNanos, now, Attributes.empty(), snapshot.droppedShapes()))));
    List<LongPointData> dropped = new ArrayList<>(Signal.values().length);
    for (Signal signal : Signal.values()) {
      dropped.add(
          LongPointData.create(
              startEpochNanos, now, Attributes.of(SIGNAL, signal.label()), health.dropped(signal)));
    }
    out.add(TELEMETRY_DROPPED.longCounter(resource, dropped));
  }
}
