package io.querylens.exporter.otel;

import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import org.h2.jdbcx.JdbcDataSource;

/** Set-up shared by the exporter's tests: in-memory H2 databases and an SDK keeping its spans. */
public final class TestFixtures {
  private TestFixtures() {}

  /** The in-memory H2 database {@code name} (kept while the JVM runs), after {@code statements}. */
  public static JdbcDataSource h2(String name, String... statements) throws SQLException {
    JdbcDataSource h2 = new JdbcDataSource();
    h2.setURL("jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1");
    if (statements.length > 0) {
      try (Connection c = h2.getConnection();
          Statement s = c.createStatement()) {
        for (String sql : statements) {
          s.execute(sql);
        }
      }
    }
    return h2;
  }

  /** An SDK that hands each span to {@code spans} when it ends. */
  public static OpenTelemetrySdk sdkWithSpansIn(InMemorySpanExporter spans) {
    return OpenTelemetrySdk.builder()
        .setTracerProvider(
            SdkTracerProvider.builder().addSpanProcessor(SimpleSpanProcessor.create(spans)).build())
        .build();
  }
}
