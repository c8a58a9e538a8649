package io.querylens.exporter.otel.internal.metrics;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.metrics.DoubleHistogram;
import io.opentelemetry.api.metrics.Meter;
import io.querylens.core.Database;
import io.querylens.core.Execution;
import io.querylens.core.ExecutionListener;
import io.querylens.core.QueryShape;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Records {@code db.client.operation.duration} on the application's thread, one histogram value per
 * execution: the fallback for an OpenTelemetry instance that QueryLens did not build, where no
 * metric producer can be registered and the API has no asynchronous histogram (decision 0014).
 * Attributes are kept per shape with the database it was first seen on, for at most {@code
 * maxShapes} shapes; other shapes, other databases and failed executions (which add {@code
 * error.type}) build theirs per execution.
 */
final class OperationDurationListener implements ExecutionListener {
  static final AttributeKey<String> ERROR_TYPE = AttributeKey.stringKey("error.type");

  private record Cached(Database database, Attributes attributes) {}

  private final DoubleHistogram duration;
  private final int maxShapes;
  private final ConcurrentHashMap<QueryShape, Cached> attributes = new ConcurrentHashMap<>();

  OperationDurationListener(Meter meter, int maxShapes) {
    this.duration =
        meter
            .histogramBuilder(SnapshotMetricProducer.OPERATION_DURATION)
            .setUnit("s")
            .setDescription(SnapshotMetricProducer.OPERATION_DURATION_DESCRIPTION)
            .setExplicitBucketBoundariesAdvice(DurationBuckets.BOUNDARIES)
            .build();
    this.maxShapes = maxShapes;
  }

  @Override
  public void onExecution(Execution execution) {
    duration.record(execution.executeNanos() / 1e9, attributesOf(execution));
  }

  private Attributes attributesOf(Execution execution) {
    QueryShape shape = execution.shape();
    Database database = execution.database();
    if (execution.failed()) {
      String type = execution.errorType();
      return SnapshotMetricProducer.operationAttributes(shape, database)
          .put(ERROR_TYPE, type == null ? "_OTHER" : type)
          .build();
    }
    Cached cached = attributes.get(shape);
    if (cached != null && cached.database.equals(database)) {
      return cached.attributes;
    }
    Attributes built = SnapshotMetricProducer.operationAttributes(shape, database).build();
    if (cached == null && attributes.size() < maxShapes) {
      attributes.putIfAbsent(shape, new Cached(database, built));
    }
    return built;
  }
}
