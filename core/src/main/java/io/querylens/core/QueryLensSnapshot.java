package io.querylens.core;

import java.util.List;

/**
 * An immutable view of everything QueryLens recorded up to {@code takenAtMillis}: per-shape
 * statistics ordered by total time (largest first), connection statistics, where the time went (in
 * total and per unit name, slowest first), the findings (most wasted time first), and the number of
 * faults QueryLens caught inside itself.
 *
 * @param droppedShapes distinct shapes recorded under the overflow shape past {@code
 *     querylens.max-shapes} (approximate)
 * @param droppedFindings distinct findings (kind, shape and call site) not kept past {@code
 *     querylens.max-findings} (approximate); their wasted time still counts in {@code time}
 */
public record QueryLensSnapshot(
    long takenAtMillis,
    List<ShapeSnapshot> shapes,
    ConnectionSnapshot connections,
    long droppedShapes,
    long internalFaults,
    TimeSplit time,
    List<Finding> findings,
    long droppedFindings,
    List<UnitSnapshot> units) {

  public QueryLensSnapshot {
    shapes = List.copyOf(shapes);
    findings = List.copyOf(findings);
    units = List.copyOf(units);
  }
}
