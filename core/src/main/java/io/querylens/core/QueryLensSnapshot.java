package io.querylens.core;

import java.util.List;

/**
 * An immutable view of everything QueryLens recorded up to {@code takenAtMillis}: per-shape
 * statistics ordered by total time (largest first), connection statistics, where the time went (in
 * total and per unit name, slowest first), the findings (most wasted time first), and the number of
 * faults QueryLens caught inside itself.
 */
public record QueryLensSnapshot(
    long takenAtMillis,
    List<ShapeSnapshot> shapes,
    ConnectionSnapshot connections,
    long droppedShapes,
    long internalFaults,
    TimeSplit time,
    List<Finding> findings,
    List<UnitSnapshot> units) {

  public QueryLensSnapshot {
    shapes = List.copyOf(shapes);
    findings = List.copyOf(findings);
    units = List.copyOf(units);
  }

  /** A snapshot without diagnosis data (no units of work were tracked). */
  public QueryLensSnapshot(
      long takenAtMillis,
      List<ShapeSnapshot> shapes,
      ConnectionSnapshot connections,
      long droppedShapes,
      long internalFaults) {
    this(
        takenAtMillis,
        shapes,
        connections,
        droppedShapes,
        internalFaults,
        TimeSplit.EMPTY,
        List.of(),
        List.of());
  }
}
