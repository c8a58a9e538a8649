package io.querylens.core.internal.unitofwork;

import io.querylens.core.Detector;
import io.querylens.core.Finding;
import io.querylens.core.FindingKind;
import io.querylens.core.FindingListener;
import io.querylens.core.Phase;
import io.querylens.core.QueryShape;
import io.querylens.core.intercept.Faults;
import java.util.Arrays;
import java.util.List;

/**
 * Runs the detectors over each execution of a unit of work: keeps the unit's per-shape counts in
 * the thread's {@link ShapeTable}, shows each execution to the detectors that can raise on it, and
 * turns what they raise into aggregated findings, with the call site and the time split's wasted
 * part. One per tracker; its per-execution work touches only the executing thread's state.
 *
 * <p><b>Cost.</b> Per execution: one table probe and a few plain writes, then one comparison per
 * detector against its {@link Detector#minimumCount()}: a detector of repetitions is not even
 * called while its shape is below its threshold. Nothing is allocated unless a detector raises. The
 * call site costs one stack walk per raised finding and unit, never per execution.
 */
final class Detection {
  private final CallSites callSites;

  /** The detectors and what is derived from them, swapped whole when one is added. */
  private volatile Registered registered;

  private volatile FindingListener[] findingListeners = new FindingListener[0];

  /** The detectors, each one's minimum count, and the distinct counts above 1 (call site ahead). */
  private static final class Registered {
    final Detector[] detectors;
    final long[] minimumCounts;
    final long[] aheadCounts;

    Registered(Detector[] detectors) {
      this.detectors = detectors;
      this.minimumCounts = new long[detectors.length];
      for (int i = 0; i < detectors.length; i++) {
        minimumCounts[i] = Math.max(1, detectors[i].minimumCount());
      }
      this.aheadCounts = Arrays.stream(minimumCounts).filter(c -> c > 1).distinct().toArray();
    }

    boolean ahead(long count) {
      for (long c : aheadCounts) {
        if (c == count) {
          return true;
        }
      }
      return false;
    }
  }

  Detection(CallSites callSites, Detector[] detectors) {
    this.callSites = callSites;
    this.registered = new Registered(detectors.clone());
  }

  synchronized void addDetector(Detector detector) {
    Detector[] d = registered.detectors;
    Detector[] grown = Arrays.copyOf(d, d.length + 1);
    grown[d.length] = detector;
    registered = new Registered(grown);
  }

  synchronized void addFindingListener(FindingListener listener) {
    FindingListener[] grown = Arrays.copyOf(findingListeners, findingListeners.length + 1);
    grown[grown.length - 1] = listener;
    findingListeners = grown;
  }

  /**
   * Counts the execution in its unit's shape table (a batch is not counted), which also keeps it as
   * a parent candidate ({@link ParentChoice}), and shows it to the detectors that can raise on it.
   * {@code e.shape} is not null.
   */
  void examine(ThreadState ts, ExecutionView e) {
    QueryShape shape = e.shape;
    boolean batch = e.batchSize > 0;
    ShapeTable.Entry entry;
    if (batch) {
      entry = ts.table.size() == 0 ? null : ts.table.find(shape);
    } else {
      entry = ts.table.find(shape);
      if (entry == null) {
        entry = newEntry(ts, shape, e.parameterHash);
      }
      entry.count++;
      entry.lastUse = ++ts.unitUse;
      entry.dbNanos += e.executeNanos + e.fetchNanos;
      if (e.rows > 0) {
        entry.rowsInUnit += e.rows;
      }
      if (e.parameterHash == entry.firstHash) {
        entry.firstHashCount++;
      }
      if (entry.count >= entry.parentRecheckAt) {
        ParentChoice.recheck(ts, entry);
      }
    }
    e.entry = entry;
    if (entry != null && entry.callSiteAhead != null) {
      e.site = entry.callSiteAhead; // taken as this execution's execute call returned
      entry.callSiteAhead = null;
    }
    // a batch is not counted: only detectors that look at every execution see it
    long count = batch || entry == null ? 1 : entry.count;
    Registered r = registered;
    Detector[] detectors = r.detectors;
    long[] minimum = r.minimumCounts;
    for (int i = 0; i < detectors.length; i++) {
      if (count >= minimum[i]) {
        try {
          detectors[i].onExecution(e);
        } catch (Throwable t) {
          Faults.report("detector " + detectors[i].getClass().getName(), t);
        }
      }
    }
  }

  /**
   * An execution of {@code shape} returned from its execute call and is recorded later (its cursor
   * ends, or its outcome is read): if, when recorded, it will bring its shape to a detector's
   * minimum count, its call site is taken now, while the stack shows where the application executed
   * it rather than where it closed the cursor or executed the statement again. Only for data access
   * ({@link ShapeKinds#judged}).
   */
  void executionPending(ThreadState ts, QueryShape shape) {
    if (ts.table.size() == 0) {
      return;
    }
    ShapeTable.Entry e = ts.table.find(shape);
    if (e == null || e.callSiteAhead != null || !registered.ahead(e.count + 1)) {
      return;
    }
    if (dataAccess(e)) {
      e.callSiteAhead = callSites.find();
    }
  }

  /**
   * The call site of {@code e}, walked now. The stack walk can take milliseconds; that time is
   * QueryLens's, not the application's, so it is not allowed to open an idle gap that would cut the
   * unit in two.
   */
  CallSite callSite(ExecutionView e) {
    long began = System.nanoTime();
    try {
      return callSites.find();
    } finally {
      ThreadState ts = e.state;
      if (ts != null) {
        ts.lastEndNanos += System.nanoTime() - began;
      }
    }
  }

  /** The phase the current stack shows: one walk ({@link CallSites#phase()}). */
  Phase phase() {
    return callSites.phase();
  }

  /**
   * What {@link ExecutionView#raise} does: brings this unit's finding up to date (the hot path: a
   * few plain writes and the aggregated finding's atomic adds), or raises it ({@link #raiseNew}).
   */
  void raise(
      ExecutionView e, FindingKind kind, long wastedNanos, QueryShape parent, String explanation) {
    ShapeTable.Entry entry = e.entry;
    ShapeTable.Raised r = entry == null ? null : entry.raised(kind);
    if (r == null) {
      raiseNew(e, kind, wastedNanos, parent, explanation);
      return;
    }
    ThreadState ts = e.state;
    long countDelta = entry.count - r.count;
    long wastedDelta = wastedNanos - r.wastedNanos;
    r.count = entry.count;
    r.wastedNanos = wastedNanos;
    ts.totals.wastedNanos += wastedDelta;
    ts.unit.wastedNanos += wastedDelta;
    if (r.finding != null) {
      r.finding.repeated(entry.count, countDelta, wastedDelta, explanation);
    }
  }

  /** The first raise of {@code kind} about this shape in this unit. */
  private void raiseNew(
      ExecutionView e, FindingKind kind, long wastedNanos, QueryShape parent, String explanation) {
    ThreadState ts = e.state;
    if (ts == null || kind == null) {
      return;
    }
    ShapeTable.Entry entry = e.entry;
    if (entry == null) { // a batch of a shape the unit does not track: track it, uncounted
      entry = newEntry(ts, e.shape, e.parameterHash);
      entry.lastUse = ++ts.unitUse;
      e.entry = entry;
    }
    ShapeTable.Raised r;
    // the stack walk and the first log line can take milliseconds: not the application's idleness
    long began = System.nanoTime();
    try {
      CallSite site = e.site != null ? e.site : callSites.find();
      e.site = site;
      Phase phase = site.phase();
      if (phase == Phase.STARTUP) {
        ts.unitStartup = true; // a script run after the thread's start-up: so is its unit
      }
      long count = entry.count;
      r = entry.addRaised(kind);
      r.count = count;
      r.wastedNanos = wastedNanos;
      r.parent = parent;
      r.parentFollowsChoice = ShapeTable.same(parent, ParentChoice.parent(ts, entry));
      long parentRows = ParentChoice.rows(ts, entry, parent);
      ts.totals.wastedNanos += wastedNanos;
      ts.unit.wastedNanos += wastedNanos;
      ts.unit.findings++;
      long now = System.currentTimeMillis();
      Finding part =
          new Finding(
              kind,
              e.shape,
              parent,
              parentRows,
              site.text(),
              1,
              count,
              count,
              wastedNanos,
              phase == Phase.STARTUP ? StartupHints.of(kind, site.script()) : kind.hint(),
              explanation,
              List.of(ts.unitName),
              1,
              false,
              now,
              now,
              phase);
      r.finding =
          ts.diagnosis.findings.raise(
              part, findingListeners, ts.unitKind == ThreadState.SOURCE ? ts.unitIdentity : null);
      if (r.finding != null) {
        r.finding.parentNamed(parent, parentRows, count, ts.unitId());
      }
    } finally {
      ts.lastEndNanos += System.nanoTime() - began;
    }
  }

  private static ShapeTable.Entry newEntry(ThreadState ts, QueryShape shape, long paramHash) {
    ShapeTable.Entry e = ts.table.insert(shape);
    if (e == null) {
      ts.table.evictOldestHalf(ts);
      e = ts.table.insert(shape);
    }
    e.kind = statementKind(shape);
    e.dataAccess = ShapeTable.DATA_ACCESS_UNKNOWN;
    e.state = ShapeTable.COUNTING;
    e.count = 0;
    e.firstHash = paramHash;
    e.firstHashCount = 0;
    e.dbNanos = 0;
    e.rowsInUnit = 0;
    e.firstUse = ts.unitUse + 1; // the position its first execution takes
    int open = ts.cursors.innermostOtherThan(shape);
    if (open >= 0) {
      e.cursor = ts.cursors.shape(open);
      e.cursorOpenedAt = ts.cursors.openedAt(open);
      ts.awaitingCursorEnd = e; // the cursor is still being read: its rows are known as it ends
    } else {
      e.cursor = null;
      e.cursorOpenedAt = 0;
    }
    e.parentChosen = false; // chosen when first asked for
    e.parent = null;
    e.parentRows = -1;
    e.parentRecheckAt = Long.MAX_VALUE;
    return e;
  }

  /** ShapeKinds.READ, WRITE or OTHER for {@code shape}'s operation. */
  static byte statementKind(QueryShape shape) {
    String op = shape.operation();
    return op == null ? ShapeKinds.OTHER : ShapeKinds.of(op);
  }

  /** Whether the entry's shape is data access, worked out once per unit and shape. */
  static boolean dataAccess(ShapeTable.Entry e) {
    byte d = e.dataAccess;
    if (d == ShapeTable.DATA_ACCESS_UNKNOWN) {
      d =
          ShapeKinds.judged(e.shape, e.kind)
              ? ShapeTable.DATA_ACCESS_YES
              : ShapeTable.DATA_ACCESS_NO;
      e.dataAccess = d;
    }
    return d == ShapeTable.DATA_ACCESS_YES;
  }
}
