package io.querylens.core;

import java.util.List;

/**
 * An immutable view of everything QueryLens recorded up to {@code takenAtMillis}: per-shape
 * statistics ordered by total time (largest first), connection statistics, where the time went (in
 * total and per unit name, slowest first), the findings (the {@link Phase#RUNTIME} ones first, each
 * phase's most wasted time first), and the number of faults QueryLens caught inside itself.
 *
 * <p>Start-up ({@link Phase#STARTUP}) is kept apart: {@code time} and {@code units} cover the other
 * units of work only, {@code startupTime} and {@code startupUnits} the start-up ones. Shapes and
 * connection statistics cover both.
 *
 * @param droppedShapes distinct shapes recorded under the overflow shape past {@code
 *     querylens.max-shapes} (approximate)
 *     <p>{@code databaseFindings} are judged per shape from the database server's own statistics
 *     ({@link ShapeSnapshot#server()}); {@code serverStats} says, per database, whether those are
 *     read.
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
    List<UnitSnapshot> units,
    TimeSplit startupTime,
    List<UnitSnapshot> startupUnits,
    List<DatabaseFinding> databaseFindings,
    List<ServerStatsStatus> serverStats) {

  /** A snapshot without the database server's side. */
  public QueryLensSnapshot(
      long takenAtMillis,
      List<ShapeSnapshot> shapes,
      ConnectionSnapshot connections,
      long droppedShapes,
      long internalFaults,
      TimeSplit time,
      List<Finding> findings,
      long droppedFindings,
      List<UnitSnapshot> units,
      TimeSplit startupTime,
      List<UnitSnapshot> startupUnits) {
    this(
        takenAtMillis,
        shapes,
        connections,
        droppedShapes,
        internalFaults,
        time,
        findings,
        droppedFindings,
        units,
        startupTime,
        startupUnits,
        List.of(),
        List.of());
  }

  /** A snapshot without start-up units. */
  public QueryLensSnapshot(
      long takenAtMillis,
      List<ShapeSnapshot> shapes,
      ConnectionSnapshot connections,
      long droppedShapes,
      long internalFaults,
      TimeSplit time,
      List<Finding> findings,
      long droppedFindings,
      List<UnitSnapshot> units) {
    this(
        takenAtMillis,
        shapes,
        connections,
        droppedShapes,
        internalFaults,
        time,
        findings,
        droppedFindings,
        units,
        TimeSplit.EMPTY,
        List.of());
  }

  public QueryLensSnapshot {
    shapes = List.copyOf(shapes);
    findings = List.copyOf(findings);
    units = List.copyOf(units);
    startupTime = startupTime == null ? TimeSplit.EMPTY : startupTime;
    startupUnits = startupUnits == null ? List.of() : List.copyOf(startupUnits);
    databaseFindings = databaseFindings == null ? List.of() : List.copyOf(databaseFindings);
    serverStats = serverStats == null ? List.of() : List.copyOf(serverStats);
  }
}
