package io.querylens.exporter.otel.internal.delivery;

import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.common.export.MemoryMode;
import io.opentelemetry.sdk.metrics.Aggregation;
import io.opentelemetry.sdk.metrics.InstrumentType;
import io.opentelemetry.sdk.metrics.data.AggregationTemporality;
import io.opentelemetry.sdk.metrics.data.MetricData;
import io.opentelemetry.sdk.metrics.export.MetricExporter;
import java.util.Collection;

/** A metric exporter that counts the points of failed exports in {@link DeliveryHealth}. */
public final class CountingMetricExporter extends CountingExporter implements MetricExporter {
  private final MetricExporter delegate;

  public CountingMetricExporter(MetricExporter delegate, DeliveryHealth health) {
    super(health, Signal.METRICS, delegate::flush, delegate::shutdown);
    this.delegate = delegate;
  }

  @Override
  public CompletableResultCode export(Collection<MetricData> metrics) {
    long points = 0;
    for (MetricData m : metrics) {
      points += m.getData().getPoints().size();
    }
    return counted(delegate.export(metrics), points);
  }

  @Override
  public AggregationTemporality getAggregationTemporality(InstrumentType instrumentType) {
    return delegate.getAggregationTemporality(instrumentType);
  }

  @Override
  public Aggregation getDefaultAggregation(InstrumentType instrumentType) {
    return delegate.getDefaultAggregation(instrumentType);
  }

  @Override
  public MemoryMode getMemoryMode() {
    return delegate.getMemoryMode();
  }
}
