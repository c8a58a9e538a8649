package io.querylens.exporter.otel.internal.prometheus;

import static org.assertj.core.api.Assertions.assertThat;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.metrics.Meter;
import io.opentelemetry.sdk.metrics.SdkMeterProvider;
import io.opentelemetry.sdk.resources.Resource;
import io.opentelemetry.sdk.testing.exporter.InMemoryMetricReader;
import java.util.List;
import org.junit.jupiter.api.Test;

class PrometheusTextTest {
  @Test
  void namesUnitsTypesAndEscapingFollowThePrometheusRules() {
    InMemoryMetricReader reader = InMemoryMetricReader.create();
    try (SdkMeterProvider meters =
        SdkMeterProvider.builder()
            .setResource(
                Resource.create(Attributes.of(AttributeKey.stringKey("service.name"), "petclinic")))
            .registerMetricReader(reader)
            .build()) {
      Meter meter = meters.get("test");
      meter
          .counterBuilder("querylens.findings")
          .setUnit("{occurrence}")
          .setDescription("findings")
          .build()
          .add(3, Attributes.of(AttributeKey.stringKey("querylens.finding.kind"), "a\"b\\c\nd"));
      meter
          .histogramBuilder("db.client.operation.duration")
          .setUnit("s")
          .setDescription("duration")
          .setExplicitBucketBoundariesAdvice(List.of(0.001, 0.01))
          .build()
          .record(0.005);
      meter.upDownCounterBuilder("queue.size").build().add(-2);

      String text = PrometheusText.write(reader.collectAllMetrics());

      assertThat(text)
          .startsWith("# HELP target_info Target metadata\n# TYPE target_info gauge\n")
          .contains("target_info{service_name=\"petclinic\"} 1\n")
          .contains("# TYPE querylens_findings_total counter\n")
          .contains("querylens_findings_total{querylens_finding_kind=\"a\\\"b\\\\c\\nd\"} 3\n")
          .contains("# TYPE db_client_operation_duration_seconds histogram\n")
          .contains("db_client_operation_duration_seconds_bucket{le=\"0.001\"} 0\n")
          .contains("db_client_operation_duration_seconds_bucket{le=\"0.01\"} 1\n")
          .contains("db_client_operation_duration_seconds_bucket{le=\"+Inf\"} 1\n")
          .contains("db_client_operation_duration_seconds_sum 0.005\n")
          .contains("db_client_operation_duration_seconds_count 1\n")
          .contains("# TYPE queue_size gauge\nqueue_size -2\n");
    }
  }
}
