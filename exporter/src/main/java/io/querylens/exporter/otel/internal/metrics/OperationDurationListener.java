package io.querylens.exporter.otel.internal.metrics;

import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.metrics.DoubleHistogram;
import io.opentelemetry.api.metrics.Meter;
import io.querylens.core.Execution;
import io.querylens.core.ExecutionListener;
import io.querylens.core.QueryShape;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Records {@code db.client.operation.duration} on the application's thread, one histogram value per
 * execution: the fallback for an OpenTelemetry instance that QueryLens did not build, where no
 * metric producer can be registered and the API has no asynchronous histogram (decision 0014).
 * Attributes are kept per shape, for at most {@code maxShapes} shapes; further shapes build theirs
 * per execution.
 */
final class OperationDurationListener implements ExecutionListener {
  private final DoubleHistogram duration;
  private final int maxShapes;
  private final ConcurrentHashMap<QueryShape, Attributes> attributes = new ConcurrentHashMap<>();

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
    duration.record(execution.executeNanos() / 1e9, attributesOf(execution.shape()));
  }

  private Attributes attributesOf(QueryShape shape) {
    Attributes a = attributes.get(shape);
    if (a != null) {
      return a;
    }
    a = SnapshotMetricProducer.operationAttributes(shape);
    if (attributes.size() < maxShapes) {
      attributes.putIfAbsent(shape, a);
    }
    return a;
  }
}
