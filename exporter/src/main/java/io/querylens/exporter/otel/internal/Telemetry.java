package io.querylens.exporter.otel.internal;

import io.opentelemetry.api.GlobalOpenTelemetry;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.logs.Logger;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.autoconfigure.AutoConfiguredOpenTelemetrySdk;
import io.opentelemetry.sdk.autoconfigure.AutoConfiguredOpenTelemetrySdkBuilder;
import io.opentelemetry.sdk.common.Clock;
import io.querylens.core.QueryLensExtension;
import io.querylens.core.config.Mode;
import io.querylens.core.intercept.Faults;
import io.querylens.exporter.otel.internal.delivery.DeliveryHealth;
import io.querylens.exporter.otel.internal.metrics.ObservedMetrics;
import io.querylens.exporter.otel.internal.metrics.QueryLensMetrics;
import java.util.concurrent.TimeUnit;

/**
 * The OpenTelemetry instance QueryLens writes to, with its tracer and logger and what to do with
 * executions: make a client span each ({@link #makesSpans}), or add QueryLens's attributes to the
 * spans the OpenTelemetry Java agent makes ({@link #enrichesAgentSpans}). Internal: public only for
 * the other QueryLens modules.
 */
public final class Telemetry {
  /** The instrumentation scope name of every span, log record and metric QueryLens writes. */
  public static final String SCOPE = "io.querylens";

  /** Writes nothing: what the hooks see before a telemetry is set up. */
  static final Telemetry NOOP =
      new Telemetry(OpenTelemetry.noop(), Mode.OFF, false, null, null, new DeliveryHealth());

  final Tracer tracer;
  final Logger logger;
  final boolean makesSpans;
  final boolean enrichesAgentSpans;
  final EpochClock clock = new EpochClock(Clock.getDefault());
  final ShapeAttributes.Cache shapes = new ShapeAttributes.Cache(4096);

  /** Counts what could not be delivered, for {@code querylens.telemetry.dropped}. */
  final DeliveryHealth health;

  /** The SDK QueryLens made for itself and must shut down, or null. */
  private final OpenTelemetrySdk owned;

  /** The metrics registered on an OpenTelemetry QueryLens did not make, or null. */
  private final ObservedMetrics observed;

  /**
   * @param spans whether to make a span per execution ({@code querylens.otel.spans})
   * @param agentMakesJdbcSpans whether the OpenTelemetry Java agent's JDBC instrumentation runs
   * @param owned the SDK QueryLens made for itself, or null
   * @param observed the metrics registered on {@code openTelemetry}, or null
   * @param health where undelivered items are counted
   */
  Telemetry(
      OpenTelemetry openTelemetry,
      Mode spans,
      boolean agentMakesJdbcSpans,
      OpenTelemetrySdk owned,
      ObservedMetrics observed,
      DeliveryHealth health) {
    this.tracer = openTelemetry.getTracer(SCOPE);
    this.logger = openTelemetry.getLogsBridge().get(SCOPE);
    boolean agent = spans == Mode.AUTO && agentMakesJdbcSpans;
    this.makesSpans = spans == Mode.ON || (spans == Mode.AUTO && !agent);
    this.enrichesAgentSpans = agent;
    this.owned = owned;
    this.observed = observed;
    this.health = health;
  }

  /**
   * Writes to {@code openTelemetry}, which the application owns; {@code spans} as {@code
   * querylens.otel.spans}; {@code recording}'s metrics are reported through its meters unless
   * {@code recording} is null.
   */
  public static Telemetry of(
      OpenTelemetry openTelemetry, Mode spans, QueryLensExtension.Context recording) {
    DeliveryHealth health = new DeliveryHealth();
    ObservedMetrics observed =
        recording == null ? null : ObservedMetrics.register(openTelemetry, recording, health);
    return new Telemetry(
        openTelemetry, spans, JavaAgentDetector.agentMakesJdbcSpans(), null, observed, health);
  }

  /**
   * The application's global OpenTelemetry when it has set one (never replaced), else an SDK
   * configured from the standard {@code otel.*} properties and {@code OTEL_*} variables, not made
   * global, with {@code recording}'s metrics read at each collection. Autoconfigure's own shutdown
   * hook is off: the exporter's exit hook flushes it, bounded, after what was held is replayed.
   */
  public static Telemetry fromEnvironment(Mode spans, QueryLensExtension.Context recording) {
    if (GlobalOpenTelemetry.isSet()) {
      return of(GlobalOpenTelemetry.get(), spans, recording);
    }
    AutoConfiguredOpenTelemetrySdkBuilder builder =
        AutoConfiguredOpenTelemetrySdk.builder().disableShutdownHook();
    DeliveryHealth health = new DeliveryHealth();
    if (recording != null) {
      QueryLensMetrics.customize(builder, recording, health);
    }
    OpenTelemetrySdk sdk = builder.build().getOpenTelemetrySdk();
    return new Telemetry(sdk, spans, JavaAgentDetector.agentMakesJdbcSpans(), sdk, null, health);
  }

  /**
   * At JVM exit: shuts down the SDK QueryLens made for itself, which exports the spans and log
   * records still queued and collects and exports the metrics once more, waiting at most until
   * {@code deadlineNanos} ({@link System#nanoTime()}); leaves an application's SDK alone.
   */
  void shutdownBy(long deadlineNanos) {
    if (owned == null) {
      return;
    }
    // parts of the SDK's shutdown block (the metric reader's last export), so it runs on a thread
    // of its own and the deadline holds whatever the collector does
    Thread shutdown =
        new Thread(
            () -> {
              try {
                owned.shutdown().join(remaining(deadlineNanos), TimeUnit.NANOSECONDS);
              } catch (Throwable t) {
                Faults.report("otel shutdown", t);
              }
            },
            "querylens-otel-shutdown");
    shutdown.setDaemon(true);
    shutdown.start();
    try {
      TimeUnit.NANOSECONDS.timedJoin(shutdown, remaining(deadlineNanos));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static long remaining(long deadlineNanos) {
    return Math.max(1, deadlineNanos - System.nanoTime());
  }

  /** Flushes and shuts down the SDK QueryLens made for itself; leaves an application's alone. */
  void close() {
    try {
      if (observed != null) {
        observed.close();
      }
      if (owned != null) {
        owned.close();
      }
    } catch (Throwable t) {
      Faults.report("otel shutdown", t);
    }
  }
}
