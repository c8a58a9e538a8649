package io.querylens.core;

/**
 * Finds one kind of pattern in the executions of a unit of work and raises {@link Finding}s of its
 * {@link FindingKind}: the built-in detectors find {@code n-plus-one}, {@code duplicate}, {@code
 * chatty-writes} and {@code unbounded-result}; an extension adds its own with {@link
 * QueryLensExtension.Context#addDetector}.
 *
 * <p>A detector is told of every execution of a unit of work, on the application's thread, when the
 * execution ends (a query when its cursor ends). It sees the execution and its shape's history in
 * the unit through a {@link UnitExecution} and raises a finding with {@link UnitExecution#raise}.
 * QueryLens keeps the rest: the units themselves, the per-shape counts, the call site (one stack
 * walk, taken only when a finding is raised), the aggregation of findings across units by kind,
 * shape and call site, their bound ({@code querylens.max-findings}), logging and listeners.
 *
 * <p>Every JDBC execution passes through every detector, so {@link #onExecution} must be fast, must
 * not block, must not allocate unless it raises, and must keep no reference to the {@link
 * UnitExecution} it is given (one object per thread is reused). It must not throw; what it throws
 * is caught and counted. A detector is shared by all threads: it keeps no per-unit state of its own
 * (what it needs to remember per unit and shape, QueryLens remembers: counts, parameters, time,
 * whether it raised already).
 */
public interface Detector {
  /**
   * The fewest executions of a shape in one unit of work (batches not counted) before this detector
   * can raise a finding about it: executions below it are not shown to the detector. A detector of
   * repetitions returns its threshold, and then also gets the call site of the execution that
   * reaches it as that execution's execute call returns (the stack then shows the line that
   * executed it, not the one that read its last row). Default 1: every execution is shown.
   */
  default long minimumCount() {
    return 1;
  }

  /** Looks at one execution that has just ended in its unit of work; may raise findings. */
  void onExecution(UnitExecution execution);
}
