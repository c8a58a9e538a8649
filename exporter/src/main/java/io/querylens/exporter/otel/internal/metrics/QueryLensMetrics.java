package io.querylens.exporter.otel.internal.metrics;

import io.opentelemetry.sdk.autoconfigure.spi.AutoConfigurationCustomizer;
import io.opentelemetry.sdk.common.Clock;
import io.querylens.core.QueryLensExtension;
import io.querylens.exporter.otel.internal.delivery.CountingLogRecordExporter;
import io.querylens.exporter.otel.internal.delivery.CountingMetricExporter;
import io.querylens.exporter.otel.internal.delivery.CountingSpanExporter;
import io.querylens.exporter.otel.internal.delivery.DeliveryHealth;

/**
 * Adds QueryLens's metrics to an OpenTelemetry SDK that QueryLens builds through autoconfigure: a
 * metric producer read at each collection, and exporters that count what they fail to deliver.
 * Internal: public only for the exporter's entry class.
 */
public final class QueryLensMetrics {
  private QueryLensMetrics() {}

  /**
   * Registers the metrics of {@code recording} on the meter provider {@code sdk} will build, and
   * wraps its span, metric and log record exporters so failed exports are counted in {@code
   * health}.
   */
  public static void customize(
      AutoConfigurationCustomizer sdk,
      QueryLensExtension.Context recording,
      DeliveryHealth health) {
    sdk.addMeterProviderCustomizer(
        (meters, config) ->
            meters.registerMetricProducer(
                new SnapshotMetricProducer(
                    recording, health, recording.config().metricsTopShapes(), Clock.getDefault())));
    sdk.addSpanExporterCustomizer((exporter, config) -> new CountingSpanExporter(exporter, health));
    sdk.addMetricExporterCustomizer(
        (exporter, config) -> new CountingMetricExporter(exporter, health));
    sdk.addLogRecordExporterCustomizer(
        (exporter, config) -> new CountingLogRecordExporter(exporter, health));
  }
}
