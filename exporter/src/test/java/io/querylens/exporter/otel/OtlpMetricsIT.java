package io.querylens.exporter.otel;

import static org.assertj.core.api.Assertions.assertThat;

import io.opentelemetry.proto.collector.metrics.v1.ExportMetricsServiceRequest;
import io.opentelemetry.proto.metrics.v1.HistogramDataPoint;
import io.opentelemetry.proto.metrics.v1.Metric;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.autoconfigure.AutoConfiguredOpenTelemetrySdk;
import io.opentelemetry.sdk.autoconfigure.AutoConfiguredOpenTelemetrySdkBuilder;
import io.querylens.exporter.otel.internal.delivery.DeliveryHealth;
import io.querylens.exporter.otel.internal.metrics.H2Workload;
import io.querylens.exporter.otel.internal.metrics.QueryLensMetrics;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * QueryLens's metrics reach a real OTLP receiver over gRPC and HTTP/protobuf, configured by the
 * standard otel.* settings, with counts equal to the executions.
 */
class OtlpMetricsIT {
  @ParameterizedTest
  @ValueSource(strings = {"grpc", "http/protobuf"})
  void metricsArriveWithCountsEqualToExecutions(String protocol) throws Exception {
    try (OtlpReceiver receiver = OtlpReceiver.start()) {
      H2Workload workload = H2Workload.create("otlp-metrics-" + protocol.replace('/', '-'));
      String endpoint = protocol.equals("grpc") ? receiver.grpcEndpoint() : receiver.httpEndpoint();
      AutoConfiguredOpenTelemetrySdkBuilder builder =
          AutoConfiguredOpenTelemetrySdk.builder()
              .addPropertiesSupplier(
                  () ->
                      Map.of(
                          "otel.metrics.exporter", "otlp",
                          "otel.exporter.otlp.endpoint", endpoint,
                          "otel.exporter.otlp.protocol", protocol,
                          "otel.metric.export.interval", "200ms",
                          "otel.traces.exporter", "none",
                          "otel.logs.exporter", "none"));
      QueryLensMetrics.customize(builder, workload.recording, new DeliveryHealth());
      OpenTelemetrySdk sdk = builder.build().getOpenTelemetrySdk();
      try {
        long executions = workload.run(50);

        List<Long> counts =
            receiver.await(
                r -> latestCounts(r, "db.client.operation.duration"),
                c -> !c.isEmpty() && c.get(c.size() - 1) == executions,
                Duration.ofSeconds(20));
        assertThat(counts).last().isEqualTo(executions);
        assertThat(latestCounts(receiver, "querylens.shape.duration")).last().isEqualTo(executions);
        Metric duration = latest(receiver, "db.client.operation.duration");
        assertThat(duration.getUnit()).isEqualTo("s");
        assertThat(duration.getHistogram().getDataPointsList())
            .allSatisfy(
                p -> {
                  assertThat(OtlpReceiver.attributes(p.getAttributesList()))
                      .containsEntry("db.system.name", "h2database");
                  assertThat(p.getExplicitBoundsList()).hasSize(22).startsWith(1e-6);
                });
        assertThat(receiver.transports()).contains(protocol.equals("grpc") ? "grpc" : "http");
      } finally {
        sdk.close();
      }
    }
  }

  /** Per metrics export received, the count summed over the points of histogram {@code name}. */
  private static List<Long> latestCounts(OtlpReceiver receiver, String name) {
    List<Long> counts = new ArrayList<>();
    for (ExportMetricsServiceRequest request : receiver.metricRequests()) {
      Metric m = find(request, name);
      if (m != null) {
        counts.add(
            m.getHistogram().getDataPointsList().stream()
                .mapToLong(HistogramDataPoint::getCount)
                .sum());
      }
    }
    return counts;
  }

  private static Metric latest(OtlpReceiver receiver, String name) {
    List<ExportMetricsServiceRequest> requests = receiver.metricRequests();
    for (int i = requests.size() - 1; i >= 0; i--) {
      Metric m = find(requests.get(i), name);
      if (m != null) {
        return m;
      }
    }
    throw new AssertionError("no " + name + " received");
  }

  private static Metric find(ExportMetricsServiceRequest request, String name) {
    return request.getResourceMetricsList().stream()
        .flatMap(rm -> rm.getScopeMetricsList().stream())
        .flatMap(sm -> sm.getMetricsList().stream())
        .filter(m -> m.getName().equals(name))
        .findFirst()
        .orElse(null);
  }
}
