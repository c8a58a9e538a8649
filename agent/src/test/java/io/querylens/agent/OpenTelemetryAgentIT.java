package io.querylens.agent;

import static org.assertj.core.api.Assertions.assertThat;

import com.example.app.Apps;
import com.example.app.ReadBackApp;
import io.opentelemetry.proto.logs.v1.LogRecord;
import io.opentelemetry.proto.metrics.v1.Metric;
import io.opentelemetry.proto.trace.v1.Span;
import io.querylens.exporter.otel.OtlpReceiver;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The OpenTelemetry Java agent (from Maven Central, copied by the build) attached in the same JVM
 * as QueryLens's, in either order: the application reads what it wrote, QueryLens records each
 * execution once, and OpenTelemetry's JDBC instrumentation still makes one span per execution.
 */
class OpenTelemetryAgentIT {
  private static final String INSERT = "insert into agent_item values (?, ?)";
  private static final String SELECT = "select name from agent_item where id = ?";

  @TempDir Path dir;

  @ParameterizedTest(name = "OpenTelemetry first: {0}")
  @ValueSource(booleans = {true, false})
  void bothAgentsSeeEveryExecutionOnceAndTheResultsAreUnchanged(boolean openTelemetryFirst)
      throws Exception {
    String otel = "-javaagent:" + openTelemetryAgentJar();
    String ours = "-javaagent:" + ChildJvm.agentJar();
    ChildJvm child =
        new ChildJvm(dir)
            .withoutAgent()
            .option(openTelemetryFirst ? otel : ours)
            .option(openTelemetryFirst ? ours : otel)
            .option("-Dotel.traces.exporter=logging")
            .option("-Dotel.metrics.exporter=none")
            .option("-Dotel.logs.exporter=none");
    ChildJvm.Result result = child.run(ReadBackApp.class);

    assertResultsUnchangedAndEachExecutionRecordedAndTracedOnce(child, result);
  }

  @Test
  void withTheDriverUrlTooEveryExecutionIsRecordedAndTracedOnce() throws Exception {
    ChildJvm child =
        new ChildJvm(dir)
            .withQueryLensOnClassPath()
            .option("-javaagent:" + openTelemetryAgentJar())
            .option("-Dotel.traces.exporter=logging")
            .option("-Dotel.metrics.exporter=none")
            .option("-Dotel.logs.exporter=none");
    ChildJvm.Result result =
        child.run(ReadBackApp.class, "jdbc:querylens:h2:mem:readback-url;DB_CLOSE_DELAY=-1");

    assertResultsUnchangedAndEachExecutionRecordedAndTracedOnce(child, result);
  }

  /**
   * {@link ReadBackApp}'s output is what it is without any agent, QueryLens recorded each execution
   * and each {@code DriverManager.getConnection} once, and OpenTelemetry printed one span per
   * execution.
   */
  private static void assertResultsUnchangedAndEachExecutionRecordedAndTracedOnce(
      ChildJvm child, ChildJvm.Result result) throws Exception {
    assertThat(result.stdout())
        .as("the application's own results; stderr:%n%s", result.stderr())
        .contains(ReadBackApp.EXPECTED)
        .contains("unwrap=org.h2.jdbc.JdbcConnection");
    assertThat(result.stderr())
        .contains("QueryLens agent started")
        .contains("opentelemetry-javaagent - version:");

    JsonReportFile report = JsonReportFile.read(child.report());
    assertThat(report.count(INSERT)).isEqualTo(7);
    assertThat(report.count(SELECT)).isEqualTo(ReadBackApp.READS);
    assertThat(report.connects())
        .as("one per DriverManager.getConnection: create, reads, unwrap")
        .isEqualTo(ReadBackApp.READS + 2);
    assertThat(report.holds()).isEqualTo(ReadBackApp.READS + 2);
    assertThat(report.internalFaults()).isZero();

    assertThat(spans(result.stderr(), SELECT))
        .as("OpenTelemetry's JDBC spans for the reads; stderr:%n%s", result.stderr())
        .isEqualTo(ReadBackApp.READS);
    assertThat(spans(result.stderr(), INSERT))
        .as("one span per insert, not one more for QueryLens's wrapper")
        .isEqualTo(7);
  }

  /**
   * Both agents, the OpenTelemetry one exporting over OTLP: its JDBC spans carry QueryLens's
   * attributes and QueryLens makes none of its own (decision 0016), and the finding and QueryLens's
   * metrics go out through the OpenTelemetry agent's pipeline.
   */
  @ParameterizedTest(name = "OpenTelemetry first: {0}")
  @ValueSource(booleans = {true, false})
  void queryLensAddsItsAttributesToTheOpenTelemetryAgentsSpans(boolean openTelemetryFirst)
      throws Exception {
    try (OtlpReceiver receiver = OtlpReceiver.start()) {
      String otel = "-javaagent:" + openTelemetryAgentJar();
      String ours = "-javaagent:" + ChildJvm.agentJar();
      ChildJvm.Result result =
          new ChildJvm(dir)
              .withoutAgent()
              .option(openTelemetryFirst ? otel : ours)
              .option(openTelemetryFirst ? ours : otel)
              .option("-Dotel.service.name=both-agents")
              .option("-Dotel.exporter.otlp.protocol=http/protobuf")
              .option("-Dotel.exporter.otlp.endpoint=" + receiver.httpEndpoint())
              .option("-Dotel.metric.export.interval=200ms")
              .run(Apps.N_PLUS_ONE);
      assertThat(result.stdout()).contains("done");

      List<Span> selects =
          receiver.await(
              r -> r.spans().stream().filter(s -> SELECT.equals(statement(s))).toList(),
              l -> l.size() >= Apps.N_PLUS_ONE_LOOP,
              Duration.ofSeconds(15));
      assertThat(selects)
          .as("the OpenTelemetry agent's spans, one per execution; stderr:%n%s", result.stderr())
          .hasSize(Apps.N_PLUS_ONE_LOOP)
          .allSatisfy(
              s ->
                  assertThat(OtlpReceiver.attributes(s.getAttributesList()))
                      .containsEntry("querylens.shape", SELECT)
                      .containsKey("querylens.shape.id"));
      assertThat(scopes(receiver))
          .as("QueryLens made no span of its own")
          .doesNotContain("io.querylens");

      List<LogRecord> findings =
          receiver.await(
              r ->
                  r.logRecords().stream()
                      .filter(l -> kind(l) != null && kind(l).equals("n-plus-one"))
                      .toList(),
              l -> !l.isEmpty(),
              Duration.ofSeconds(15));
      assertThat(findings).hasSize(1);
      assertThat(
              receiver.await(
                  r -> r.metrics().stream().map(Metric::getName).distinct().toList(),
                  l -> l.contains("querylens.findings"),
                  Duration.ofSeconds(15)))
          .contains("querylens.findings");
    }
  }

  /**
   * The Spring Boot fixture under both agents: the n-plus-one of {@code GET /owners} becomes a log
   * record of the OpenTelemetry agent's pipeline, linked to that agent's server span for the
   * request and named by its route, each request's finding is a {@code querylens.finding} event on
   * a span of its trace, and the application's own logging (Logback) prints none of QueryLens's
   * messages.
   */
  @Test
  void aRequestsFindingIsLinkedToTheOpenTelemetryAgentsServerSpan() throws Exception {
    try (OtlpReceiver receiver = OtlpReceiver.start()) {
      Path log = dir.resolve("stdout.txt");
      List<String> command =
          List.of(
              Path.of(System.getProperty("java.home"), "bin", "java").toString(),
              "-javaagent:" + openTelemetryAgentJar(),
              "-javaagent:" + ChildJvm.agentJar() + "=nplusone.threshold=3,report.console=false",
              "-Dotel.service.name=both-agents-boot",
              "-Dotel.exporter.otlp.protocol=http/protobuf",
              "-Dotel.exporter.otlp.endpoint=" + receiver.httpEndpoint(),
              "-Dotel.bsp.schedule.delay=100",
              "-XX:TieredStopAtLevel=1",
              "-jar",
              SpringBootAppIT.appJar().toString(),
              "--server.port=0");
      Process app =
          new ProcessBuilder(command)
              .redirectErrorStream(true)
              .redirectOutput(log.toFile())
              .start();
      try {
        int port = SpringBootAppIT.awaitPort(app, log);
        HttpClient http = HttpClient.newHttpClient();
        for (int i = 0; i < 2; i++) {
          HttpResponse<String> response =
              http.send(
                  HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/owners"))
                      .build(),
                  HttpResponse.BodyHandlers.ofString());
          assertThat(response.statusCode()).isEqualTo(200);
        }
        List<LogRecord> findings =
            receiver.await(
                r ->
                    r.logRecords().stream()
                        .filter(l -> "n-plus-one".equals(kind(l)))
                        .filter(l -> String.valueOf(shape(l)).contains("from pet"))
                        .toList(),
                l -> !l.isEmpty(),
                Duration.ofSeconds(20));
        String output = Files.readString(log, StandardCharsets.UTF_8);
        assertThat(findings).as("the finding's log record; output:%n%s", output).hasSize(1);
        List<Span> servers =
            receiver.await(
                r ->
                    r.spans().stream()
                        .filter(sp -> sp.getKind() == Span.SpanKind.SPAN_KIND_SERVER)
                        .filter(sp -> sp.getName().equals("GET /owners"))
                        .toList(),
                l -> l.size() == 2,
                Duration.ofSeconds(20));
        assertThat(servers)
            .as("the log record belongs to the request's server span")
            .anySatisfy(
                sp -> {
                  assertThat(sp.getTraceId()).isEqualTo(findings.get(0).getTraceId());
                  assertThat(sp.getSpanId()).isEqualTo(findings.get(0).getSpanId());
                });
        assertThat(OtlpReceiver.attributes(findings.get(0).getAttributesList()))
            .as("the unit is named by the request's route, lent by the agent's request source")
            .containsEntry("querylens.finding.unit", "GET /owners");
        List<Span> withEvent =
            receiver.await(
                r ->
                    r.spans().stream()
                        .filter(
                            sp ->
                                sp.getEventsList().stream()
                                    .anyMatch(e -> e.getName().equals("querylens.finding")))
                        .toList(),
                l -> l.size() == 2,
                Duration.ofSeconds(20));
        assertThat(withEvent)
            .as("each request's finding is an event on an open span of its trace")
            .anySatisfy(sp -> assertThat(sp.getTraceId()).isEqualTo(findings.get(0).getTraceId()));
        assertThat(scopes(receiver)).doesNotContain("io.querylens");
        assertThat(output)
            .as("QueryLens's messages are its own [QueryLens] lines, not the application's log")
            .containsPattern("(?m)^\\[QueryLens\\] WARN QueryLens finding")
            .doesNotContainPattern("(?m)^(?!\\[QueryLens\\]).*QueryLens finding")
            .doesNotContain("internal fault");
      } finally {
        app.destroy();
        if (!app.waitFor(60, TimeUnit.SECONDS)) {
          app.destroyForcibly();
        }
      }
    }
  }

  private static String statement(Span s) {
    Map<String, String> a = OtlpReceiver.attributes(s.getAttributesList());
    return a.getOrDefault("db.query.text", a.get("db.statement"));
  }

  private static String kind(LogRecord r) {
    return OtlpReceiver.attributes(r.getAttributesList()).get("querylens.finding.kind");
  }

  private static String shape(LogRecord r) {
    return OtlpReceiver.attributes(r.getAttributesList()).get("querylens.finding.shape");
  }

  private static List<String> scopes(OtlpReceiver receiver) {
    return receiver.traceRequests().stream()
        .flatMap(t -> t.getResourceSpansList().stream())
        .flatMap(rs -> rs.getScopeSpansList().stream())
        .map(ss -> ss.getScope().getName())
        .distinct()
        .toList();
  }

  @Test
  void hikariOverH2WithNothingExportedIsRecordedOnce() throws Exception {
    ChildJvm child =
        new ChildJvm(dir)
            .option("-javaagent:" + openTelemetryAgentJar())
            .option("-Dotel.traces.exporter=none")
            .option("-Dotel.metrics.exporter=none")
            .option("-Dotel.logs.exporter=none");
    child.run(Apps.HIKARI, "jdbc:h2:mem:otel-hikari;DB_CLOSE_DELAY=-1", "sa", "");

    JsonReportFile report = JsonReportFile.read(child.report());
    assertThat(report.count(INSERT)).isEqualTo(7);
    assertThat(report.count(SELECT)).isEqualTo(Apps.HIKARI_BORROWS);
    assertThat(report.acquires()).as("checkouts").isEqualTo(Apps.HIKARI_BORROWS + 1);
    assertThat(report.holds()).as("one per checkout").isEqualTo(Apps.HIKARI_BORROWS + 1);
    assertThat(report.internalFaults()).isZero();
  }

  /** Spans the logging exporter printed whose statement is {@code sql}. */
  private static long spans(String stderr, String sql) {
    Matcher m =
        Pattern.compile("LoggingSpanExporter - .*db\\.statement=" + Pattern.quote(sql) + "[,}]")
            .matcher(stderr);
    long n = 0;
    while (m.find()) {
      n++;
    }
    return n;
  }

  /** The OpenTelemetry Java agent jar the build copied (see this module's pom). */
  private static Path openTelemetryAgentJar() {
    Path jar =
        Path.of(
            System.getProperty(
                "opentelemetry-javaagent.jar", "target/otel/opentelemetry-javaagent.jar"));
    assertThat(jar)
        .as("the OpenTelemetry Java agent jar (run after pre-integration-test)")
        .isRegularFile();
    return jar.toAbsolutePath();
  }
}
