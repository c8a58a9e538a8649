package io.querylens.exporter.otel;

import io.opentelemetry.api.OpenTelemetry;
import io.querylens.core.QueryLensExtension;
import io.querylens.core.config.Mode;
import io.querylens.core.intercept.Recording;
import io.querylens.exporter.otel.internal.OpenTelemetryExtension;
import io.querylens.exporter.otel.internal.Telemetry;

/**
 * Sends QueryLens's executions and findings to OpenTelemetry: a CLIENT span per execution under the
 * application's current span, findings as span events and WARN log records, and the application's
 * spans as units of work.
 *
 * <p>Nothing needs to be called when the exporter is on the class path: it installs itself and
 * writes to the application's global OpenTelemetry, or to an SDK configured by the standard {@code
 * otel.*} settings. To write to an OpenTelemetry of your own: {@code
 * QueryLensOpenTelemetry.builder().setOpenTelemetry(openTelemetry).build().install()}.
 */
public final class QueryLensOpenTelemetry {
  private final OpenTelemetry openTelemetry;
  private final Mode spans;

  QueryLensOpenTelemetry(OpenTelemetry openTelemetry, Mode spans) {
    this.openTelemetry = openTelemetry;
    this.spans = spans;
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Makes the JVM-wide recording write to this exporter's OpenTelemetry from now on. */
  public void install() {
    Recording recording = Recording.global();
    OpenTelemetryExtension.useGlobally(telemetry(recording));
  }

  /** Makes {@code recording} (one of its own, in tests) write to this exporter. */
  void install(QueryLensExtension.Context recording) {
    OpenTelemetryExtension.install(recording, telemetry(recording));
  }

  /**
   * The exporter as an extension that sets itself up from {@code otel.*} and {@code
   * querylens.otel.*}, for hosts that choose when to install it (the agent installs it once every
   * {@code -javaagent} has started); on the class path it installs itself and this is not needed.
   */
  public static QueryLensExtension extension() {
    return new OpenTelemetryExtension();
  }

  /**
   * The telemetry this setup describes, reporting {@code recording}'s metrics; its configuration
   * supplies what was not set.
   */
  private Telemetry telemetry(QueryLensExtension.Context recording) {
    Mode mode = spans == null ? recording.config().otelSpans() : spans;
    return openTelemetry == null
        ? Telemetry.fromEnvironment(mode, recording)
        : Telemetry.of(openTelemetry, mode, recording);
  }

  /** Builds a {@link QueryLensOpenTelemetry}. Not thread-safe. */
  public static final class Builder {
    private OpenTelemetry openTelemetry;
    private Mode spans;

    Builder() {}

    /**
     * The OpenTelemetry to write to. Default: the application's global one when it has set one,
     * else an SDK configured from the {@code otel.*} system properties and {@code OTEL_*}
     * environment variables.
     */
    public Builder setOpenTelemetry(OpenTelemetry openTelemetry) {
      this.openTelemetry = openTelemetry;
      return this;
    }

    /**
     * Whether to make a span per execution: {@link Mode#ON} always, {@link Mode#OFF} never
     * (findings and units of work still use the application's spans), {@link Mode#AUTO} unless the
     * OpenTelemetry Java agent's JDBC instrumentation does. Default: {@code querylens.otel.spans},
     * else AUTO.
     */
    public Builder setSpans(Mode spans) {
      this.spans = spans;
      return this;
    }

    public QueryLensOpenTelemetry build() {
      return new QueryLensOpenTelemetry(openTelemetry, spans);
    }
  }
}
