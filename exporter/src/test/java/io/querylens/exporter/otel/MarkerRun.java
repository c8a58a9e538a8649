package io.querylens.exporter.otel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import io.opentelemetry.proto.collector.logs.v1.ExportLogsServiceRequest;
import io.opentelemetry.proto.collector.metrics.v1.ExportMetricsServiceRequest;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.querylens.exporter.otel.internal.metrics.PrometheusServer;
import io.querylens.testing.TestDatabase;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * One run of {@link MarkerApp} in a child JVM, exporting over OTLP to a real receiver and serving
 * Prometheus metrics that a real Prometheus server scrapes, and what every channel carried.
 */
final class MarkerRun {
  private static final Duration START = Duration.ofSeconds(60);
  private static final Duration WORKLOAD = Duration.ofMinutes(5);

  /**
   * Everything QueryLens wrote in one run, and the app's own results (one line per statement, not a
   * channel: it may quote the database's error messages).
   */
  record Channels(
      List<String> results,
      String stdout,
      String stderr,
      String jsonReport,
      List<ExportTraceServiceRequest> traces,
      List<ExportLogsServiceRequest> logs,
      List<ExportMetricsServiceRequest> metrics,
      String prometheusEndpoint,
      String prometheusSeries) {}

  private MarkerRun() {}

  /** Runs {@code workload} to the child's exit, with its files in {@code dir}. */
  static Channels run(MarkerWorkload workload, Path dir) throws Exception {
    Files.createDirectories(dir);
    Path stdout = dir.resolve("stdout.txt");
    Path stderr = dir.resolve("stderr.txt");
    Path results = dir.resolve("results.txt");
    Path json = dir.resolve("querylens.json");
    try (OtlpReceiver receiver = OtlpReceiver.start()) {
      int port = PrometheusServer.freePort();
      Process child =
          new ProcessBuilder(command(workload, receiver, port, json, results))
              .redirectOutput(stdout.toFile())
              .redirectError(stderr.toFile())
              .start();
      String endpoint;
      String series;
      try (Writer commands =
              new OutputStreamWriter(child.getOutputStream(), StandardCharsets.UTF_8);
          PrometheusServer prometheus = PrometheusServer.start("127.0.0.1:" + port, dir)) {
        awaitLine(child, stdout, stderr, "warming", START);
        assertThat(receiver.await(OtlpReceiver::spans, l -> !l.isEmpty(), START))
            .as("spans of the warm-up")
            .isNotEmpty();
        send(commands, "go");
        awaitLine(child, stdout, stderr, "done", WORKLOAD);

        endpoint = scrape(port);
        int queryTexts =
            new HashSet<>(ChannelTexts.prometheusLabel(endpoint, "db_query_text")).size();
        // shapes only come, never go, so once the count is the endpoint's, Prometheus has them all
        // (the one series without db_query_text is the "other" shapes')
        prometheus.awaitValue(
            "count(count by (db_query_text) (querylens_shape_errors_total{db_query_text!=\"\"}))",
            queryTexts);
        series = prometheus.api("series", "match[]", "{__name__=~\".+\"}");
        send(commands, "exit");
        assertThat(child.waitFor(START.toSeconds(), TimeUnit.SECONDS)).as("child exited").isTrue();
      } finally {
        child.destroyForcibly();
      }
      assertThat(child.exitValue()).as(Files.readString(stderr)).isZero();
      return new Channels(
          Files.readAllLines(results),
          Files.readString(stdout),
          Files.readString(stderr),
          Files.readString(json),
          receiver.traceRequests(),
          receiver.logRequests(),
          receiver.metricRequests(),
          endpoint,
          series);
    }
  }

  private static List<String> command(
      MarkerWorkload workload, OtlpReceiver receiver, int port, Path json, Path results) {
    TestDatabase db = workload.database();
    return List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp",
        System.getProperty("java.class.path"),
        "-Dquerylens.report.json=" + json,
        "-Dquerylens.report.top=1000",
        "-Dquerylens.metrics.top-shapes=1000",
        "-Dquerylens.callsite.app-packages=" + MarkerApp.class.getPackageName(),
        "-Dotel.service.name=querylens-markers",
        "-Dotel.exporter.otlp.endpoint=" + receiver.httpEndpoint(),
        "-Dotel.exporter.otlp.protocol=http/protobuf",
        "-Dotel.metrics.exporter=otlp,prometheus",
        "-Dotel.exporter.prometheus.host=127.0.0.1",
        "-Dotel.exporter.prometheus.port=" + port,
        "-Dotel.metric.export.interval=1000",
        "-Dotel.bsp.schedule.delay=100",
        "-Dotel.blrp.schedule.delay=100",
        MarkerApp.class.getName(),
        workload.name(),
        db.url(),
        db.user(),
        db.password(),
        results.toString());
  }

  /** Waits until the child's standard output has {@code line}; fails if it exits first. */
  private static void awaitLine(
      Process child, Path stdout, Path stderr, String line, Duration timeout) throws Exception {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (!Files.readAllLines(stdout).contains(line)) {
      if (!child.isAlive()) {
        fail("the child exited before '" + line + "': " + Files.readString(stderr));
      }
      if (System.nanoTime() - deadline > 0) {
        fail("no '" + line + "' from the child after " + timeout + ": " + Files.readString(stderr));
      }
      Thread.sleep(50);
    }
  }

  private static void send(Writer commands, String command) throws IOException {
    commands.write(command + "\n");
    commands.flush();
  }

  /** The Prometheus text the child's endpoint serves now. */
  private static String scrape(int port) throws Exception {
    HttpResponse<String> r =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/metrics"))
                    .timeout(Duration.ofSeconds(10))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    return r.body();
  }
}
