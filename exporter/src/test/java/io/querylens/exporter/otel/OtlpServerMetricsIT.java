package io.querylens.exporter.otel;

import static org.assertj.core.api.Assertions.assertThat;

import io.opentelemetry.proto.metrics.v1.Metric;
import io.opentelemetry.proto.metrics.v1.NumberDataPoint;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.autoconfigure.AutoConfiguredOpenTelemetrySdk;
import io.opentelemetry.sdk.autoconfigure.AutoConfiguredOpenTelemetrySdkBuilder;
import io.querylens.core.Database;
import io.querylens.core.QueryShape;
import io.querylens.core.ServerSide;
import io.querylens.core.SqlDialect;
import io.querylens.core.intercept.ServerStatistics;
import io.querylens.exporter.otel.internal.delivery.DeliveryHealth;
import io.querylens.exporter.otel.internal.metrics.H2Workload;
import io.querylens.exporter.otel.internal.metrics.QueryLensMetrics;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The server's side of a shape reaches a real OTLP receiver as {@code querylens.shape.server.time}
 * and {@code querylens.shape.server.calls}, on the shape's own series.
 */
class OtlpServerMetricsIT {
  @Test
  void serverTimeAndCallsArriveOnTheShapesSeries() throws Exception {
    try (OtlpReceiver receiver = OtlpReceiver.start()) {
      H2Workload workload = H2Workload.create("otlp-server-metrics");
      AutoConfiguredOpenTelemetrySdkBuilder builder =
          AutoConfiguredOpenTelemetrySdk.builder()
              .addPropertiesSupplier(
                  () ->
                      Map.of(
                          "otel.metrics.exporter", "otlp",
                          "otel.exporter.otlp.endpoint", receiver.grpcEndpoint(),
                          "otel.exporter.otlp.protocol", "grpc",
                          "otel.metric.export.interval", "200ms",
                          "otel.traces.exporter", "none",
                          "otel.logs.exporter", "none"));
      QueryLensMetrics.customize(builder, workload.recording, new DeliveryHealth());
      OpenTelemetrySdk sdk = builder.build().getOpenTelemetrySdk();
      try {
        workload.run(10);
        ServerStatistics server = workload.recording.serverStatistics();
        server.refreshShapes();
        Database h2 = workload.recording.snapshot().shapes().get(0).database();
        QueryShape select = server.match(h2, SqlDialect.H2, "SELECT name FROM item WHERE id = $1");
        assertThat(select).isNotNull();
        server.add(
            select,
            new ServerSide(
                "pg_stat_statements", 12, 3_000_000L, -1, 12, -1, 40, 2, -1, -1, null, null));
        server.polled(h2, "pg_stat_statements", "reading");

        List<NumberDataPoint> calls =
            receiver.await(
                r -> points(r, "querylens.shape.server.calls"),
                p -> !p.isEmpty(),
                Duration.ofSeconds(20));
        assertThat(calls).hasSize(1);
        assertThat(calls.get(0).getAsInt()).isEqualTo(12);
        assertThat(OtlpReceiver.attributes(calls.get(0).getAttributesList()))
            .containsEntry("querylens.shape.id", select.id());
        List<NumberDataPoint> time = points(receiver, "querylens.shape.server.time");
        assertThat(time)
            .singleElement()
            .satisfies(p -> assertThat(p.getAsDouble()).isEqualTo(0.003));
      } finally {
        sdk.close();
      }
    }
  }

  /** The points of sum {@code name} in the latest export that has it, or none. */
  private static List<NumberDataPoint> points(OtlpReceiver receiver, String name) {
    List<Metric> found =
        receiver.metricRequests().stream()
            .flatMap(r -> r.getResourceMetricsList().stream())
            .flatMap(rm -> rm.getScopeMetricsList().stream())
            .flatMap(sm -> sm.getMetricsList().stream())
            .filter(m -> m.getName().equals(name))
            .toList();
    return found.isEmpty() ? List.of() : found.get(found.size() - 1).getSum().getDataPointsList();
  }
}
