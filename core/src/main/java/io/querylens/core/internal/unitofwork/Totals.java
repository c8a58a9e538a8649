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
  long poolWaitNanos;
  long connectNanos;
  long wastedNanos;
  long findings;

  void clear() {
    executions = 0;
    executeNanos = 0;
    fetchNanos = 0;
    processNanos = 0;
    poolWaitNanos = 0;
    connectNanos = 0;
    wastedNanos = 0;
    findings = 0;
  }

  /** Adds {@code other}'s sums to these. */
  void add(Totals other) {
    executions += other.executions;
    executeNanos += other.executeNanos;
    fetchNanos += other.fetchNanos;
    processNanos += other.processNanos;
    poolWaitNanos += other.poolWaitNanos;
    connectNanos += other.connectNanos;
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
    poolWaitNanos = Math.max(0, poolWaitNanos - part.poolWaitNanos);
    connectNanos = Math.max(0, connectNanos - part.connectNanos);
    wastedNanos = Math.max(0, wastedNanos - part.wastedNanos);
    findings = Math.max(0, findings - part.findings);
  }

  /** The sums as a split. */
  TimeSplit split() {
    return new TimeSplit(
        executeNanos, fetchNanos, processNanos, poolWaitNanos, connectNanos, wastedNanos);
  }
}
