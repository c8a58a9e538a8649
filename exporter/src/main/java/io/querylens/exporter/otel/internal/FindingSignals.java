package io.querylens.exporter.otel.internal;

import static io.querylens.exporter.otel.internal.SemanticAttributes.FINDING_CALL_SITE;
import static io.querylens.exporter.otel.internal.SemanticAttributes.FINDING_COUNT;
import static io.querylens.exporter.otel.internal.SemanticAttributes.FINDING_EVENT;
import static io.querylens.exporter.otel.internal.SemanticAttributes.FINDING_EXPLANATION;
import static io.querylens.exporter.otel.internal.SemanticAttributes.FINDING_HINT;
import static io.querylens.exporter.otel.internal.SemanticAttributes.FINDING_KIND;
import static io.querylens.exporter.otel.internal.SemanticAttributes.FINDING_PARENT_SHAPE;
import static io.querylens.exporter.otel.internal.SemanticAttributes.FINDING_PARENT_SHAPE_ID;
import static io.querylens.exporter.otel.internal.SemanticAttributes.FINDING_PHASE;
import static io.querylens.exporter.otel.internal.SemanticAttributes.FINDING_SHAPE;
import static io.querylens.exporter.otel.internal.SemanticAttributes.FINDING_SHAPE_ID;
import static io.querylens.exporter.otel.internal.SemanticAttributes.FINDING_UNIT;
import static io.querylens.exporter.otel.internal.SemanticAttributes.FINDING_WASTED_NANOS;

import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.common.AttributesBuilder;
import io.opentelemetry.api.logs.Severity;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.context.Context;
import io.querylens.core.Finding;
import io.querylens.core.FindingListener;

/**
 * Findings as OpenTelemetry signals: a {@code querylens.finding} event on the unit of work's span
 * for every unit that shows one, and a WARN log record the first time a finding (kind, shape, call
 * site) is seen in the JVM, both with {@code querylens.finding.*} attributes.
 */
final class FindingSignals implements FindingListener {
  private final TelemetrySlot slot;
  private final SpanUnits units;

  FindingSignals(TelemetrySlot slot, SpanUnits units) {
    this.slot = slot;
    this.units = units;
  }

  @Override
  public void onFinding(Finding finding, Object unit, boolean newInJvm) {
    emit(slot.get(), finding, units.spanOf(unit), newInJvm, Context.current());
  }

  /**
   * A finding held while the SDK was being built: its event goes to the span of {@code context}
   * (the application's context when it was seen), if that span still records.
   */
  void emit(Telemetry t, Finding finding, boolean newInJvm, Context context) {
    emit(t, finding, Span.fromContext(context), newInJvm, context);
  }

  private static void emit(
      Telemetry t, Finding finding, Span span, boolean newInJvm, Context context) {
    Attributes attributes = attributes(finding);
    if (span.isRecording()) {
      span.addEvent(FINDING_EVENT, attributes);
    }
    if (newInJvm) {
      t.logger
          .logRecordBuilder()
          .setSeverity(Severity.WARN)
          .setSeverityText("WARN")
          .setBody(message(finding))
          .setAllAttributes(attributes)
          .setContext(context)
          .emit();
    }
  }

  static Attributes attributes(Finding f) {
    AttributesBuilder b =
        Attributes.builder()
            .put(FINDING_KIND, f.kind().label())
            .put(FINDING_SHAPE, f.shape().text())
            .put(FINDING_SHAPE_ID, f.shape().id())
            .put(FINDING_CALL_SITE, f.callSite())
            .put(FINDING_COUNT, f.totalCount())
            .put(FINDING_WASTED_NANOS, f.wastedNanos())
            .put(FINDING_HINT, f.hint())
            .put(FINDING_PHASE, f.phase().label());
    if (f.parentShape() != null) {
      b.put(FINDING_PARENT_SHAPE, f.parentShape().text());
      b.put(FINDING_PARENT_SHAPE_ID, f.parentShape().id());
    }
    if (!f.unitNames().isEmpty()) {
      b.put(FINDING_UNIT, unitName(f));
    }
    if (f.explanation() != null) {
      b.put(FINDING_EXPLANATION, f.explanation());
    }
    return b.build();
  }

  /** The unit's name: a listener is told one unit's part of a finding, with its one name. */
  private static String unitName(Finding f) {
    return f.unitNames().isEmpty() ? null : f.unitNames().get(0);
  }

  static String message(Finding f) {
    return "QueryLens finding "
        + f.kind().label()
        + ": "
        + f.shape().text()
        + " ran "
        + f.totalCount()
        + (f.totalCount() == 1 ? " time" : " times")
        + " in unit of work '"
        + unitName(f)
        + "' at "
        + f.callSite()
        + (f.explanation() == null ? "" : "; " + f.explanation())
        + ". Hint: "
        + f.hint()
        + '.';
  }
}
