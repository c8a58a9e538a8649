package io.querylens.exporter.otel;

import static org.assertj.core.api.Assertions.assertThat;

import io.opentelemetry.proto.logs.v1.LogRecord;
import io.opentelemetry.proto.metrics.v1.HistogramDataPoint;
import io.opentelemetry.proto.metrics.v1.Metric;
import io.opentelemetry.proto.trace.v1.Span;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A JVM that lives well under a second still delivers everything (issue 10): every execution as a
 * span, metrics that count them all and the finding's log record, although QueryLens's SDK is built
 * in the background after the first execution; and exit is held no longer than {@code
 * querylens.otel.exit-timeout} when the collector is down. Child JVMs run {@link ShortProgram} with
 * the exporter on the class path and only {@code otel.*} settings, against a real OTLP receiver.
 */
class ShortLivedJvmIT {
  @TempDir Path dir;

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"http/protobuf", "grpc"})
  void aShortProgramDeliversEverySpanTheMetricsAndTheFinding(String protocol) throws Exception {
    try (OtlpReceiver receiver = OtlpReceiver.start()) {
      String endpoint = protocol.equals("grpc") ? receiver.grpcEndpoint() : receiver.httpEndpoint();
      Run run = run("short", protocol, endpoint, List.of());

      assertThat(run.exitCode).as(run.stderr).isZero();
      List<Span> spans = receiver.spans();
      assertThat(spans).as("one span per execution").hasSize(ShortProgram.EXECUTIONS);
      assertThat(spans)
          .filteredOn(s -> s.getName().equals("SELECT owners"))
          .hasSize(ShortProgram.ROWS + 1);
      assertThat(operationCount(receiver.metrics())).isEqualTo(ShortProgram.EXECUTIONS);
      List<LogRecord> findings = receiver.logRecords();
      assertThat(findings)
          .anySatisfy(
              r ->
                  assertThat(OtlpReceiver.attributes(r.getAttributesList()))
                      .containsEntry("querylens.finding.kind", "n-plus-one"));
      System.out.printf(
          "%s: %d spans, %d executions in metrics, %d log records; exit %d ms after the last"
              + " line%n",
          protocol,
          spans.size(),
          operationCount(receiver.metrics()),
          findings.size(),
          run.exitMillis);
    }
  }

  @Test
  void withTheCollectorDownExitWaitsNoLongerThanTheTimeout() throws Exception {
    int closedPort;
    try (ServerSocket s = new ServerSocket(0)) {
      closedPort = s.getLocalPort();
    }
    Run run =
        run(
            "short",
            "http/protobuf",
            "http://127.0.0.1:" + closedPort,
            List.of("-Dquerylens.otel.exit-timeout=2s"));

    assertThat(run.exitCode).as(run.stderr).isZero();
    assertThat(run.exitMillis).isLessThan(2_000 + 800);
    System.out.printf("collector down: exit %d ms after the last line%n", run.exitMillis);
  }

  /**
   * The Prometheus endpoint's HTTP server, started on the main thread by a programmatic install,
   * does not keep the JVM alive: the JDK's HTTP server thread takes the daemon status of the thread
   * that starts it.
   */
  @Test
  void aProgramThatInstallsOnItsMainThreadWithPrometheusExits() throws Exception {
    int port;
    try (ServerSocket s = new ServerSocket(0)) {
      port = s.getLocalPort();
    }
    Run run =
        run(
            "install",
            "http/protobuf",
            "http://127.0.0.1:" + port,
            List.of(
                "-Dotel.metrics.exporter=prometheus",
                "-Dotel.exporter.prometheus.host=127.0.0.1",
                "-Dotel.exporter.prometheus.port=" + port,
                "-Dotel.traces.exporter=none",
                "-Dotel.logs.exporter=none"));

    assertThat(run.exitCode).as(run.stderr).isZero();
    assertThat(run.exitMillis).isLessThan(5_000);
    assertThat(run.stderr).as("no second SDK, no port taken twice").doesNotContain("fault");
  }

  @Test
  void aServiceFirstExecutionsAreExportedWhileItRuns() throws Exception {
    try (OtlpReceiver receiver = OtlpReceiver.start()) {
      Process child = start("service", "http/protobuf", receiver.httpEndpoint(), List.of());
      try {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (receiver.spans().size() < ShortProgram.EXECUTIONS && System.nanoTime() < deadline) {
          Thread.sleep(100);
        }
        assertThat(child.isAlive()).isTrue();
        assertThat(receiver.spans()).hasSize(ShortProgram.EXECUTIONS);
      } finally {
        child.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      }
    }
  }

  /** The count of {@code db.client.operation.duration}: the largest of the cumulative exports. */
  private static long operationCount(List<Metric> metrics) {
    long count = 0;
    for (Metric m : metrics) {
      if (m.getName().equals("db.client.operation.duration")) {
        long sum = 0;
        for (HistogramDataPoint p : m.getHistogram().getDataPointsList()) {
          sum += p.getCount();
        }
        count = Math.max(count, sum);
      }
    }
    return count;
  }

  private record Run(int exitCode, long exitMillis, String stderr) {}

  /** Runs the program to its exit; {@code exitMillis} counts from its last line to its exit. */
  private Run run(String mode, String protocol, String endpoint, List<String> extra)
      throws Exception {
    Process child = start(mode, protocol, endpoint, extra);
    Path stdout = dir.resolve(mode + "-" + protocol.replace('/', '-') + ".out");
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    long doneAt = 0;
    while (child.isAlive() && System.nanoTime() < deadline) {
      if (doneAt == 0 && Files.readString(stdout).contains("done")) {
        doneAt = System.nanoTime();
      }
      Thread.sleep(10);
    }
    assertThat(child.waitFor(1, TimeUnit.SECONDS)).as("exited").isTrue();
    long exited = System.nanoTime();
    String stderr = Files.readString(dir.resolve(mode + "-" + protocol.replace('/', '-') + ".err"));
    assertThat(doneAt).as("the program printed done: " + stderr).isPositive();
    return new Run(child.exitValue(), TimeUnit.NANOSECONDS.toMillis(exited - doneAt), stderr);
  }

  private Process start(String mode, String protocol, String endpoint, List<String> extra)
      throws IOException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add("-Dotel.service.name=short");
    command.add("-Dotel.exporter.otlp.protocol=" + protocol);
    command.add("-Dotel.exporter.otlp.endpoint=" + endpoint);
    command.add("-Dotel.metric.export.interval=1000");
    command.add("-Dotel.logs.exporter=otlp");
    command.add("-Dotel.bsp.schedule.delay=200");
    command.add("-Dquerylens.report.console=false");
    command.addAll(extra);
    command.add(ShortProgram.class.getName());
    command.add(mode);
    String name = mode + "-" + protocol.replace('/', '-');
    return new ProcessBuilder(command)
        .redirectOutput(dir.resolve(name + ".out").toFile())
        .redirectError(dir.resolve(name + ".err").toFile())
        .start();
  }
}
