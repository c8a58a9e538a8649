package io.querylens.exporter.otel.internal.metrics;

import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.metrics.BatchCallback;
import io.opentelemetry.api.metrics.Meter;
import io.opentelemetry.api.metrics.ObservableDoubleMeasurement;
import io.opentelemetry.api.metrics.ObservableLongMeasurement;
import io.opentelemetry.api.metrics.ObservableMeasurement;
import io.opentelemetry.sdk.common.Clock;
import io.opentelemetry.sdk.metrics.data.DoublePointData;
import io.opentelemetry.sdk.metrics.data.LongPointData;
import io.opentelemetry.sdk.metrics.data.MetricData;
import io.opentelemetry.sdk.metrics.data.PointData;
import io.opentelemetry.sdk.resources.Resource;
import io.querylens.core.QueryLensExtension;
import io.querylens.core.intercept.Faults;
import io.querylens.exporter.otel.internal.delivery.DeliveryHealth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * QueryLens's metrics on an OpenTelemetry instance it did not build (the application's global one,
 * or the OpenTelemetry agent's), where no metric producer can be registered (decision 0014): the
 * counters and gauges of {@link SnapshotMetricProducer} become observable instruments, all observed
 * by one batch callback at each collection, and {@code db.client.operation.duration} is recorded
 * per execution by {@link OperationDurationListener}. The other histograms ({@code
 * querylens.shape.duration}, {@code querylens.connection.acquire.duration}, {@code
 * querylens.connection.connect.duration}) are left out: the API has no asynchronous histogram.
 * Internal: public only for the exporter's entry class.
 */
public final class ObservedMetrics implements AutoCloseable {
  private final QueryLensExtension.Context recording;
  private final OperationDurationListener listener;
  private final BatchCallback callback;

  private ObservedMetrics(
      QueryLensExtension.Context recording,
      OperationDurationListener listener,
      BatchCallback callback) {
    this.recording = recording;
    this.listener = listener;
    this.callback = callback;
  }

  /** Starts reporting {@code recording}'s metrics through {@code openTelemetry}'s meters. */
  public static ObservedMetrics register(
      OpenTelemetry openTelemetry, QueryLensExtension.Context recording, DeliveryHealth health) {
    Meter meter = openTelemetry.getMeter(SnapshotMetricData.SCOPE.getName());
    SnapshotMetricProducer producer =
        new SnapshotMetricProducer(
            recording, health, recording.config().metricsTopShapes(), Clock.getDefault());
    Map<String, ObservableMeasurement> instruments = new HashMap<>();
    for (MetricData m : producer.produce(Resource.empty())) {
      ObservableMeasurement instrument = instrument(meter, m);
      if (instrument != null) {
        instruments.put(m.getName(), instrument);
      }
    }
    List<ObservableMeasurement> all = new ArrayList<>(instruments.values());
    BatchCallback callback =
        meter.batchCallback(
            () -> observe(producer, instruments),
            all.get(0),
            all.subList(1, all.size()).toArray(new ObservableMeasurement[0]));
    OperationDurationListener listener =
        new OperationDurationListener(meter, recording.config().maxShapes());
    recording.addExecutionListener(listener);
    return new ObservedMetrics(recording, listener, callback);
  }

  /** The observable instrument for a counter or gauge, null for a histogram. */
  private static ObservableMeasurement instrument(Meter meter, MetricData m) {
    switch (m.getType()) {
      case LONG_SUM:
        return meter
            .counterBuilder(m.getName())
            .setUnit(m.getUnit())
            .setDescription(m.getDescription())
            .buildObserver();
      case DOUBLE_SUM:
        return meter
            .counterBuilder(m.getName())
            .ofDoubles()
            .setUnit(m.getUnit())
            .setDescription(m.getDescription())
            .buildObserver();
      case LONG_GAUGE:
        return meter
            .gaugeBuilder(m.getName())
            .ofLongs()
            .setUnit(m.getUnit())
            .setDescription(m.getDescription())
            .buildObserver();
      default:
        return null;
    }
  }

  private static void observe(
      SnapshotMetricProducer producer, Map<String, ObservableMeasurement> instruments) {
    try {
      for (MetricData m : producer.produce(Resource.empty())) {
        ObservableMeasurement instrument = instruments.get(m.getName());
        if (instrument == null) {
          continue;
        }
        for (PointData p : m.getData().getPoints()) {
          if (p instanceof LongPointData) {
            ((ObservableLongMeasurement) instrument)
                .record(((LongPointData) p).getValue(), p.getAttributes());
          } else {
            ((ObservableDoubleMeasurement) instrument)
                .record(((DoublePointData) p).getValue(), p.getAttributes());
          }
        }
      }
    } catch (Throwable t) {
      Faults.report("metrics callback", t);
    }
  }

  /** Stops reporting: the listener leaves the recording and the callback is removed. */
  @Override
  public void close() {
    recording.removeExecutionListener(listener);
    callback.close();
  }
}
