package io.querylens.core;

import java.util.List;

/**
 * A pattern inside units of work that a {@link Detector} flagged (round trips the application did
 * not need, a result that grows with the data, ...), aggregated over every unit where it was seen
 * with the same kind, shape and call site.
 *
 * @param kind what kind of pattern it is
 * @param shape the query shape it is about (the repeated one, for a repetition)
 * @param parentShape the query whose rows the repetitions followed, or null when unknown
 * @param parentRows rows the parent returned, or -1 when unknown
 * @param callSite first application frame of the repeated execution, e.g. {@code
 *     com.example.OrderService.listOrders(OrderService.java:42)}, or {@code "(unknown)"}
 * @param occurrences units of work in which it was seen
 * @param maxCount most executions of the shape in one unit, up to the last one the finding covered
 *     there (for a repetition: its repetitions)
 * @param totalCount those executions over all units
 * @param wastedNanos database time the detector judged avoidable, summed over units (for a
 *     repetition: the repetitions' database time beyond one round trip); 0 when the finding is not
 *     about round trips
 * @param hint what usually removes it: its kind's {@link FindingKind#hint()}, or for a start-up
 *     finding a hint that says it runs once per start
 * @param explanation what the detector saw, as a phrase without a final full stop ({@code read 5000
 *     rows to the end ...}), the latest one given; null when the kind, count and wasted time say it
 *     all (the repetition kinds)
 * @param unitNames distinct names of the units where it was seen, in the order first seen: at most
 *     the first {@value #MAX_UNIT_NAMES} (the one unit's name in a unit's part given to a {@link
 *     FindingListener}); never null
 * @param unitNameCount how many distinct names those units had: {@code unitNames.size()}, or more
 *     when further names were not kept (counted approximately, each once its unit has ended)
 * @param heldBack true when QueryLens's live WARN line for it was not written as it was first seen,
 *     held back by the limit of one line a second (or lost by a failing logger); the console report
 *     lists such findings. Always false in a unit's part given to a {@link FindingListener}
 * @param firstSeenMillis wall-clock time it was first seen
 * @param lastSeenMillis wall-clock time it was last seen
 * @param phase {@link Phase#STARTUP} when it was seen in start-up (its call site then is the script
 *     runner, when one ran it), else {@link Phase#RUNTIME}; a finding seen in both phases is two
 *     findings
 */
public record Finding(
    FindingKind kind,
    QueryShape shape,
    QueryShape parentShape,
    long parentRows,
    String callSite,
    long occurrences,
    long maxCount,
    long totalCount,
    long wastedNanos,
    String hint,
    String explanation,
    List<String> unitNames,
    long unitNameCount,
    boolean heldBack,
    long firstSeenMillis,
    long lastSeenMillis,
    Phase phase) {

  /** Unit names a finding keeps at most; further distinct names are only counted. */
  public static final int MAX_UNIT_NAMES = 10;

  /** A finding of the {@link Phase#RUNTIME} phase. */
  public Finding(
      FindingKind kind,
      QueryShape shape,
      QueryShape parentShape,
      long parentRows,
      String callSite,
      long occurrences,
      long maxCount,
      long totalCount,
      long wastedNanos,
      String hint,
      String explanation,
      List<String> unitNames,
      long unitNameCount,
      boolean heldBack,
      long firstSeenMillis,
      long lastSeenMillis) {
    this(
        kind,
        shape,
        parentShape,
        parentRows,
        callSite,
        occurrences,
        maxCount,
        totalCount,
        wastedNanos,
        hint,
        explanation,
        unitNames,
        unitNameCount,
        heldBack,
        firstSeenMillis,
        lastSeenMillis,
        Phase.RUNTIME);
  }

  public Finding {
    unitNames = unitNames == null ? List.of() : List.copyOf(unitNames);
    phase = phase == null ? Phase.RUNTIME : phase;
  }
}
