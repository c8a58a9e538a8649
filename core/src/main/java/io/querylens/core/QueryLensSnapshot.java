package io.querylens.core;

import java.util.List;

/**
 * An immutable view of everything QueryLens recorded up to {@code takenAtMillis}: per-shape
 * statistics ordered by total time (largest first), connection statistics, and the number of faults
 * QueryLens caught inside itself.
 */
public record QueryLensSnapshot(
    long takenAtMillis,
    List<ShapeSnapshot> shapes,
    ConnectionSnapshot connections,
    long droppedShapes,
    long internalFaults) {

  public QueryLensSnapshot {
    shapes = List.copyOf(shapes);
  }
}
