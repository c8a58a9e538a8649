package io.querylens.exporter.otel.internal;

import io.querylens.core.internal.Faults;
import java.util.function.Supplier;

/**
 * Holds the {@link Telemetry} the hooks write to: made on first use (the first execution), so that
 * an application setting its global OpenTelemetry after QueryLens started is still found, and
 * replaceable by a programmatic setup. One volatile read per use.
 */
final class TelemetrySlot {
  private final Supplier<Telemetry> initial;
  private volatile Telemetry current;

  TelemetrySlot(Supplier<Telemetry> initial) {
    this.initial = initial;
  }

  Telemetry get() {
    Telemetry t = current;
    return t != null ? t : init();
  }

  private synchronized Telemetry init() {
    Telemetry t = current;
    if (t == null) {
      try {
        t = initial.get();
      } catch (Throwable e) { // a broken OpenTelemetry setup must not reach the application
        Faults.report("otel setup", e);
        t = Telemetry.noop();
      }
      current = t;
    }
    return t;
  }

  /** Uses {@code telemetry} from now on; closes the previous one if QueryLens made it. */
  synchronized void replace(Telemetry telemetry) {
    Telemetry previous = current;
    current = telemetry;
    if (previous != null && previous != telemetry) {
      previous.close();
    }
  }
}
