package io.querylens.exporter.otel;

import static org.assertj.core.api.Assertions.assertThat;

import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.trace.v1.ScopeSpans;
import io.opentelemetry.proto.trace.v1.Span;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Beside the real OpenTelemetry Java agent (from Maven Central, copied by the build) in a child
 * JVM, with {@code querylens.otel.spans=auto}: QueryLens makes no span of its own, and the agent's
 * JDBC spans, exported over OTLP to a real receiver, carry QueryLens's shape.
 */
class JavaAgentIT {
  @TempDir Path dir;

  @Test
  void theAgentsJdbcSpansCarryTheShapeAndQueryLensMakesNoSecondSpan() throws Exception {
    try (OtlpReceiver receiver = OtlpReceiver.start()) {
      Path out = dir.resolve("out.txt");
      List<String> command =
          List.of(
              Path.of(System.getProperty("java.home"), "bin", "java").toString(),
              "-javaagent:" + agentJar(),
              "-Dotel.service.name=agent-app",
              "-Dotel.exporter.otlp.endpoint=" + receiver.httpEndpoint(),
              "-Dotel.exporter.otlp.protocol=http/protobuf",
              "-Dotel.metrics.exporter=none",
              "-Dotel.blrp.schedule.delay=50",
              "-Dquerylens.report.console=false",
              "-cp",
              System.getProperty("java.class.path"),
              JavaAgentApp.class.getName());
      Process child =
          new ProcessBuilder(command)
              .redirectErrorStream(true)
              .redirectOutput(out.toFile())
              .start();
      assertThat(child.waitFor(120, TimeUnit.SECONDS)).as("child JVM ended").isTrue();
      String output = Files.readString(out, StandardCharsets.UTF_8);
      assertThat(output).as(output).contains("JavaAgentApp done");

      List<Span> jdbc =
          receiver.await(JavaAgentIT::jdbcSpans, l -> l.size() >= 10, Duration.ofSeconds(20));
      assertThat(scopes(receiver)).as("no span of QueryLens's own").doesNotContain("io.querylens");
      assertThat(jdbc).as(output).hasSize(10);
      for (Span span : jdbc) {
        Map<String, String> a = OtlpReceiver.attributes(span.getAttributesList());
        assertThat(a).as(span.getName()).containsKey("querylens.shape.id");
      }
      List<String> shapes = new ArrayList<>();
      for (Span span : jdbc) {
        shapes.add(OtlpReceiver.attributes(span.getAttributesList()).get("querylens.shape"));
      }
      assertThat(shapes)
          .filteredOn("select name from specialties where id = ?"::equals)
          .hasSize(JavaAgentApp.SELECTS);

      // the selects' repetition is a finding; its log record goes through the agent's SDK (the
      // application's global), not a second one of QueryLens's
      assertThat(
              receiver.await(OtlpReceiver::logRecords, l -> !l.isEmpty(), Duration.ofSeconds(20)))
          .extracting(
              r -> OtlpReceiver.attributes(r.getAttributesList()).get("querylens.finding.kind"))
          .containsExactly("n-plus-one");
      assertThat(
              OtlpReceiver.attributes(
                  receiver
                      .logRequests()
                      .get(0)
                      .getResourceLogs(0)
                      .getResource()
                      .getAttributesList()))
          .containsKey("telemetry.distro.name")
          .containsEntry("service.name", "agent-app");
    }
  }

  private static List<Span> jdbcSpans(OtlpReceiver receiver) {
    List<Span> out = new ArrayList<>();
    for (ExportTraceServiceRequest r : receiver.traceRequests()) {
      r.getResourceSpansList()
          .forEach(
              rs -> {
                for (ScopeSpans ss : rs.getScopeSpansList()) {
                  if (ss.getScope().getName().contains("jdbc")) {
                    out.addAll(ss.getSpansList());
                  }
                }
              });
    }
    return out;
  }

  private static List<String> scopes(OtlpReceiver receiver) {
    List<String> out = new ArrayList<>();
    for (ExportTraceServiceRequest r : receiver.traceRequests()) {
      r.getResourceSpansList()
          .forEach(rs -> rs.getScopeSpansList().forEach(ss -> out.add(ss.getScope().getName())));
    }
    return out;
  }

  private static String agentJar() {
    Path jar =
        Path.of(
            System.getProperty(
                "opentelemetry-javaagent.jar", "target/otel/opentelemetry-javaagent.jar"));
    assertThat(jar).as("the OpenTelemetry Java agent jar").isRegularFile();
    return jar.toAbsolutePath().toString().replace(File.separatorChar, '/');
  }
}
