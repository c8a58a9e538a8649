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

  /** The sums as a split. */
  TimeSplit split() {
    return new TimeSplit(
        executeNanos, fetchNanos, processNanos, poolWaitNanos, connectNanos, wastedNanos);
  }
}
