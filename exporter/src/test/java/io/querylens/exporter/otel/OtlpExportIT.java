package io.querylens.exporter.otel;

import static org.assertj.core.api.Assertions.assertThat;

import io.opentelemetry.api.GlobalOpenTelemetry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.context.Scope;
import io.opentelemetry.proto.logs.v1.LogRecord;
import io.opentelemetry.proto.logs.v1.SeverityNumber;
import io.opentelemetry.proto.metrics.v1.Metric;
import io.opentelemetry.proto.metrics.v1.NumberDataPoint;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.autoconfigure.AutoConfiguredOpenTelemetrySdk;
import io.querylens.core.intercept.Recording;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The exporter configured by the standard {@code otel.*} properties, sending to a real OTLP
 * receiver over gRPC and HTTP/protobuf, with executions through the {@code jdbc:querylens:} driver
 * on H2 and the JVM-wide recording.
 */
@SuppressWarnings("try") // scopes in try-with-resources are not referenced in their bodies
class OtlpExportIT {
  private static final String URL = "jdbc:querylens:h2:mem:otlp;DB_CLOSE_DELAY=-1";
  private static final Duration WAIT = Duration.ofSeconds(15);
  private static final Map<String, String> COMMON =
      Map.of(
          "otel.service.name", "petclinic",
          "otel.resource.attributes", "deployment.environment.name=it",
          "otel.metrics.exporter", "none",
          "otel.bsp.schedule.delay", "50",
          "otel.blrp.schedule.delay", "50",
          "querylens.report.console", "false");

  private static OtlpReceiver receiver;

  @BeforeAll
  static void start() throws Exception {
    receiver = OtlpReceiver.start();
    COMMON.forEach(System::setProperty);
    try (Connection c = DriverManager.getConnection(URL.replace("querylens:", ""));
        Statement s = c.createStatement()) {
      s.execute("create table owners (id int primary key, name varchar(20))");
      s.execute("create table pets (id int primary key, owner_id int, name varchar(20))");
      for (int i = 1; i <= 8; i++) {
        s.execute("insert into owners values (" + i + ", 'owner" + i + "')");
        s.execute("insert into pets values (" + i + ", " + i + ", 'pet" + i + "')");
      }
    }
  }

  @AfterAll
  static void stop() {
    receiver.close();
    COMMON.keySet().forEach(System::clearProperty);
  }

  @AfterEach
  void clear() {
    for (String key :
        List.of(
            "otel.exporter.otlp.endpoint",
            "otel.exporter.otlp.protocol",
            "otel.bsp.max.queue.size",
            "otel.bsp.max.export.batch.size",
            "otel.metric.export.interval")) {
      System.clearProperty(key);
    }
    receiver.setResponseDelay(Duration.ZERO);
    receiver.clear();
  }

  /** Makes the JVM-wide recording write to the OpenTelemetry the properties now describe. */
  private static void configure(String endpoint, String protocol) {
    System.setProperty("otel.exporter.otlp.endpoint", endpoint);
    System.setProperty("otel.exporter.otlp.protocol", protocol);
    QueryLensOpenTelemetry.builder().build().install(); // flushes and closes the previous SDK
    Recording.global().reset();
    receiver.clear();
  }

  /** The owners, then each one's pets one query at a time, with a literal in the SQL text. */
  private static void ownersAndPets(int owners) throws SQLException {
    try (Connection c = DriverManager.getConnection(URL);
        PreparedStatement ps = c.prepareStatement("select id from owners where id <= ?")) {
      ps.setInt(1, owners);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          try (PreparedStatement pets =
              c.prepareStatement("select name from pets where owner_id = ? and name <> 'rex'")) {
            pets.setInt(1, rs.getInt(1));
            try (ResultSet p = pets.executeQuery()) {
              p.next();
            }
          }
        }
      }
    }
  }

  private static Map<String, String> attributes(io.opentelemetry.proto.trace.v1.Span span) {
    return OtlpReceiver.attributes(span.getAttributesList());
  }

  @Test
  void spansAndAFindingLogRecordArriveOverGrpc() throws Exception {
    configure(receiver.grpcEndpoint(), "grpc");
    ownersAndPets(6);

    List<io.opentelemetry.proto.trace.v1.Span> spans =
        receiver.await(OtlpReceiver::spans, l -> l.size() >= 7, WAIT);
    assertThat(spans).hasSize(7);
    io.opentelemetry.proto.trace.v1.Span pets = spans.get(0);
    assertThat(pets.getName()).isEqualTo("SELECT pets");
    assertThat(pets.getKind())
        .isEqualTo(io.opentelemetry.proto.trace.v1.Span.SpanKind.SPAN_KIND_CLIENT);
    assertThat(attributes(pets))
        .containsEntry("db.system.name", "h2database")
        .containsEntry("db.namespace", "otlp")
        .containsEntry("db.query.text", "select name from pets where owner_id = ? and name <> ?")
        .containsEntry("db.query.summary", "SELECT pets")
        .containsEntry("db.operation.name", "SELECT")
        .containsEntry("db.collection.name", "pets")
        .containsEntry("querylens.rows", "1")
        .containsKeys("querylens.shape.id", "querylens.execute.nanos");
    assertThat(pets.getEndTimeUnixNano()).isGreaterThan(pets.getStartTimeUnixNano());
    assertThat(spans.toString()).doesNotContain("rex");
    assertThat(receiver.traceResources().get(0))
        .containsEntry("service.name", "petclinic")
        .containsEntry("deployment.environment.name", "it");

    List<LogRecord> records = receiver.await(OtlpReceiver::logRecords, l -> !l.isEmpty(), WAIT);
    assertThat(records).hasSize(1);
    LogRecord record = records.get(0);
    assertThat(record.getSeverityNumber()).isEqualTo(SeverityNumber.SEVERITY_NUMBER_WARN);
    assertThat(OtlpReceiver.attributes(record.getAttributesList()))
        .containsEntry("querylens.finding.kind", "n-plus-one")
        .containsEntry(
            "querylens.finding.shape", "select name from pets where owner_id = ? and name <> ?")
        .containsEntry("querylens.finding.parent_shape", "select id from owners where id <= ?")
        .containsEntry("querylens.finding.count", "5")
        .containsKeys(
            "querylens.finding.call_site",
            "querylens.finding.wasted.nanos",
            "querylens.finding.hint");
    assertThat(receiver.transports()).containsOnly("grpc");
  }

  @Test
  void underTheApplicationsGlobalOpenTelemetrySpansAndEventsArriveOverHttp() throws Exception {
    System.setProperty("otel.exporter.otlp.endpoint", receiver.httpEndpoint());
    System.setProperty("otel.exporter.otlp.protocol", "http/protobuf");
    OpenTelemetrySdk app =
        AutoConfiguredOpenTelemetrySdk.builder().setResultAsGlobal().build().getOpenTelemetrySdk();
    try {
      configure(receiver.httpEndpoint(), "http/protobuf"); // finds the application's global
      Span request = app.getTracer("app").spanBuilder("GET /owners").startSpan();
      try (Scope scope = request.makeCurrent()) {
        ownersAndPets(6);
      } finally {
        request.end();
      }
      app.getSdkTracerProvider().forceFlush().join(10, TimeUnit.SECONDS);
      app.getSdkLoggerProvider().forceFlush().join(10, TimeUnit.SECONDS);

      List<io.opentelemetry.proto.trace.v1.Span> spans =
          receiver.await(OtlpReceiver::spans, l -> l.size() >= 8, WAIT);
      String traceId = request.getSpanContext().getTraceId();
      String requestId = request.getSpanContext().getSpanId();
      io.opentelemetry.proto.trace.v1.Span received =
          spans.stream().filter(s -> s.getName().equals("GET /owners")).findFirst().orElseThrow();
      assertThat(received.getEventsList()).hasSize(1);
      assertThat(received.getEvents(0).getName()).isEqualTo("querylens.finding");
      assertThat(OtlpReceiver.attributes(received.getEvents(0).getAttributesList()))
          .containsEntry("querylens.finding.kind", "n-plus-one")
          .containsEntry("querylens.finding.unit", "GET /owners");
      List<io.opentelemetry.proto.trace.v1.Span> queries =
          spans.stream().filter(s -> s.getName().startsWith("SELECT")).toList();
      assertThat(queries).hasSize(7);
      for (io.opentelemetry.proto.trace.v1.Span q : queries) {
        assertThat(hex(q.getTraceId().toByteArray())).isEqualTo(traceId);
        assertThat(hex(q.getParentSpanId().toByteArray())).isEqualTo(requestId);
        assertThat(attributes(q).get("db.query.text")).doesNotContain("rex");
      }

      List<LogRecord> records = receiver.await(OtlpReceiver::logRecords, l -> !l.isEmpty(), WAIT);
      assertThat(records).hasSize(1);
      assertThat(hex(records.get(0).getTraceId().toByteArray())).isEqualTo(traceId);
      assertThat(receiver.transports()).contains("http").doesNotContain("grpc");
    } finally {
      GlobalOpenTelemetry.resetForTest();
      app.close();
    }
  }

  @Test
  void aSlowCollectorNeitherSlowsTheApplicationNorQueuesWithoutBoundAndDropsAreReported()
      throws Exception {
    System.setProperty("otel.bsp.max.queue.size", "64");
    System.setProperty("otel.bsp.max.export.batch.size", "16");
    System.setProperty("otel.metrics.exporter", "otlp");
    System.setProperty("otel.metric.export.interval", "200");
    receiver.setResponseDelay(Duration.ofMillis(400));
    try {
      configure(receiver.httpEndpoint(), "http/protobuf");
      int executions = 3_000;
      long start = System.nanoTime();
      try (Connection c = DriverManager.getConnection(URL);
          PreparedStatement ps = c.prepareStatement("select name from owners where id = ?")) {
        for (int i = 0; i < executions; i++) {
          ps.setInt(1, 1 + i % 8);
          try (ResultSet rs = ps.executeQuery()) {
            rs.next();
          }
        }
      }
      long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
      // exported at the collector's pace this would take executions / 16 * 400 ms = 75 s
      assertThat(millis).isLessThan(10_000);

      List<Metric> metrics = receiver.await(OtlpReceiver::metrics, l -> droppedSpans(l) > 0, WAIT);
      assertThat(droppedSpans(metrics)).isPositive();
      assertThat(receiver.spans().size()).isLessThan(executions);
    } finally {
      System.setProperty("otel.metrics.exporter", "none");
      receiver.setResponseDelay(Duration.ZERO);
    }
  }

  /**
   * Spans the batch processor counted as dropped for a full queue, from its own metrics (either
   * generation of their names).
   */
  private static long droppedSpans(List<Metric> metrics) {
    long max = 0;
    for (Metric m : metrics) {
      boolean legacy = m.getName().equals("processedSpans");
      boolean current = m.getName().equals("otel.sdk.processor.span.processed");
      if (!legacy && !current || !m.hasSum()) {
        continue;
      }
      for (NumberDataPoint p : m.getSum().getDataPointsList()) {
        Map<String, String> a = OtlpReceiver.attributes(p.getAttributesList());
        if ("true".equals(a.get("dropped")) || "queue_full".equals(a.get("error.type"))) {
          max = Math.max(max, p.getAsInt());
        }
      }
    }
    return max;
  }

  private static String hex(byte[] bytes) {
    return HexFormat.of().formatHex(bytes);
  }
}
