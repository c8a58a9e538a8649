package io.querylens.exporter.otel.internal;

import io.opentelemetry.api.GlobalOpenTelemetry;
import io.querylens.core.QueryLensExtension;
import io.querylens.core.config.Mode;
import io.querylens.core.config.QueryLensConfig;
import io.querylens.core.intercept.Faults;
import io.querylens.core.intercept.Recording;
import java.time.Duration;

/**
 * The exporter's entry into the JVM-wide recording, found through {@link java.util.ServiceLoader}
 * when the exporter is on the class path. Under {@code querylens.otel.export} ({@code auto}: when
 * the JVM is set up for OpenTelemetry, see {@link ExportTrigger}) spans, metrics and findings go to
 * the OpenTelemetry instance {@link Telemetry#fromEnvironment} picks, set up in the background at
 * the first execution, unless the application installs its own through {@code
 * QueryLensOpenTelemetry}. Internal: public only for ServiceLoader and the other QueryLens modules.
 */
public final class OpenTelemetryExtension implements QueryLensExtension {
  private static Hooks global; // guarded by OpenTelemetryExtension.class

  /** For {@link java.util.ServiceLoader}. */
  public OpenTelemetryExtension() {}

  @Override
  public void install(Context context) {
    QueryLensConfig config = context.config();
    Mode export = config.otelExport();
    if (export == Mode.OFF) {
      return;
    }
    Hooks hooks;
    synchronized (OpenTelemetryExtension.class) {
      if (global != null) {
        return; // one exporter per JVM-wide recording
      }
      hooks = global = new Hooks(context);
    }
    flushAtExit(hooks, config);
    hooks.setUpAtFirstExecution(
        GlobalOpenTelemetry::isSet,
        () ->
            export == Mode.ON || ExportTrigger.present()
                ? Telemetry.fromEnvironment(config.otelSpans(), context)
                : null);
  }

  /**
   * At JVM exit the exporter waits, bounded by {@code querylens.otel.exit-timeout}, for its SDK,
   * replays what it held, and delivers what is queued: a short program loses nothing.
   */
  private static void flushAtExit(Hooks hooks, QueryLensConfig config) {
    Duration timeout = config.otelExitTimeout();
    try {
      Runtime.getRuntime()
          .addShutdownHook(new Thread(() -> hooks.exit(timeout), "querylens-otel-exit"));
    } catch (IllegalStateException e) { // the JVM is already exiting
      Faults.report("otel exit hook", e);
    }
  }

  /** Makes the JVM-wide recording write to {@code telemetry} from now on. */
  public static void useGlobally(Telemetry telemetry) {
    Recording recording = Recording.global(); // installs the ServiceLoader extension, if found
    Hooks hooks;
    synchronized (OpenTelemetryExtension.class) {
      if (global == null) { // not found through ServiceLoader (a repackaged class path), or off
        global = new Hooks(recording);
      }
      hooks = global;
    }
    hooks.use(telemetry);
  }

  /** Installs the hooks writing to {@code telemetry} into a recording of its own (tests). */
  public static void install(QueryLensExtension.Context context, Telemetry telemetry) {
    new Hooks(context).use(telemetry);
  }
}
