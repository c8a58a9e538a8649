package io.querylens.exporter.otel.internal.metrics;

import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.metrics.DoubleHistogram;
import io.opentelemetry.api.metrics.Meter;
import io.querylens.core.Execution;
import io.querylens.core.ExecutionListener;
import io.querylens.exporter.otel.internal.SemanticAttributes;
import io.querylens.exporter.otel.internal.ShapeAttributes;

/**
 * Records {@code db.client.operation.duration} on the application's thread, one histogram value per
 * execution: the fallback for an OpenTelemetry instance that QueryLens did not build, where no
 * metric producer can be registered and the API has no asynchronous histogram (decision 0014).
 * Attributes are kept per shape with the database it was first seen on, for at most {@code
 * maxShapes} shapes; other shapes, other databases and failed executions (which add {@code
 * error.type}) build theirs per execution.
 */
final class OperationDurationListener implements ExecutionListener {
  private final DoubleHistogram duration;
  private final ShapeAttributes.Cache shapes;

  OperationDurationListener(Meter meter, int maxShapes) {
    this.duration =
        meter
            .histogramBuilder(SnapshotMetricProducer.OPERATION_DURATION)
            .setUnit("s")
            .setDescription(SnapshotMetricProducer.OPERATION_DURATION_DESCRIPTION)
            .setExplicitBucketBoundariesAdvice(DurationBuckets.BOUNDARIES)
            .build();
    this.shapes = new ShapeAttributes.Cache(maxShapes);
  }

  @Override
  public void onExecution(Execution execution) {
    duration.record(execution.executeNanos() / 1e9, attributesOf(execution));
  }

  private Attributes attributesOf(Execution execution) {
    Attributes operation = shapes.of(execution.shape(), execution.database()).operation;
    if (execution.failed()) {
      return operation.toBuilder()
          .put(SemanticAttributes.ERROR_TYPE, execution.errorType())
          .build();
    }
    return operation;
  }
}
