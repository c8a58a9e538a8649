package io.querylens.core.internal.unitofwork;

import io.querylens.core.TimeSplit;

/**
 * Running sums over executions: of one unit of work, of one thread, or of the threads that have
 * died. Plain fields, written only by the owning thread (or under the owner's lock); readers on
 * other threads read them racily, which may show them a moment stale.
 */
final class Totals {
  long executions;
  long executeNanos;
  long fetchNanos;
  long processNanos;
  long acquireNanos;
  long wastedNanos;
  long findings;

  void clear() {
    executions = 0;
    executeNanos = 0;
    fetchNanos = 0;
    processNanos = 0;
    acquireNanos = 0;
    wastedNanos = 0;
    findings = 0;
  }

  /** Adds {@code other}'s sums to these. */
  void add(Totals other) {
    executions += other.executions;
    executeNanos += other.executeNanos;
    fetchNanos += other.fetchNanos;
    processNanos += other.processNanos;
    acquireNanos += other.acquireNanos;
    wastedNanos += other.wastedNanos;
    findings += other.findings;
  }

  /**
   * Takes {@code part}'s sums, a part of these, from these; a sum read racily a moment ahead of
   * these stops at 0.
   */
  void remove(Totals part) {
    executions = Math.max(0, executions - part.executions);
    executeNanos = Math.max(0, executeNanos - part.executeNanos);
    fetchNanos = Math.max(0, fetchNanos - part.fetchNanos);
    processNanos = Math.max(0, processNanos - part.processNanos);
    acquireNanos = Math.max(0, acquireNanos - part.acquireNanos);
    wastedNanos = Math.max(0, wastedNanos - part.wastedNanos);
    findings = Math.max(0, findings - part.findings);
  }

  /** The sums as a split. */
  TimeSplit split() {
    return new TimeSplit(executeNanos, fetchNanos, processNanos, acquireNanos, wastedNanos);
  }
}
