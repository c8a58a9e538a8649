package io.querylens.exporter.otel.internal;

import io.opentelemetry.sdk.common.Clock;

/**
 * Turns {@link System#nanoTime()} readings, which executions carry, into epoch nanoseconds for span
 * timestamps: anchored once, so spans keep the precision and order of the monotonic clock.
 */
final class EpochClock {
  private final long epochAnchor;
  private final long nanoAnchor;

  EpochClock(Clock clock) {
    this.nanoAnchor = System.nanoTime();
    this.epochAnchor = clock.now();
  }

  long epochNanos(long nanoTime) {
    return epochAnchor + (nanoTime - nanoAnchor);
  }
}
