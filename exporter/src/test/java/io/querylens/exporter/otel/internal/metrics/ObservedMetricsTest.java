package io.querylens.exporter.otel.internal.metrics;

import static io.querylens.exporter.otel.internal.metrics.SnapshotMetricProducerTest.metric;
import static org.assertj.core.api.Assertions.assertThat;

import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.metrics.SdkMeterProvider;
import io.opentelemetry.sdk.metrics.data.HistogramPointData;
import io.opentelemetry.sdk.metrics.data.LongPointData;
import io.opentelemetry.sdk.metrics.data.MetricData;
import io.opentelemetry.sdk.testing.exporter.InMemoryMetricReader;
import io.querylens.exporter.otel.internal.SemanticAttributes;
import io.querylens.exporter.otel.internal.delivery.DeliveryHealth;
import java.util.Collection;
import org.junit.jupiter.api.Test;

/** The fallback on an OpenTelemetry instance that the application built. */
class ObservedMetricsTest {
  @Test
  void theApplicationsOpenTelemetryGetsTheMetrics() throws Exception {
    InMemoryMetricReader reader = InMemoryMetricReader.create();
    try (OpenTelemetrySdk application =
        OpenTelemetrySdk.builder()
            .setMeterProvider(SdkMeterProvider.builder().registerMetricReader(reader).build())
            .build()) {
      H2Workload workload = H2Workload.create("observed");
      ObservedMetrics metrics =
          ObservedMetrics.register(application, workload.recording, new DeliveryHealth());
      long executions = workload.run(10);

      Collection<MetricData> collected = reader.collectAllMetrics();
      MetricData duration = metric(collected, "db.client.operation.duration");
      assertThat(duration.getHistogramData().getPoints())
          .allSatisfy(p -> assertThat(p.getBoundaries()).isEqualTo(DurationBuckets.BOUNDARIES));
      assertThat(count(duration)).isEqualTo(executions);
      assertThat(metric(collected, "querylens.shape.time").getDoubleSumData().getPoints())
          .isNotEmpty();
      assertThat(
              metric(collected, "querylens.findings").getLongSumData().getPoints().stream()
                  .filter(
                      p ->
                          "n-plus-one"
                              .equals(p.getAttributes().get(SemanticAttributes.FINDING_KIND)))
                  .mapToLong(LongPointData::getValue)
                  .sum())
          .isEqualTo(1);
      assertThat(collected).noneMatch(m -> m.getName().equals("querylens.shape.duration"));

      metrics.close();
      workload.selectEach(5);
      assertThat(count(metric(reader.collectAllMetrics(), "db.client.operation.duration")))
          .isEqualTo(executions);
    }
  }

  private static long count(MetricData histogram) {
    return histogram.getHistogramData().getPoints().stream()
        .mapToLong(HistogramPointData::getCount)
        .sum();
  }
}
