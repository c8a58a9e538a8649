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
 * snapshots: the time split, the units per name and the findings, with start-up units' time and
 * names kept apart from the rest. {@code reset()} swaps in a fresh one; a thread still holding the
 * old one moves to the new one on its next call. Internal: public only for the recording, which
 * builds snapshots from it.
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

  /** Start-up units per name, apart from {@link #names}. */
  final UnitNames startupNames;

  final ConcurrentLinkedQueue<ThreadState> threads = new ConcurrentLinkedQueue<>();
  private final AtomicInteger registrations = new AtomicInteger();

  /** Totals of dead threads; guarded by this. */
  private final Totals dead = new Totals();

  /** The part of {@link #dead} in start-up units; guarded by this. */
  private final Totals deadStartup = new Totals();

  Diagnosis(FindingAggregator findings, UnitNames names, UnitNames startupNames) {
    this.findings = findings;
    this.names = names;
    this.startupNames = startupNames;
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
      deadStartup.add(s.startup);
      it.remove();
    }
  }

  /**
   * Sums over every thread, living and dead: execute, fetch, process, pool wait, connect, wasted;
   * of every unit, or of the start-up units only (ended and open). Living threads' totals are read
   * racily.
   */
  synchronized Totals totals(boolean startupOnly) {
    sweep();
    Totals sum = new Totals();
    sum.add(startupOnly ? deadStartup : dead);
    for (ThreadState s : threads) {
      if (!startupOnly) {
        sum.add(s.totals);
        continue;
      }
      sum.add(s.startup);
      if (s.unitStartup && s.unitKind != ThreadState.NONE && !s.unitPublished) {
        sum.add(s.unit);
      }
    }
    return sum;
  }

  /**
   * Totals over every execution so far outside start-up units, open units included: the figures
   * reports put first.
   */
  public TimeSplit time() {
    try {
      Totals startup = totals(true); // first: every sum in it is then in the totals read next
      Totals all = totals(false);
      all.remove(startup);
      return all.split();
    } catch (Throwable t) {
      Faults.report("unit-of-work.time", t);
      return TimeSplit.EMPTY;
    }
  }

  /** Totals over the executions of start-up units so far, open ones included. */
  public TimeSplit startupTime() {
    try {
      return totals(true).split();
    } catch (Throwable t) {
      Faults.report("unit-of-work.time", t);
      return TimeSplit.EMPTY;
    }
  }

  /** Every aggregated finding, most wasted time first. */
  public List<Finding> findings() {
    try {
      sweep(); // folds away dead threads, settling their open units
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
   * Units of work per name outside start-up, the one with the slowest single unit first; at most
   * 200 names plus {@code (other units)}. Units still open are included as they stand.
   */
  public List<UnitSnapshot> units() {
    return units(false);
  }

  /** Start-up units of work per name, as {@link #units()} lists the others. */
  public List<UnitSnapshot> startupUnits() {
    return units(true);
  }

  private List<UnitSnapshot> units(boolean startup) {
    try {
      sweep(); // folds away dead threads, ending their open units
      UnitNames unitNames = startup ? startupNames : names;
      Map<String, UnitSnapshot> byName = new HashMap<>();
      for (UnitNames.Stats s : unitNames.all()) {
        if (s.units.get() > 0) { // a name a unit had only until it was renamed as it ended
          byName.put(s.name, s.snapshot());
        }
      }
      UnitNames.Stats other = unitNames.other();
      if (other.units.get() > 0) {
        byName.put(other.name, other.snapshot());
      }
      // ended units first, then open ones: a unit ending in between is missed, never doubled
      for (ThreadState ts : threads) {
        if (ts.unitStartup == startup) {
          addOpenUnit(ts, byName);
        }
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
    String name = ts.unitStartup ? ts.unitName : ts.unitStats == null ? null : ts.unitStats.name;
    if (ts.unitKind == ThreadState.NONE || name == null) {
      return;
    }
    TimeSplit open = ts.unit.split();
    long executions = ts.unit.executions;
    long findings = ts.unit.findings;
    if (ts.unitPublished) {
      return;
    }
    UnitSnapshot s = byName.get(name);
    if (s == null) {
      byName.put(name, new UnitSnapshot(name, 1, executions, open, open, findings));
      return;
    }
    TimeSplit t = s.total();
    byName.put(
        name,
        new UnitSnapshot(
            name,
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
