package io.querylens.exporter.otel.internal;

import io.opentelemetry.api.GlobalOpenTelemetry;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.logs.Logger;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.autoconfigure.AutoConfiguredOpenTelemetrySdk;
import io.opentelemetry.sdk.common.Clock;
import io.querylens.core.internal.Faults;

/**
 * The OpenTelemetry instance QueryLens writes to, with its tracer and logger and what to do with
 * executions: make a client span each ({@link #makesSpans}), or add QueryLens's attributes to the
 * spans the OpenTelemetry Java agent makes ({@link #enrichesAgentSpans}). Internal: public only for
 * the other QueryLens modules.
 */
public final class Telemetry {
  static final String SCOPE = "io.querylens";

  final OpenTelemetry openTelemetry;
  final Tracer tracer;
  final Logger logger;
  final boolean makesSpans;
  final boolean enrichesAgentSpans;
  final EpochClock clock = new EpochClock(Clock.getDefault());
  final ShapeAttributes.Cache shapes = new ShapeAttributes.Cache(4096);

  /** The SDK QueryLens made for itself and must shut down, or null. */
  private final OpenTelemetrySdk owned;

  /**
   * @param spans {@code auto}, {@code on} or {@code off}
   * @param agentMakesJdbcSpans whether the OpenTelemetry Java agent's JDBC instrumentation runs
   * @param owned the SDK QueryLens made for itself, or null
   */
  Telemetry(
      OpenTelemetry openTelemetry,
      String spans,
      boolean agentMakesJdbcSpans,
      OpenTelemetrySdk owned) {
    this.openTelemetry = openTelemetry;
    this.tracer = openTelemetry.getTracer(SCOPE);
    this.logger = openTelemetry.getLogsBridge().get(SCOPE);
    boolean agent = spans.equals("auto") && agentMakesJdbcSpans;
    this.makesSpans = spans.equals("on") || (spans.equals("auto") && !agent);
    this.enrichesAgentSpans = agent;
    this.owned = owned;
  }

  /**
   * Writes to {@code openTelemetry}, which the application owns; {@code spans} is {@code auto},
   * {@code on} or {@code off} ({@code querylens.otel.spans}).
   */
  public static Telemetry of(OpenTelemetry openTelemetry, String spans) {
    return new Telemetry(openTelemetry, spans, JavaAgentDetector.agentMakesJdbcSpans(), null);
  }

  /**
   * The application's global OpenTelemetry when it has set one (never replaced), else an SDK
   * configured from the standard {@code otel.*} properties and {@code OTEL_*} variables, not made
   * global, flushed and shut down at JVM exit by autoconfigure's shutdown hook.
   */
  public static Telemetry fromEnvironment(String spans) {
    if (GlobalOpenTelemetry.isSet()) {
      return of(GlobalOpenTelemetry.get(), spans);
    }
    OpenTelemetrySdk sdk = AutoConfiguredOpenTelemetrySdk.builder().build().getOpenTelemetrySdk();
    return new Telemetry(sdk, spans, JavaAgentDetector.agentMakesJdbcSpans(), sdk);
  }

  /** A telemetry writing nothing, for when the real one could not be made. */
  static Telemetry noop() {
    return of(OpenTelemetry.noop(), "off");
  }

  /** Flushes and shuts down the SDK QueryLens made for itself; leaves an application's alone. */
  void close() {
    if (owned != null) {
      try {
        owned.close();
      } catch (Throwable t) {
        Faults.report("otel shutdown", t);
      }
    }
  }
}
