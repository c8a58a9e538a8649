package io.querylens.exporter.otel.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Scope;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.querylens.core.config.Mode;
import io.querylens.core.config.QueryLensConfig;
import io.querylens.core.intercept.Recording;
import io.querylens.exporter.otel.TestFixtures;
import io.querylens.exporter.otel.internal.delivery.DeliveryHealth;
import io.querylens.jdbc.QueryLensDataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.concurrent.Callable;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * With {@code querylens.otel.spans=auto} and the OpenTelemetry Java agent making the JDBC spans,
 * QueryLens makes none and adds its attributes to the agent's span while it is current. The agent
 * is stood in for by a CLIENT span made current around each execute call, as its advice does.
 */
@SuppressWarnings("try") // scopes in try-with-resources are not referenced in their bodies
class AgentSpanEnrichmentTest {
  private static final AttributeKey<String> SHAPE_ID = AttributeKey.stringKey("querylens.shape.id");

  private final InMemorySpanExporter spans = InMemorySpanExporter.create();
  private OpenTelemetrySdk sdk;
  private Tracer agent;
  private DataSource dataSource;

  @BeforeEach
  void setUp() throws SQLException {
    sdk = TestFixtures.sdkWithSpansIn(spans);
    agent = sdk.getTracer("io.opentelemetry.jdbc");
    JdbcDataSource h2 =
        TestFixtures.h2(
            "agent",
            "create table if not exists vets (id int primary key, name varchar(20))",
            "merge into vets values (1, 'ann'), (2, 'bob')");
    Recording recording = Recording.create(QueryLensConfig.builder().build());
    OpenTelemetryExtension.install(
        recording, new Telemetry(sdk, Mode.AUTO, true, null, null, new DeliveryHealth()));
    dataSource = QueryLensDataSource.wrap(h2, recording);
  }

  @AfterEach
  void tearDown() {
    sdk.close();
  }

  /** Runs {@code call} with an agent-like JDBC span current, as the agent's advice would. */
  private <T> T insideAgentSpan(String name, Callable<T> call) throws Exception {
    Span span = agent.spanBuilder(name).setSpanKind(SpanKind.CLIENT).startSpan();
    try (Scope scope = span.makeCurrent()) {
      return call.call();
    } finally {
      span.end();
    }
  }

  @Test
  void noSecondSpanAndTheAgentsSpansCarryTheShape() throws Exception {
    Span request = agent.spanBuilder("GET /vets").startSpan();
    try (Scope scope = request.makeCurrent();
        Connection c = dataSource.getConnection();
        PreparedStatement query = c.prepareStatement("select name from vets where id = ?");
        PreparedStatement update = c.prepareStatement("update vets set name = ? where id = ?")) {
      query.setInt(1, 1);
      try (ResultSet rs = insideAgentSpan("SELECT vets", query::executeQuery)) {
        rs.next(); // the cursor ends outside the agent's span
      }
      update.setString(1, "cy");
      update.setInt(2, 2);
      insideAgentSpan("UPDATE vets", update::executeUpdate);
    } finally {
      request.end();
    }

    assertThat(spans.getFinishedSpanItems())
        .extracting(SpanData::getName)
        .containsExactly("SELECT vets", "UPDATE vets", "GET /vets"); // none of QueryLens's own
    SpanData select = spans.getFinishedSpanItems().get(0);
    assertThat(select.getAttributes().get(SHAPE_ID)).hasSize(16);
    assertThat(select.getAttributes().get(AttributeKey.stringKey("querylens.shape")))
        .isEqualTo("select name from vets where id = ?");
    SpanData updated = spans.getFinishedSpanItems().get(1);
    assertThat(updated.getAttributes().get(SHAPE_ID)).hasSize(16);
    assertThat(updated.getAttributes().get(AttributeKey.longKey("querylens.rows"))).isEqualTo(1L);
    SpanData requestSpan = spans.getFinishedSpanItems().get(2);
    assertThat(requestSpan.getAttributes().get(SHAPE_ID)).isNull();
    assertThat(requestSpan.getAttributes().get(AttributeKey.longKey("querylens.rows"))).isNull();
  }
}
