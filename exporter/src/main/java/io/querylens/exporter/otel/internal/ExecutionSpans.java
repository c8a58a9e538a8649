package io.querylens.exporter.otel.internal;

import static io.querylens.exporter.otel.internal.SemanticAttributes.DB_OPERATION_BATCH_SIZE;
import static io.querylens.exporter.otel.internal.SemanticAttributes.DB_RESPONSE_STATUS_CODE;
import static io.querylens.exporter.otel.internal.SemanticAttributes.ERROR_TYPE;
import static io.querylens.exporter.otel.internal.SemanticAttributes.QUERYLENS_EXECUTE_NANOS;
import static io.querylens.exporter.otel.internal.SemanticAttributes.QUERYLENS_FETCH_NANOS;
import static io.querylens.exporter.otel.internal.SemanticAttributes.QUERYLENS_PROCESS_NANOS;
import static io.querylens.exporter.otel.internal.SemanticAttributes.QUERYLENS_ROWS;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.context.Context;
import io.querylens.core.Database;
import io.querylens.core.Execution;
import io.querylens.core.ExecutionListener;
import io.querylens.core.QueryShape;
import java.util.concurrent.TimeUnit;

/**
 * Makes one CLIENT span per execution, after the fact: started and ended at the execution's real
 * times, child of the application's current context (so it joins the application's trace and
 * follows its sampler), named by {@code db.query.summary}. With the OpenTelemetry Java agent making
 * the JDBC spans instead, it adds QueryLens's attributes to the agent's span while that is current
 * (inside the execute call).
 */
final class ExecutionSpans implements ExecutionListener {
  private final TelemetrySlot slot;

  ExecutionSpans(TelemetrySlot slot) {
    this.slot = slot;
  }

  @Override
  public void onExecution(Execution execution) {
    Telemetry t = slot.get();
    if (t.makesSpans) {
      span(t, execution, Context.current());
    } else if (t.enrichesAgentSpans && execution.insideExecute()) {
      Span current = Span.current();
      if (current.isRecording()) {
        current.setAllAttributes(t.shapes.of(execution.shape(), Database.UNKNOWN).enrichment);
        addTimings(current, execution);
      }
    }
  }

  @Override
  public void onExecuteReturned(QueryShape shape) {
    Telemetry t = slot.get();
    if (t.enrichesAgentSpans) {
      Span current = Span.current();
      if (current.isRecording()) {
        current.setAllAttributes(t.shapes.of(shape, Database.UNKNOWN).enrichment);
      }
    }
  }

  /**
   * The span of an execution that was held while the SDK was being built, child of {@code parent}
   * (the application's context at the time), with its real start and end.
   */
  void replay(Telemetry t, Execution execution, Context parent) {
    if (t.makesSpans) {
      span(t, execution, parent);
    }
  }

  private static void span(Telemetry t, Execution e, Context parent) {
    ShapeAttributes a = t.shapes.of(e.shape(), e.database());
    long start = e.startNanos();
    Span span =
        t.tracer
            .spanBuilder(a.spanName)
            .setParent(parent)
            .setSpanKind(SpanKind.CLIENT)
            .setStartTimestamp(t.clock.epochNanos(start), TimeUnit.NANOSECONDS)
            .setAllAttributes(a.attributes)
            .startSpan();
    if (span.isRecording()) {
      addTimings(span, e);
      if (e.batchSize() > 1) {
        span.setAttribute(DB_OPERATION_BATCH_SIZE, e.batchSize());
      }
      if (e.failed()) {
        span.setAttribute(ERROR_TYPE, e.errorType());
        String status =
            e.sqlState() != null
                ? e.sqlState()
                : (e.vendorCode() != 0 ? Integer.toString(e.vendorCode()) : null);
        if (status != null) {
          span.setAttribute(DB_RESPONSE_STATUS_CODE, status);
        }
        span.setStatus(StatusCode.ERROR);
      }
    }
    span.end(t.clock.epochNanos(start + e.totalNanos()), TimeUnit.NANOSECONDS);
  }

  private static void addTimings(Span span, Execution e) {
    span.setAttribute(QUERYLENS_EXECUTE_NANOS, e.executeNanos());
    if (e.fetchNanos() > 0) {
      span.setAttribute(QUERYLENS_FETCH_NANOS, e.fetchNanos());
    }
    if (e.processNanos() > 0) {
      span.setAttribute(QUERYLENS_PROCESS_NANOS, e.processNanos());
    }
    if (e.rows() >= 0) {
      span.setAttribute(QUERYLENS_ROWS, e.rows());
    }
  }
}
