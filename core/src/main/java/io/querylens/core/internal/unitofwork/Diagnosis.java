package io.querylens.core.internal.unitofwork;

import io.querylens.core.Finding;
import io.querylens.core.TimeSplit;
import io.querylens.core.UnitSnapshot;
import io.querylens.core.intercept.Faults;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * What a tracker has diagnosed since it started or was last reset: the findings, the per-name unit
 * sums, the threads' states and the totals of threads that have died; and the reading of it for
 * snapshots: the time split, the units per name and the findings. {@code reset()} swaps in a fresh
 * one; a thread still holding the old one moves to the new one on its next call. Internal: public
 * only for the recording, which builds snapshots from it.
 *
 * <p>Readers run on any thread and never throw: a fault is given to {@link Faults} and the reader
 * answers as if nothing had been diagnosed.
 */
public final class Diagnosis {
  /** A registering thread folds away dead threads' states once per this many registrations. */
  private static final int SWEEP_EVERY = 64;

  private static final Comparator<UnitSnapshot> SLOWEST_FIRST =
      Comparator.comparingLong((UnitSnapshot u) -> u.slowest().totalNanos())
          .reversed()
          .thenComparing(UnitSnapshot::name);

  final FindingAggregator findings;
  final UnitNames names;
  final ConcurrentLinkedQueue<ThreadState> threads = new ConcurrentLinkedQueue<>();
  private final AtomicInteger registrations = new AtomicInteger();

  /** Totals of dead threads; guarded by this. */
  private final Totals dead = new Totals();

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
      dead.add(s.totals);
      it.remove();
    }
  }

  /**
   * Sums over every thread, living and dead: execute, fetch, process, pool wait, connect, wasted.
   * Living threads' totals are read racily.
   */
  synchronized TimeSplit totals() {
    sweep();
    Totals sum = new Totals();
    sum.add(dead);
    for (ThreadState s : threads) {
      sum.add(s.totals);
    }
    return sum.split();
  }

  /** Totals over every execution so far, open units included. */
  public TimeSplit time() {
    try {
      return totals();
    } catch (Throwable t) {
      Faults.report("unit-of-work.time", t);
      return TimeSplit.EMPTY;
    }
  }

  /** Every aggregated finding, most wasted time first. */
  public List<Finding> findings() {
    try {
      totals(); // folds away dead threads, settling their open units
      return findings.snapshot();
    } catch (Throwable t) {
      Faults.report("unit-of-work.findings", t);
      return List.of();
    }
  }

  /** Distinct findings not kept because {@code querylens.max-findings} was reached (estimated). */
  public long droppedFindings() {
    return findings.dropped();
  }

  /**
   * Units of work per name, the one with the slowest single unit first; at most 200 names plus
   * {@code (other units)}. Units still open are included as they stand.
   */
  public List<UnitSnapshot> units() {
    try {
      totals(); // folds away dead threads, ending their open units
      Map<String, UnitSnapshot> byName = new HashMap<>();
      for (UnitNames.Stats s : names.all()) {
        if (s.units.get() > 0) { // a name a unit had only until it was renamed as it ended
          byName.put(s.name, s.snapshot());
        }
      }
      UnitNames.Stats other = names.other();
      if (other.units.get() > 0) {
        byName.put(other.name, other.snapshot());
      }
      // ended units first, then open ones: a unit ending in between is missed, never doubled
      for (ThreadState ts : threads) {
        addOpenUnit(ts, byName);
      }
      List<UnitSnapshot> out = new ArrayList<>(byName.values());
      out.sort(SLOWEST_FIRST);
      return out;
    } catch (Throwable t) {
      Faults.report("unit-of-work.units", t);
      return List.of();
    }
  }

  private static void addOpenUnit(ThreadState ts, Map<String, UnitSnapshot> byName) {
    UnitNames.Stats stats = ts.unitStats;
    if (ts.unitKind == ThreadState.NONE || stats == null) {
      return;
    }
    TimeSplit open = ts.unit.split();
    long executions = ts.unit.executions;
    long findings = ts.unit.findings;
    if (ts.unitPublished) {
      return;
    }
    UnitSnapshot s = byName.get(stats.name);
    if (s == null) {
      byName.put(stats.name, new UnitSnapshot(stats.name, 1, executions, open, open, findings));
      return;
    }
    TimeSplit t = s.total();
    byName.put(
        stats.name,
        new UnitSnapshot(
            stats.name,
            s.units() + 1,
            s.executions() + executions,
            new TimeSplit(
                t.dbExecuteNanos() + open.dbExecuteNanos(),
                t.dbFetchNanos() + open.dbFetchNanos(),
                t.appProcessNanos() + open.appProcessNanos(),
                t.poolWaitNanos() + open.poolWaitNanos(),
                t.connectNanos() + open.connectNanos(),
                t.wastedRoundTripNanos() + open.wastedRoundTripNanos()),
            open.totalNanos() > s.slowest().totalNanos() ? open : s.slowest(),
            s.findings() + findings));
  }
}
