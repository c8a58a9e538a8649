package io.querylens.agent;

import static org.assertj.core.api.Assertions.assertThat;

import com.example.app.Apps;
import io.opentelemetry.proto.collector.metrics.v1.ExportMetricsServiceRequest;
import io.opentelemetry.proto.metrics.v1.HistogramDataPoint;
import io.opentelemetry.proto.trace.v1.Span;
import io.querylens.exporter.otel.OtlpReceiver;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code java -javaagent:querylens-agent.jar -Dotel.service.name=...} on an application with no
 * OpenTelemetry of its own: the agent's relocated SDK sends spans, metrics and the finding's log
 * record to a real OTLP receiver over either protocol, and serves the Prometheus endpoint.
 */
class AgentOpenTelemetryIT {
  private static final String SELECT = "select name from agent_item where id = ?";

  @TempDir Path dir;

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"grpc", "http/protobuf"})
  void sendsSpansMetricsAndTheFindingToAnOtlpEndpoint(String protocol) throws Exception {
    try (OtlpReceiver receiver = OtlpReceiver.start()) {
      String endpoint = protocol.equals("grpc") ? receiver.grpcEndpoint() : receiver.httpEndpoint();
      ChildJvm.Result result =
          new ChildJvm(dir)
              .option("-Dotel.service.name=agent-otel-it")
              .option("-Dotel.exporter.otlp.endpoint=" + endpoint)
              .option("-Dotel.exporter.otlp.protocol=" + protocol)
              .option("-Dotel.metric.export.interval=200ms")
              .run(Apps.N_PLUS_ONE);
      assertThat(result.stdout()).contains("done");

      List<Span> selects =
          receiver.await(
              r -> r.spans().stream().filter(s -> SELECT.equals(text(s))).toList(),
              l -> l.size() >= Apps.N_PLUS_ONE_LOOP,
              Duration.ofSeconds(10));
      assertThat(selects)
          .as("one span per execution of the loop; stderr:%n%s", result.stderr())
          .hasSize(Apps.N_PLUS_ONE_LOOP)
          .allSatisfy(
              s -> {
                assertThat(s.getKind()).isEqualTo(Span.SpanKind.SPAN_KIND_CLIENT);
                assertThat(OtlpReceiver.attributes(s.getAttributesList()))
                    .containsEntry("db.system.name", "h2database")
                    .containsKey("querylens.shape.id");
              });
      assertThat(
              receiver.await(
                  OtlpReceiver::spans,
                  l -> l.size() >= Apps.N_PLUS_ONE_EXECUTIONS,
                  Duration.ofSeconds(10)))
          .as("a span for every execution, also those before the SDK was ready (issue 10)")
          .hasSize(Apps.N_PLUS_ONE_EXECUTIONS);
      assertThat(receiver.traceResources())
          .allSatisfy(r -> assertThat(r).containsEntry("service.name", "agent-otel-it"));
      assertThat(receiver.transports()).contains(protocol.equals("grpc") ? "grpc" : "http");

      assertThat(operationCounts(receiver))
          .as("db.client.operation.duration's count, per export")
          .last()
          .isEqualTo((long) Apps.N_PLUS_ONE_EXECUTIONS);

      List<Map<String, String>> findings =
          receiver
              .await(OtlpReceiver::logRecords, l -> l.size() >= 2, Duration.ofSeconds(10))
              .stream()
              .map(r -> OtlpReceiver.attributes(r.getAttributesList()))
              .toList();
      assertThat(findings)
          .as("the loop's n-plus-one, and the inserts' chatty-writes seen before the SDK was ready")
          .hasSize(2)
          .anySatisfy(
              a ->
                  assertThat(a)
                      .containsEntry("querylens.finding.kind", "n-plus-one")
                      .containsEntry("querylens.finding.shape", SELECT))
          .anySatisfy(a -> assertThat(a).containsEntry("querylens.finding.kind", "chatty-writes"));
    }
  }

  @Test
  void servesThePrometheusEndpoint() throws Exception {
    int port = freePort();
    Path go = dir.resolve("go");
    ChildJvm child =
        new ChildJvm(dir)
            .option("-Dotel.service.name=agent-prometheus-it")
            .option("-Dotel.metrics.exporter=prometheus")
            .option("-Dotel.exporter.prometheus.host=127.0.0.1")
            .option("-Dotel.exporter.prometheus.port=" + port)
            .option("-Dotel.traces.exporter=none")
            .option("-Dotel.logs.exporter=none");
    Process process = child.start(Apps.N_PLUS_ONE, go.toString());
    try {
      long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
      while (!child.read("stdout.txt").contains("done") && System.nanoTime() < deadline) {
        Thread.sleep(50);
      }
      String text = scrape(port);
      assertThat(sum(text, "db_client_operation_duration_seconds_count"))
          .as("%s%nstderr:%n%s", text, child.read("stderr.txt"))
          .isEqualTo(Apps.N_PLUS_ONE_EXECUTIONS);
      assertThat(text).contains("querylens_findings_total{");
    } finally {
      Files.createFile(go);
      child.await(process);
    }
  }

  /**
   * With the collector down, the relocated SDK's complaints (through {@code java.util.logging})
   * come out as the agent's own {@code [QueryLens]} lines, not through the JVM's JUL handlers,
   * which an application may bridge to its logging.
   */
  @Test
  void theSdksLoggingGoesOnlyToTheAgentsOwnLogger() throws Exception {
    ChildJvm.Result result =
        new ChildJvm(dir)
            .option("-Dotel.service.name=collector-down")
            .option("-Dotel.exporter.otlp.endpoint=http://127.0.0.1:" + freePort())
            .option("-Dotel.metric.export.interval=200ms")
            .run(Apps.N_PLUS_ONE);

    assertThat(result.stderr())
        .containsPattern(
            "\\[QueryLens\\] (WARN|ERROR) io\\.querylens\\.shaded\\.io\\.opentelemetry\\.sdk\\.")
        .doesNotContain("SEVERE:")
        .doesNotContain("WARNING:");
  }

  /** A port nothing listens on (it was free a moment ago). */
  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  private static String text(Span s) {
    return OtlpReceiver.attributes(s.getAttributesList()).get("db.query.text");
  }

  /** Per metrics export, db.client.operation.duration's count over all its points. */
  private static List<Long> operationCounts(OtlpReceiver receiver) throws InterruptedException {
    return receiver.await(
        r ->
            r.metricRequests().stream()
                .map(AgentOpenTelemetryIT::operationCount)
                .filter(c -> c >= 0)
                .toList(),
        l -> !l.isEmpty() && l.get(l.size() - 1) == Apps.N_PLUS_ONE_EXECUTIONS,
        Duration.ofSeconds(10));
  }

  private static long operationCount(ExportMetricsServiceRequest request) {
    return request.getResourceMetricsList().stream()
        .flatMap(rm -> rm.getScopeMetricsList().stream())
        .flatMap(sm -> sm.getMetricsList().stream())
        .filter(m -> m.getName().equals("db.client.operation.duration"))
        .findFirst()
        .map(
            m ->
                m.getHistogram().getDataPointsList().stream()
                    .mapToLong(HistogramDataPoint::getCount)
                    .sum())
        .orElse(-1L);
  }

  private static String scrape(int port) throws IOException, InterruptedException {
    HttpResponse<String> response =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/metrics"))
                    .timeout(Duration.ofSeconds(10))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).isEqualTo(200);
    return response.body();
  }

  /** The sum of every sample of {@code metric} in Prometheus's text format. */
  private static long sum(String text, String metric) {
    Matcher m = Pattern.compile("(?m)^" + metric + "\\{[^}]*\\} ([0-9.eE+]+)").matcher(text);
    long sum = 0;
    while (m.find()) {
      sum += (long) Double.parseDouble(m.group(1));
    }
    return sum;
  }
}
