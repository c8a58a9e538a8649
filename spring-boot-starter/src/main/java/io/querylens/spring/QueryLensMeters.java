package io.querylens.spring;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.querylens.core.DatabaseFindingKind;
import io.querylens.core.Finding;
import io.querylens.core.FindingKind;
import io.querylens.core.QueryLensSnapshot;
import io.querylens.core.intercept.Faults;
import io.querylens.core.intercept.Recording;
import java.util.Map;
import java.util.function.LongSupplier;
import java.util.function.ToDoubleFunction;

/**
 * QueryLens's findings and its own health as Micrometer meters, with the names, units and tags of
 * the exporter's OpenTelemetry metrics ({@code docs/metrics.md}): {@code querylens.findings} and
 * {@code querylens.findings.wasted} per kind, {@code querylens.internal.faults}, {@code
 * querylens.shapes.dropped}, and the database server's side: {@code querylens.shape.server.time}
 * and {@code querylens.shape.server.calls} ({@link ServerShapeMeters}). Plus one the exporter does
 * not have (it sends database findings as log records): {@code querylens.database.findings}, the
 * shapes each database finding kind flags now. Read when the registry is scraped or published, from
 * one snapshot a second at most, so the application's threads pay nothing for them.
 */
final class QueryLensMeters implements MeterBinder {
  private static final String KIND = "querylens.finding.kind";
  private static final long SNAPSHOT_MAX_AGE_NANOS = 1_000_000_000L;

  private final Recording recording;
  private final LongSupplier nanoTime;
  private final ServerShapeMeters server;
  private QueryLensSnapshot snapshot;
  private long snapshotAt;

  QueryLensMeters(Recording recording) {
    this(recording, System::nanoTime);
  }

  /**
   * @param nanoTime the clock that ages snapshots, {@link System#nanoTime()} but in tests
   */
  QueryLensMeters(Recording recording, LongSupplier nanoTime) {
    this.recording = recording;
    this.nanoTime = nanoTime;
    this.server = new ServerShapeMeters(recording.config().metricsTopShapes(), this::current);
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
    for (DatabaseFindingKind kind : DatabaseFindingKind.values()) {
      Gauge.builder(
              "querylens.database.findings",
              this,
              m -> m.current().databaseFindings().stream().filter(f -> f.kind() == kind).count())
          .tag(KIND, kind.label())
          .baseUnit("{shape}")
          .description("Query shapes a database finding of this kind flags in the latest snapshot")
          .register(registry);
    }
    server.bindTo(registry);
    current(); // the server's series so far, when this is the first snapshot
  }

  private double sum(FindingKind kind, ToDoubleFunction<Finding> value) {
    return current().findings().stream()
        .filter(f -> f.kind().equals(kind))
        .mapToDouble(value)
        .sum();
  }

  /**
   * The recording's snapshot, taken again when the last one is older than a second; the server
   * series a new one brings are registered outside the lock.
   */
  private QueryLensSnapshot current() {
    Map<String, Tags> newSeries = Map.of();
    QueryLensSnapshot s;
    synchronized (this) {
      long now = nanoTime.getAsLong();
      if (snapshot == null || now - snapshotAt > SNAPSHOT_MAX_AGE_NANOS) {
        snapshot = recording.snapshot();
        snapshotAt = now;
        newSeries = server.update(snapshot);
      }
      s = snapshot;
    }
    if (!newSeries.isEmpty()) {
      try {
        server.register(newSeries);
      } catch (RuntimeException e) {
        Faults.report("micrometer server-side meters", e);
      }
    }
    return s;
  }
}
