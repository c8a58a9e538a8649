package io.querylens.exporter.otel.internal.metrics;

import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.autoconfigure.AutoConfiguredOpenTelemetrySdk;
import io.opentelemetry.sdk.autoconfigure.AutoConfiguredOpenTelemetrySdkBuilder;
import io.querylens.exporter.otel.internal.delivery.DeliveryHealth;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real Prometheus server scrapes the endpoint that {@code otel.metrics.exporter=prometheus}
 * starts, and its HTTP API shows one execution per execution of an H2 workload.
 */
class PrometheusScrapeIT {
  @TempDir Path dir;

  @Test
  void prometheusScrapesEveryExecution() throws Exception {
    H2Workload workload = H2Workload.create("prometheus-it");
    int port = PrometheusServer.freePort();
    AutoConfiguredOpenTelemetrySdkBuilder builder =
        AutoConfiguredOpenTelemetrySdk.builder()
            .addPropertiesSupplier(
                () ->
                    Map.of(
                        "otel.metrics.exporter", "prometheus",
                        "otel.exporter.prometheus.host", "127.0.0.1",
                        "otel.exporter.prometheus.port", Integer.toString(port),
                        "otel.traces.exporter", "none",
                        "otel.logs.exporter", "none",
                        "otel.service.name", "prometheus-it"));
    QueryLensMetrics.customize(builder, workload.recording, new DeliveryHealth());
    OpenTelemetrySdk sdk = builder.build().getOpenTelemetrySdk();
    try (PrometheusServer prometheus = PrometheusServer.start("127.0.0.1:" + port, dir)) {
      long executions = workload.run(50);

      prometheus.awaitValue("sum(db_client_operation_duration_seconds_count)", executions);
      prometheus.awaitValue(
          "sum(db_client_operation_duration_seconds_count{db_operation_name=\"INSERT\"})", 50);
      prometheus.awaitValue("sum(querylens_shape_duration_seconds_count)", executions);
      prometheus.awaitValue(
          "count(querylens_shape_time_seconds_total{querylens_phase=\"fetch\"})", 4 + 1);
      prometheus.awaitValue(
          "sum(querylens_findings_total{querylens_finding_kind=\"n-plus-one\"})", 1);
      prometheus.awaitValue("sum(querylens_shape_errors_total)", 1);
      prometheus.awaitValue("sum(querylens_internal_faults_total)", 0);
      prometheus.awaitValue("count(target_info{service_name=\"prometheus-it\"})", 1);
    } finally {
      sdk.close();
    }
  }
}
