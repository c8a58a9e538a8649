package io.querylens.spring;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.querylens.core.Finding;
import io.querylens.core.FindingKind;
import io.querylens.core.QueryLensSnapshot;
import io.querylens.core.intercept.Recording;
import java.util.function.ToDoubleFunction;

/**
 * QueryLens's findings and its own health as Micrometer meters, with the names, units and tags of
 * the exporter's OpenTelemetry metrics ({@code docs/metrics.md}): {@code querylens.findings} and
 * {@code querylens.findings.wasted} per kind, {@code querylens.internal.faults} and {@code
 * querylens.shapes.dropped}. Read when the registry is scraped or published, from one snapshot a
 * second at most, so the application's threads pay nothing for them.
 */
final class QueryLensMeters implements MeterBinder {
  private static final String KIND = "querylens.finding.kind";
  private static final long SNAPSHOT_MAX_AGE_NANOS = 1_000_000_000L;

  private final Recording recording;
  private QueryLensSnapshot snapshot;
  private long snapshotAt;

  QueryLensMeters(Recording recording) {
    this.recording = recording;
  }

  @Override
  public void bindTo(MeterRegistry registry) {
    for (FindingKind kind : FindingKind.builtIns()) {
      FunctionCounter.builder(
              "querylens.findings", this, m -> m.sum(kind, f -> (double) f.occurrences()))
          .tag(KIND, kind.label())
          .baseUnit("{occurrence}")
          .description("Units of work in which a finding of this kind was seen")
          .register(registry);
      FunctionCounter.builder(
              "querylens.findings.wasted", this, m -> m.sum(kind, f -> f.wastedNanos() / 1e9))
          .tag(KIND, kind.label())
          .baseUnit("seconds")
          .description("Database time of the round trips the findings flagged")
          .register(registry);
    }
    FunctionCounter.builder("querylens.internal.faults", this, m -> m.current().internalFaults())
        .baseUnit("{fault}")
        .description("Faults QueryLens caught inside itself (the application's calls went on)")
        .register(registry);
    Gauge.builder("querylens.shapes.dropped", this, m -> m.current().droppedShapes())
        .baseUnit("{shape}")
        .description("Distinct shapes folded into the overflow shape past querylens.max-shapes")
        .register(registry);
  }

  private double sum(FindingKind kind, ToDoubleFunction<Finding> value) {
    return current().findings().stream()
        .filter(f -> f.kind().equals(kind))
        .mapToDouble(value)
        .sum();
  }

  /** The recording's snapshot, taken again when the last one is older than a second. */
  private synchronized QueryLensSnapshot current() {
    long now = System.nanoTime();
    if (snapshot == null || now - snapshotAt > SNAPSHOT_MAX_AGE_NANOS) {
      snapshot = recording.snapshot();
      snapshotAt = now;
    }
    return snapshot;
  }
}
