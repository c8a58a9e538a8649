package io.querylens.exporter.otel;

import static org.assertj.core.api.Assertions.assertThat;

import io.opentelemetry.api.GlobalOpenTelemetry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.context.Scope;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.querylens.core.intercept.Recording;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * On the class path the exporter installs itself into the JVM-wide recording, and finds the
 * application's global OpenTelemetry even when it is set after QueryLens started.
 */
@SuppressWarnings("try") // scopes in try-with-resources are not referenced in their bodies
class ExtensionDiscoveryTest {
  @Test
  void foundThroughServiceLoaderAndWritesToTheGlobalSetLater() throws Exception {
    System.setProperty("querylens.report.console", "false");
    Recording.global(); // QueryLens starts first: the extension is installed, nothing resolved yet
    InMemorySpanExporter spans = InMemorySpanExporter.create();
    OpenTelemetrySdk app = TestFixtures.sdkWithSpansIn(spans);
    GlobalOpenTelemetry.set(app);
    try {
      awaitSetUp(spans);
      spans.reset();
      Span request = app.getTracer("app").spanBuilder("GET /vets").startSpan();
      try (Scope scope = request.makeCurrent();
          Connection c = DriverManager.getConnection("jdbc:querylens:h2:mem:discovery");
          Statement s = c.createStatement();
          ResultSet rs = s.executeQuery("select 1 from dual where 2 > 1")) {
        rs.next();
      } finally {
        request.end();
      }
      assertThat(spans.getFinishedSpanItems())
          .extracting(SpanData::getName)
          .containsExactly("SELECT dual", "GET /vets");
      assertThat(spans.getFinishedSpanItems().get(0).getParentSpanId())
          .isEqualTo(request.getSpanContext().getSpanId());
    } finally {
      GlobalOpenTelemetry.resetForTest();
      app.close();
      System.clearProperty("querylens.report.console");
    }
  }

  /**
   * The first execution starts the set-up on a thread of its own and gets no span, nor do those
   * before the set-up is done: executes until one does.
   */
  private static void awaitSetUp(InMemorySpanExporter spans) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    try (Connection c = DriverManager.getConnection("jdbc:querylens:h2:mem:discovery");
        Statement s = c.createStatement()) {
      while (spans.getFinishedSpanItems().isEmpty() && System.nanoTime() < deadline) {
        s.execute("select 2 from dual");
        Thread.sleep(10);
      }
    }
    assertThat(spans.getFinishedSpanItems()).as("spans once set up").isNotEmpty();
  }
}
