package io.querylens.exporter.otel.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.opentelemetry.api.logs.Severity;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.logs.SdkLoggerProvider;
import io.opentelemetry.sdk.logs.data.LogRecordData;
import io.opentelemetry.sdk.logs.export.SimpleLogRecordProcessor;
import io.opentelemetry.sdk.testing.exporter.InMemoryLogRecordExporter;
import io.querylens.core.Database;
import io.querylens.core.QueryShape;
import io.querylens.core.ServerSide;
import io.querylens.core.SqlDialect;
import io.querylens.core.WaitCategory;
import io.querylens.core.config.ConfigKey;
import io.querylens.core.config.Mode;
import io.querylens.core.config.QueryLensConfig;
import io.querylens.core.intercept.Recording;
import io.querylens.core.intercept.ServerStatistics;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class DatabaseFindingSignalsTest {
  private static final Database H2 = new Database("h2database", "signals", null, -1);
  private static final long MILLI = 1_000_000L;

  private final InMemoryLogRecordExporter logs = InMemoryLogRecordExporter.create();
  private final OpenTelemetrySdk sdk =
      OpenTelemetrySdk.builder()
          .setLoggerProvider(
              SdkLoggerProvider.builder()
                  .addLogRecordProcessor(SimpleLogRecordProcessor.create(logs))
                  .build())
          .build();

  @AfterEach
  void close() {
    sdk.close();
  }

  @Test
  void aDatabaseFindingIsOneWarnLogRecordWithItsKindCauseAndShape() {
    Recording recording =
        Recording.create(QueryLensConfig.builder().set(ConfigKey.REPORT_CONSOLE, false).build());
    QueryShape update =
        recording.shapeOf(SqlDialect.H2, "update dbr_signals set n = n + 1 where id = 4");
    for (int i = 0; i < 10; i++) {
      recording.record(H2, update, System.nanoTime(), 25 * MILLI, 1, 0, i, 0);
    }
    ServerStatistics server = recording.serverStatistics();
    server.refreshShapes();
    QueryShape matched =
        server.match(H2, SqlDialect.H2, "UPDATE dbr_signals SET n = n + $1 WHERE id = $2");
    server.add(
        matched,
        new ServerSide(
            "pg_stat_statements", 10, 240 * MILLI, -1, 10, -1, 30, 0, -1, -1, null, null));
    server.addWaitSamples(matched, "pg_stat_statements", WaitCategory.LOCK, 4, 50 * MILLI);
    server.polled(H2, "pg_stat_statements", "reading");
    DatabaseFindingSignals signals = new DatabaseFindingSignals();
    Telemetry telemetry = Telemetry.of(sdk, Mode.OFF, null);

    signals.emit(telemetry, recording.snapshot());
    signals.emit(telemetry, recording.snapshot()); // the same finding again: not sent twice

    List<LogRecordData> records = logs.getFinishedLogRecordItems();
    assertThat(records).hasSize(1);
    LogRecordData r = records.get(0);
    assertThat(r.getSeverity()).isEqualTo(Severity.WARN);
    assertThat(r.getAttributes().get(SemanticAttributes.FINDING_KIND))
        .isEqualTo("slow-in-database");
    assertThat(r.getAttributes().get(SemanticAttributes.FINDING_CAUSE)).startsWith("lock wait");
    assertThat(r.getAttributes().get(SemanticAttributes.FINDING_SHAPE_ID)).isEqualTo(update.id());
    assertThat(r.getAttributes().get(SemanticAttributes.FINDING_SERVER_MEAN_NANOS))
        .isEqualTo(24 * MILLI);
    assertThat(r.getAttributes().get(SemanticAttributes.FINDING_CLIENT_MEAN_NANOS))
        .isEqualTo(25 * MILLI);
    assertThat(r.getBodyValue().asString())
        .startsWith("QueryLens database finding slow-in-database");
  }
}
