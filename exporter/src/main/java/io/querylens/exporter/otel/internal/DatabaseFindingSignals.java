package io.querylens.exporter.otel.internal;

import static io.querylens.exporter.otel.internal.SemanticAttributes.FINDING_CAUSE;
import static io.querylens.exporter.otel.internal.SemanticAttributes.FINDING_CLIENT_MEAN_NANOS;
import static io.querylens.exporter.otel.internal.SemanticAttributes.FINDING_COUNT;
import static io.querylens.exporter.otel.internal.SemanticAttributes.FINDING_HINT;
import static io.querylens.exporter.otel.internal.SemanticAttributes.FINDING_KIND;
import static io.querylens.exporter.otel.internal.SemanticAttributes.FINDING_SERVER_MEAN_NANOS;
import static io.querylens.exporter.otel.internal.SemanticAttributes.FINDING_SHAPE;
import static io.querylens.exporter.otel.internal.SemanticAttributes.FINDING_SHAPE_ID;

import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.logs.Severity;
import io.querylens.core.DatabaseFinding;
import io.querylens.core.QueryLensSnapshot;
import java.util.HashSet;
import java.util.Set;

/**
 * Database findings as OpenTelemetry log records: one WARN record the first time a finding (kind
 * and shape) is in a snapshot, with the {@code querylens.finding.*} attributes of the other
 * findings plus its cause and both sides' time per execution. They are judged from snapshots, not
 * seen as executions run, so they are sent when a snapshot is read for them (at exit).
 */
final class DatabaseFindingSignals {
  /** Kind and shape fingerprint of the findings sent; guarded by this. */
  private final Set<String> sent = new HashSet<>();

  /** Sends the database findings of {@code snapshot} not sent before. */
  synchronized void emit(Telemetry t, QueryLensSnapshot snapshot) {
    for (DatabaseFinding f : snapshot.databaseFindings()) {
      if (f.shape() == null || !sent.add(f.kind().label() + ' ' + f.shape().fingerprint())) {
        continue;
      }
      t.logger
          .logRecordBuilder()
          .setSeverity(Severity.WARN)
          .setSeverityText("WARN")
          .setBody(message(f))
          .setAllAttributes(attributes(f))
          .emit();
    }
  }

  static Attributes attributes(DatabaseFinding f) {
    return Attributes.builder()
        .put(FINDING_KIND, f.kind().label())
        .put(FINDING_SHAPE, f.shape().text())
        .put(FINDING_SHAPE_ID, f.shape().id())
        .put(FINDING_CAUSE, f.cause())
        .put(FINDING_CLIENT_MEAN_NANOS, f.clientMeanNanos())
        .put(FINDING_SERVER_MEAN_NANOS, f.serverMeanNanos())
        .put(FINDING_COUNT, f.calls())
        .put(FINDING_HINT, f.hint())
        .build();
  }

  static String message(DatabaseFinding f) {
    return "QueryLens database finding "
        + f.kind().label()
        + ": "
        + f.shape().text()
        + " ("
        + f.cause()
        + "); "
        + f.evidence()
        + ". Hint: "
        + f.hint()
        + '.';
  }
}
