package io.querylens.core;

/**
 * Told on the application's thread when a unit of work first shows a finding: a {@link Detector}
 * has just raised it (for a repetition: a shape has just reached {@code
 * querylens.nplusone.threshold} repetitions in the unit). Implementations must be fast, must not
 * block and must not throw; the caller catches and counts anything they throw.
 */
@FunctionalInterface
public interface FindingListener {
  /**
   * @param finding this unit's part of the finding as it is now: {@code occurrences} 1, the
   *     executions so far as {@code totalCount} and {@code maxCount}, this unit's wasted time and
   *     name (the one element of {@code unitNames})
   * @param unit the identity of the unit as its {@link UnitOfWorkSource} returned it, or null when
   *     the unit did not come from a source (a scope, a transaction, an idle-gap run)
   * @param newInJvm whether this kind, shape and call site were seen for the first time in this JVM
   *     (since the start or the last reset)
   */
  void onFinding(Finding finding, Object unit, boolean newInJvm);
}
