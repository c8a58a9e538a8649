package io.querylens.exporter.otel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.logs.Severity;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Scope;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.logs.SdkLoggerProvider;
import io.opentelemetry.sdk.logs.data.LogRecordData;
import io.opentelemetry.sdk.logs.export.SimpleLogRecordProcessor;
import io.opentelemetry.sdk.testing.exporter.InMemoryLogRecordExporter;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.EventData;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import io.opentelemetry.sdk.trace.samplers.Sampler;
import io.querylens.core.config.ConfigKey;
import io.querylens.core.config.Mode;
import io.querylens.core.config.QueryLensConfig;
import io.querylens.core.intercept.Recording;
import io.querylens.jdbc.QueryLensDataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Spans and findings from real H2 executions through the proxy driver, into the SDK's memory. */
@SuppressWarnings("try") // scopes in try-with-resources are not referenced in their bodies
class QueryLensOpenTelemetryTest {
  private static final AttributeKey<String> DB_QUERY_TEXT = AttributeKey.stringKey("db.query.text");

  private final InMemorySpanExporter spans = InMemorySpanExporter.create();
  private final InMemoryLogRecordExporter logs = InMemoryLogRecordExporter.create();
  private OpenTelemetrySdk sdk;
  private Tracer appTracer;
  private Recording recording;
  private DataSource dataSource;

  @BeforeEach
  void setUp() throws SQLException {
    List<String> schema =
        new ArrayList<>(
            List.of(
                "drop table if exists pets",
                "drop table if exists owners",
                "create table owners (id int primary key, name varchar(20))",
                "create table pets (id int primary key, owner_id int, name varchar(20))"));
    for (int i = 1; i <= 8; i++) {
      schema.add("insert into owners values (" + i + ", 'owner" + i + "')");
      schema.add("insert into pets values (" + i + ", " + i + ", 'pet" + i + "')");
    }
    JdbcDataSource h2 = TestFixtures.h2("otel", schema.toArray(new String[0]));
    recording =
        Recording.create(QueryLensConfig.builder().set(ConfigKey.REPORT_CONSOLE, false).build());
    dataSource = QueryLensDataSource.wrap(h2, recording);
  }

  @AfterEach
  void tearDown() {
    sdk.close();
  }

  private void install(Sampler sampler, Mode mode) {
    sdk =
        OpenTelemetrySdk.builder()
            .setTracerProvider(
                SdkTracerProvider.builder()
                    .setSampler(sampler)
                    .addSpanProcessor(SimpleSpanProcessor.create(spans))
                    .build())
            .setLoggerProvider(
                SdkLoggerProvider.builder()
                    .addLogRecordProcessor(SimpleLogRecordProcessor.create(logs))
                    .build())
            .build();
    appTracer = sdk.getTracer("app");
    QueryLensOpenTelemetry.builder()
        .setOpenTelemetry(sdk)
        .setSpans(mode)
        .build()
        .install(recording);
  }

  private void install() {
    install(Sampler.alwaysOn(), Mode.ON);
  }

  private String ownerName(Connection c, int id) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement("select name from owners where id = ? and name <> 'secret-literal'")) {
      ps.setInt(1, id);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? rs.getString(1) : null;
      }
    }
  }

  private List<SpanData> queryLensSpans() {
    return spans.getFinishedSpanItems().stream()
        .filter(s -> s.getInstrumentationScopeInfo().getName().equals("io.querylens"))
        .toList();
  }

  @Test
  void aSpanCarriesTheDatabaseConventionsAndTheMaskedShapeOnly() throws SQLException {
    install();
    try (Connection c = dataSource.getConnection()) {
      assertThat(ownerName(c, 987_654)).isNull();
      assertThat(ownerName(c, 3)).isEqualTo("owner3");
    }

    List<SpanData> made = queryLensSpans();
    assertThat(made).hasSize(2);
    SpanData span = made.get(1);
    assertThat(span.getName()).isEqualTo("SELECT owners");
    assertThat(span.getKind()).isEqualTo(SpanKind.CLIENT);
    assertThat(span.getAttributes().asMap())
        .containsEntry(AttributeKey.stringKey("db.system.name"), "h2database")
        .containsEntry(AttributeKey.stringKey("db.namespace"), "otel")
        .containsEntry(AttributeKey.stringKey("db.query.summary"), "SELECT owners")
        .containsEntry(AttributeKey.stringKey("db.operation.name"), "SELECT")
        .containsEntry(AttributeKey.stringKey("db.collection.name"), "owners")
        .containsEntry(AttributeKey.longKey("querylens.rows"), 1L)
        .containsKey(AttributeKey.longKey("querylens.execute.nanos"))
        .doesNotContainKey(AttributeKey.stringKey("server.address"));
    String text = span.getAttributes().get(DB_QUERY_TEXT);
    assertThat(text).isEqualTo("select name from owners where id = ? and name <> ?");
    assertThat(span.getAttributes().get(AttributeKey.stringKey("querylens.shape.id")))
        .hasSize(16)
        .isEqualTo(recording.snapshot().shapes().get(0).shape().id());
    for (SpanData s : made) { // neither the literal nor the bind value, in any string attribute
      s.getAttributes()
          .forEach(
              (key, value) -> {
                if (value instanceof String) {
                  assertThat((String) value).doesNotContain("secret-literal", "987654");
                }
              });
    }
  }

  @Test
  void aSpanIsAChildOfTheApplicationsCurrentSpanAndKeepsTheRealTimes() throws SQLException {
    install();
    Span request = appTracer.spanBuilder("GET /owners/{id}").startSpan();
    long before;
    long after;
    try (Scope scope = request.makeCurrent();
        Connection c = dataSource.getConnection()) {
      before = epochNanos();
      ownerName(c, 1);
      after = epochNanos();
    } finally {
      request.end();
    }

    SpanData span = queryLensSpans().get(0);
    assertThat(span.getTraceId()).isEqualTo(request.getSpanContext().getTraceId());
    assertThat(span.getParentSpanId()).isEqualTo(request.getSpanContext().getSpanId());
    // the wall clock read here has millisecond resolution: one millisecond of slack each side
    assertThat(span.getStartEpochNanos()).isBetween(before - 1_000_000, after + 1_000_000);
    assertThat(span.getEndEpochNanos()).isBetween(span.getStartEpochNanos(), after + 1_000_000);
    long execute = span.getAttributes().get(AttributeKey.longKey("querylens.execute.nanos"));
    assertThat(span.getEndEpochNanos() - span.getStartEpochNanos()).isGreaterThanOrEqualTo(execute);
  }

  private static long epochNanos() {
    return TimeUnit.MILLISECONDS.toNanos(System.currentTimeMillis());
  }

  @Test
  void theApplicationsSamplerDecides() throws SQLException {
    install(Sampler.alwaysOff(), Mode.ON);
    try (Connection c = dataSource.getConnection()) {
      ownerName(c, 1);
    }
    assertThat(spans.getFinishedSpanItems()).isEmpty();
    assertThat(recording.snapshot().shapes()).hasSize(1);
  }

  @Test
  void aFailedExecutionCarriesErrorTypeAndStatusCode() throws SQLException {
    install();
    try (Connection c = dataSource.getConnection();
        Statement s = c.createStatement()) {
      assertThatThrownBy(() -> s.executeQuery("select * from missing where id = 7"))
          .isInstanceOf(SQLException.class);
    }
    SpanData span = queryLensSpans().get(0);
    assertThat(span.getStatus().getStatusCode()).isEqualTo(StatusCode.ERROR);
    assertThat(span.getAttributes().get(AttributeKey.stringKey("error.type")))
        .startsWith("org.h2.jdbc.JdbcSQL");
    assertThat(span.getAttributes().get(AttributeKey.stringKey("db.response.status_code")))
        .isEqualTo("42S02");
    assertThat(span.getAttributes().get(DB_QUERY_TEXT))
        .isEqualTo("select * from missing where id = ?");
  }

  @Test
  void aBatchCarriesItsSize() throws SQLException {
    install();
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps = c.prepareStatement("update pets set name = ? where id = ?")) {
      for (int i = 1; i <= 3; i++) {
        ps.setString(1, "p" + i);
        ps.setInt(2, i);
        ps.addBatch();
      }
      ps.executeBatch();
    }
    SpanData span = queryLensSpans().get(0);
    assertThat(span.getName()).isEqualTo("UPDATE pets");
    assertThat(span.getAttributes().get(AttributeKey.longKey("db.operation.batch.size")))
        .isEqualTo(3L);
    assertThat(span.getAttributes().get(AttributeKey.longKey("querylens.rows"))).isEqualTo(3L);
  }

  /** One request: the owners, then each owner's pets one query at a time. */
  private Span request(String name, int owners) throws SQLException {
    Span request = appTracer.spanBuilder(name).startSpan();
    try (Scope scope = request.makeCurrent();
        Connection c = dataSource.getConnection()) {
      try (PreparedStatement ps = c.prepareStatement("select id from owners where id <= ?")) {
        ps.setInt(1, owners);
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            petsOf(c, rs.getInt(1));
          }
        }
      }
    } finally {
      request.end();
    }
    return request;
  }

  private static void petsOf(Connection c, int owner) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("select name from pets where owner_id = ?")) {
      ps.setInt(1, owner);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          rs.getString(1);
        }
      }
    }
  }

  private List<SpanData> spansNamed(String name) {
    return spans.getFinishedSpanItems().stream().filter(s -> s.getName().equals(name)).toList();
  }

  @Test
  void aFindingIsAnEventOnEachRequestSpanAndOneWarnLogRecord() throws SQLException {
    install();
    Span first = request("GET /owners", 6);
    Span second = request("GET /owners", 7);

    List<SpanData> requests = spansNamed("GET /owners");
    assertThat(requests).hasSize(2);
    for (SpanData r : requests) {
      assertThat(r.getEvents()).hasSize(1);
      EventData event = r.getEvents().get(0);
      assertThat(event.getName()).isEqualTo("querylens.finding");
      assertThat(event.getAttributes().asMap())
          .containsEntry(AttributeKey.stringKey("querylens.finding.kind"), "n-plus-one")
          .containsEntry(
              AttributeKey.stringKey("querylens.finding.shape"),
              "select name from pets where owner_id = ?")
          .containsEntry(
              AttributeKey.stringKey("querylens.finding.parent_shape"),
              "select id from owners where id <= ?")
          .containsEntry(AttributeKey.longKey("querylens.finding.count"), 5L)
          .containsEntry(AttributeKey.stringKey("querylens.finding.unit"), "GET /owners")
          .containsEntry(AttributeKey.stringKey("querylens.finding.phase"), "runtime");
      assertThat(event.getAttributes().get(AttributeKey.stringKey("querylens.finding.call_site")))
          .contains("QueryLensOpenTelemetryTest.petsOf");
      assertThat(event.getAttributes().get(AttributeKey.stringKey("querylens.finding.hint")))
          .isNotBlank();
      assertThat(event.getAttributes().get(AttributeKey.longKey("querylens.finding.wasted.nanos")))
          .isPositive();
    }
    assertThat(requests)
        .extracting(SpanData::getSpanId)
        .containsExactlyInAnyOrder(
            first.getSpanContext().getSpanId(), second.getSpanContext().getSpanId());

    List<LogRecordData> records = logs.getFinishedLogRecordItems();
    assertThat(records).hasSize(1); // new in the JVM once
    LogRecordData record = records.get(0);
    assertThat(record.getSeverity()).isEqualTo(Severity.WARN);
    assertThat(record.getBodyValue().asString())
        .startsWith("QueryLens finding n-plus-one: select name from pets where owner_id = ?");
    assertThat(record.getAttributes().get(AttributeKey.stringKey("querylens.finding.kind")))
        .isEqualTo("n-plus-one");
    assertThat(record.getSpanContext().getTraceId()).isEqualTo(first.getSpanContext().getTraceId());
  }

  @Test
  void eachRequestSpanIsAUnitOfWork() throws SQLException {
    install();
    request("GET /owners", 3);
    request("GET /owners", 3); // six repetitions in all, but three per request: no finding

    assertThat(recording.snapshot().findings()).isEmpty();
    assertThat(logs.getFinishedLogRecordItems()).isEmpty();
    assertThat(recording.snapshot().units())
        .singleElement()
        .satisfies(u -> assertThat(u.name()).isEqualTo("GET /owners"))
        .satisfies(u -> assertThat(u.units()).isEqualTo(2))
        .satisfies(u -> assertThat(u.executions()).isEqualTo(8));
  }

  @Test
  void withSpansOffFindingsStillReachTheApplicationsSpan() throws SQLException {
    install(Sampler.alwaysOn(), Mode.OFF);
    request("GET /owners", 6);
    assertThat(queryLensSpans()).isEmpty();
    assertThat(spansNamed("GET /owners").get(0).getEvents())
        .extracting(EventData::getName)
        .containsExactly("querylens.finding");
    assertThat(logs.getFinishedLogRecordItems()).hasSize(1);
  }
}
