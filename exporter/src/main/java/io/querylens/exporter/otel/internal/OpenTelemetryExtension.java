package io.querylens.exporter.otel.internal;

import io.querylens.core.QueryLensExtension;
import io.querylens.core.internal.Recording;

/**
 * The exporter's entry into the JVM-wide recording, found through {@link java.util.ServiceLoader}
 * when the exporter is on the class path: spans and findings go to the OpenTelemetry instance
 * {@link Telemetry#fromEnvironment} picks at the first execution, unless the application installs
 * its own through {@code QueryLensOpenTelemetry}. Internal: public only for ServiceLoader and the
 * other QueryLens modules.
 */
public final class OpenTelemetryExtension implements QueryLensExtension {
  private static volatile TelemetrySlot global;

  /** For {@link java.util.ServiceLoader}. */
  public OpenTelemetryExtension() {}

  @Override
  public void install(Context context) {
    TelemetrySlot slot =
        new TelemetrySlot(() -> Telemetry.fromEnvironment(context.config().otelSpans()));
    synchronized (OpenTelemetryExtension.class) {
      if (global != null) {
        return; // one exporter per JVM-wide recording
      }
      global = slot;
    }
    hook(context, slot);
  }

  /** Makes the JVM-wide recording write to {@code telemetry} from now on. */
  public static void useGlobally(Telemetry telemetry) {
    Recording recording = Recording.global(); // installs the ServiceLoader extension, if found
    TelemetrySlot slot;
    boolean fresh = false;
    synchronized (OpenTelemetryExtension.class) {
      slot = global;
      if (slot == null) { // not found through ServiceLoader (a repackaged class path)
        slot = global = new TelemetrySlot(() -> telemetry);
        fresh = true;
      }
    }
    slot.replace(telemetry);
    if (fresh) {
      hook(recording, slot);
    }
  }

  /** Installs the hooks writing to {@code telemetry} into a recording of its own (tests). */
  public static void install(QueryLensExtension.Context context, Telemetry telemetry) {
    hook(context, new TelemetrySlot(() -> telemetry));
  }

  private static void hook(QueryLensExtension.Context context, TelemetrySlot slot) {
    SpanUnits units = new SpanUnits();
    context.addUnitOfWorkSource(units);
    context.addExecutionListener(new ExecutionSpans(slot));
    context.addFindingListener(new FindingSignals(slot, units));
  }
}
