package io.querylens.exporter.otel.internal;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.sdk.trace.ReadableSpan;
import io.querylens.core.UnitOfWorkSource;

/**
 * Units of work from the application's spans: the unit is the local part of a trace on this thread,
 * identified by the trace id (a string the span context already holds: no allocation), so every
 * span of one request is one unit and two requests are two. The unit's span is the span current at
 * its first execution; its name, that span's name when the SDK exposes it ({@link ReadableSpan},
 * the local root span in the usual case where the first query runs under it), else none.
 */
final class SpanUnits implements UnitOfWorkSource {
  /** The unit last seen on a thread: its trace id, span and name. */
  private static final class Current {
    String traceId;
    Span span;
    String name;
  }

  private final ThreadLocal<Current> current = ThreadLocal.withInitial(Current::new);

  @Override
  public Object currentUnit() {
    Span span = Span.current();
    SpanContext context = span.getSpanContext();
    if (!context.isValid()) {
      return null;
    }
    String traceId = context.getTraceId();
    Current c = current.get();
    if (c.traceId != traceId && !traceId.equals(c.traceId)) {
      c.traceId = traceId;
      c.span = span;
      c.name = span instanceof ReadableSpan ? ((ReadableSpan) span).getName() : null;
    }
    return traceId;
  }

  @Override
  public String unitName(Object unit) {
    Current c = current.get();
    return unit.equals(c.traceId) ? c.name : null;
  }

  @Override
  public int precedence() {
    return PRECEDENCE_SPAN;
  }

  /**
   * The span a finding of {@code unit} goes to, on the application's thread: the unit's span while
   * it is open, else the current span; invalid when there is none. A span whose state cannot be
   * read (one the OpenTelemetry Java agent bridges) may have ended, and an event on an ended span
   * is lost, so then the current span, which is open, takes the event.
   */
  Span spanOf(Object unit) {
    Current c = current.get();
    if (unit != null
        && unit.equals(c.traceId)
        && c.span instanceof ReadableSpan
        && !((ReadableSpan) c.span).hasEnded()) {
      return c.span;
    }
    return Span.current();
  }
}
