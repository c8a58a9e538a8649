package io.querylens.exporter.otel.internal;

/**
 * Holds the {@link Telemetry} the hooks write to: {@link Telemetry#NOOP} until one is set up, then
 * replaceable by a programmatic setup. One volatile read per use.
 */
final class TelemetrySlot {
  private volatile Telemetry current = Telemetry.NOOP;

  Telemetry get() {
    return current;
  }

  /** Uses {@code telemetry} from now on; closes the previous one if QueryLens made it. */
  synchronized void replace(Telemetry telemetry) {
    Telemetry previous = current;
    current = telemetry;
    if (previous != telemetry) {
      previous.close();
    }
  }

  /**
   * Uses {@code telemetry} unless a programmatic setup came first, in which case {@code telemetry}
   * is closed; returns whether it is used.
   */
  synchronized boolean offer(Telemetry telemetry) {
    if (current != Telemetry.NOOP) {
      telemetry.close();
      return false;
    }
    current = telemetry;
    return true;
  }
}
