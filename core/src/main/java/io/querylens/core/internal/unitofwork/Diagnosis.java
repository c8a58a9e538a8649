package io.querylens.core.internal.unitofwork;

import java.util.Iterator;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * What a tracker has diagnosed since it started or was last reset: the findings, the per-name unit
 * sums, the threads' states and the totals of threads that have died. {@code reset()} swaps in a
 * fresh one; a thread still holding the old one moves to the new one on its next call.
 */
final class Diagnosis {
  /** A registering thread folds away dead threads' states once per this many registrations. */
  private static final int SWEEP_EVERY = 64;

  final FindingAggregator findings;
  final UnitNames names;
  final ConcurrentLinkedQueue<ThreadState> threads = new ConcurrentLinkedQueue<>();
  private final AtomicInteger registrations = new AtomicInteger();

  // totals of dead threads; guarded by this
  private long executeNanos;
  private long fetchNanos;
  private long processNanos;
  private long acquireNanos;
  private long wastedNanos;

  Diagnosis(FindingAggregator findings, UnitNames names) {
    this.findings = findings;
    this.names = names;
  }

  void register(ThreadState state) {
    threads.add(state);
    if (registrations.incrementAndGet() % SWEEP_EVERY == 0) {
      sweep();
    }
  }

  /**
   * Ends the open units of threads that have died and folds their totals into this object's, so
   * that thread churn does not grow the list. Safe because a dead thread writes nothing more.
   */
  synchronized void sweep() {
    for (Iterator<ThreadState> it = threads.iterator(); it.hasNext(); ) {
      ThreadState s = it.next();
      if (!s.dead()) {
        continue;
      }
      s.endUnit();
      executeNanos += s.executeNanos;
      fetchNanos += s.fetchNanos;
      processNanos += s.processNanos;
      acquireNanos += s.acquireNanos;
      wastedNanos += s.wastedNanos;
      it.remove();
    }
  }

  /**
   * Sums over every thread, living and dead: execute, fetch, process, acquire, wasted. Living
   * threads' fields are read racily.
   */
  synchronized long[] totals() {
    sweep();
    long[] t = {executeNanos, fetchNanos, processNanos, acquireNanos, wastedNanos};
    for (ThreadState s : threads) {
      t[0] += s.executeNanos;
      t[1] += s.fetchNanos;
      t[2] += s.processNanos;
      t[3] += s.acquireNanos;
      t[4] += s.wastedNanos;
    }
    return t;
  }
}
