package io.querylens.core.internal.unitofwork;

import io.querylens.core.Detector;
import io.querylens.core.FindingListener;
import io.querylens.core.Phase;
import io.querylens.core.QueryShape;
import io.querylens.core.UnitOfWork;
import io.querylens.core.UnitOfWorkSource;
import io.querylens.core.config.QueryLensConfig;
import io.querylens.core.intercept.Faults;
import io.querylens.core.internal.QueryLensLog;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.function.LongSupplier;
import org.slf4j.Logger;

/**
 * Groups each thread's executions into units of work and hands each execution, in its unit, to the
 * detectors ({@link Detection}). Internal: public only for the other QueryLens modules.
 *
 * <p><b>Units of work</b> are per thread, chosen in this order: an explicit scope ({@link #begin};
 * scopes nest, the outermost is the unit); the first {@link UnitOfWorkSource} (by {@link
 * UnitOfWorkSource#precedence()}) with a current unit, named when its first execution arrives and
 * named again when it ends (at the thread's next execution in another unit), since a source may
 * learn the name late (a request's route template); the JDBC transaction of the execution; else the
 * thread's run of executions until it ran none for {@code querylens.unit.idle-gap}. A run is not
 * cut while a cursor is open on the thread ({@link OpenCursors}), and an execution outside a
 * transaction right after one (within the gap) joins it. Transaction and idle-gap units are named
 * after the thread, digit runs folded to {@code #}.
 *
 * <p><b>Findings</b> come from the {@link Detector}s: the built-in ones ({@code n-plus-one}, {@code
 * duplicate}, {@code chatty-writes}, {@code unbounded-result}) and any added. What the tracker has
 * diagnosed (findings, time split, unit sums) is read from its {@link #diagnosis()}.
 *
 * <p><b>Cost.</b> {@link #record} takes the thread's state from the {@link ExecutionView} the
 * recording filled (one {@link ThreadLocal} read in {@link #execution()}), updates plain fields and
 * probes one small open-addressing table: no locks, no allocation once the thread has seen its
 * largest unit. Per-name unit sums take a few atomic adds when a unit ends.
 *
 * <p>No method throws: a fault is given to {@link Faults} and the caller proceeds.
 */
public final class UnitOfWorkTracker {
  private static final Logger logger = QueryLensLog.logger();

  private static final FindingAggregator.Log loggerLog = logger::warn;

  private final boolean enabled;
  private final long idleGapNanos;
  private final int maxFindings;
  private final CallSites callSites;
  private final Detection detection;
  private final FindingAggregator.Log log;
  private final LongSupplier nanoClock;
  private final ThreadLocal<ExecutionView> executions;
  private volatile UnitOfWorkSource[] sources = new UnitOfWorkSource[0];
  private volatile Diagnosis diagnosis;

  /**
   * A tracker configured by {@code querylens.diagnosis.enabled}, the unit idle gap and call sites,
   * running {@code detectors}.
   */
  public UnitOfWorkTracker(QueryLensConfig config, List<Detector> detectors) {
    this(config, detectors, loggerLog, System::nanoTime);
  }

  UnitOfWorkTracker(
      QueryLensConfig config,
      List<Detector> detectors,
      FindingAggregator.Log log,
      LongSupplier nanoClock) {
    this.enabled = config.diagnosisEnabled();
    this.idleGapNanos = config.unitIdleGap().toNanos();
    this.maxFindings = config.maxFindings();
    this.callSites = new CallSites(config.callSiteAppPackages(), config.callSiteSkipPackages());
    this.detection = new Detection(callSites, detectors.toArray(new Detector[0]));
    this.log = log;
    this.nanoClock = nanoClock;
    this.executions = ThreadLocal.withInitial(() -> new ExecutionView(detection));
    this.diagnosis = newDiagnosis();
  }

  private Diagnosis newDiagnosis() {
    return new Diagnosis(
        new FindingAggregator(maxFindings, log, nanoClock),
        new UnitNames(UnitNames.MAX_NAMES),
        new UnitNames(UnitNames.MAX_NAMES));
  }

  /** Adds a source of units of work; sources are asked in {@link UnitOfWorkSource#precedence()}. */
  public void addSource(UnitOfWorkSource source) {
    try {
      synchronized (this) {
        UnitOfWorkSource[] grown = Arrays.copyOf(sources, sources.length + 1);
        grown[grown.length - 1] = source;
        // stable: equal precedence keeps the order of addition
        Arrays.sort(grown, Comparator.comparingInt(UnitOfWorkSource::precedence));
        sources = grown;
      }
    } catch (Throwable t) {
      Faults.report("unit-of-work.add-source", t);
    }
  }

  /** Adds a consumer of findings, told on the application's thread as units first show them. */
  public void addFindingListener(FindingListener listener) {
    detection.addFindingListener(listener);
  }

  /** Adds a detector; it sees every execution from now on, after those already added. */
  public void addDetector(Detector detector) {
    if (enabled && detector != null) {
      detection.addDetector(detector);
    }
  }

  /**
   * This thread's holder for the execution being recorded, with what an execution may lack reset:
   * the recording writes them, hands it to {@link #record} and then calls {@link
   * ExecutionView#release()}. An execution recorded while the thread's holder is still in use (a
   * listener that runs a query) gets a holder of its own.
   */
  public ExecutionView execution() {
    ExecutionView e = executions.get();
    if (e.busy) {
      ExecutionView nested = new ExecutionView(detection);
      nested.state = e.state;
      e = nested;
    }
    e.reset();
    e.busy = true;
    return e;
  }

  /**
   * One execution, on the application's thread, at its end (the cursor's end for a query), as the
   * recording wrote it into {@code e} (from {@link #execution()}).
   */
  public void record(ExecutionView e) {
    if (!enabled) {
      return;
    }
    try {
      ThreadState ts = state(e);
      QueryShape shape = e.shape;
      long rawTotal = e.executeNanos + e.fetchNanos + e.processNanos;
      // the cursor ends first: only cursors still open after it hold an idle-gap unit together
      long process =
          ts.cursors.count() == 0
              ? e.processNanos
              : ts.cursors.ended(shape, rawTotal, e.processNanos);
      resolveUnit(ts, e.startNanos, e.transactionId);
      long walkNanos = ts.ready || shape == null ? 0 : resolvePhase(ts, shape);
      ts.totals.executeNanos += e.executeNanos;
      ts.totals.fetchNanos += e.fetchNanos;
      ts.totals.processNanos += process;
      Totals unit = ts.unit;
      unit.executions++;
      unit.executeNanos += e.executeNanos;
      unit.fetchNanos += e.fetchNanos;
      unit.processNanos += process;
      long end = e.startNanos + rawTotal;
      if (!ts.hasLast || end - ts.lastEndNanos > 0) {
        ts.lastEndNanos = end;
        ts.hasLast = true;
      }
      ts.lastEndNanos += walkNanos; // QueryLens's time, not the application's idleness
      if (shape != null) {
        detection.examine(ts, e);
        ShapeTable.Entry awaiting = ts.awaitingCursorEnd;
        if (awaiting != null
            && e.entry != null
            && e.batchSize <= 0
            && ShapeTable.same(awaiting.cursor, shape)) {
          ParentChoice.cursorEnded(ts, awaiting, e.entry);
        }
      }
    } catch (Throwable t) {
      Faults.report("unit-of-work.record", t);
    }
  }

  /** A query's cursor is now open on this thread; its execution is recorded when it ends. */
  public void cursorOpened(QueryShape shape) {
    if (!enabled || shape == null) {
      return;
    }
    try {
      ThreadState ts = state();
      ts.cursors.opened(shape, ts.unitUse);
      detection.executionPending(ts, shape);
    } catch (Throwable t) {
      Faults.report("unit-of-work.cursor", t);
    }
  }

  /**
   * An {@code execute()} returned on this thread and its outcome is pending: it is recorded later
   * (when the application reads it, or at the statement's next execution or close), by which time
   * the stack no longer shows where it was executed. Optional: without this call such an
   * execution's call site is where it was recorded.
   */
  public void executionPending(QueryShape shape) {
    if (!enabled || shape == null) {
      return;
    }
    try {
      detection.executionPending(state(), shape);
    } catch (Throwable t) {
      Faults.report("unit-of-work.pending", t);
    }
  }

  /**
   * The application checked out a connection on this thread, waiting {@code poolWaitNanos} in a
   * pool and {@code connectNanos} for physical connects. The time counts in the thread's totals,
   * and in a unit of work only if one is open now: an explicit scope, or a source's current unit
   * (which this call starts, as an execution would). A connection requested before its unit began
   * (before the scope opened, or by a unit that starts at its first execution: a transaction or an
   * idle-gap run) adds nothing to any unit (decision 0030).
   */
  public void connectionCheckedOut(long poolWaitNanos, long connectNanos) {
    if (!enabled) {
      return;
    }
    try {
      ThreadState ts = state();
      ts.totals.poolWaitNanos += poolWaitNanos;
      ts.totals.connectNanos += connectNanos;
      UnitOfWorkSource[] src = sources;
      if (ts.scopeDepth > 0 || (src.length > 0 && resolveSource(ts, src))) {
        ts.unit.poolWaitNanos += poolWaitNanos;
        ts.unit.connectNanos += connectNanos;
      }
    } catch (Throwable t) {
      Faults.report("unit-of-work.connection", t);
    }
  }

  /** Whether {@code type} is the application's code, as call sites judge it. */
  public boolean isApplication(Class<?> type) {
    try {
      return callSites.isApplication(type);
    } catch (Throwable t) {
      Faults.report("unit-of-work.application", t);
      return false;
    }
  }

  /**
   * Opens an explicit scope on this thread. Scopes nest; the outermost one is the unit of work, and
   * opening it ends whatever unit the thread was in. Close it on the same thread.
   */
  public UnitOfWork begin(String name) {
    String n = name == null ? ThreadState.UNNAMED : name;
    if (!enabled) {
      return new Scope(this, null, 0, 0, n);
    }
    try {
      ThreadState ts = state();
      if (ts.scopeDepth == 0) {
        ts.endUnit();
        ts.startUnit(ThreadState.SCOPE, n);
      }
      ts.scopeDepth++;
      return new Scope(this, ts, ts.unitSeq, ts.scopeDepth, n);
    } catch (Throwable t) {
      Faults.report("unit-of-work.begin", t);
      return new Scope(this, null, 0, 0, n);
    }
  }

  /**
   * Opens an explicit scope as {@link #begin} does, unless the thread is in a unit of work already:
   * an explicit scope, or a source's current unit (a request seen by the agent, a span). Then the
   * scope returned does nothing and the thread's unit stays as it is. For units that only name work
   * nothing else names (a framework's transactional or scheduled methods).
   */
  public UnitOfWork beginIfNone(String name) {
    if (enabled && !inUnit()) {
      return begin(name);
    }
    return new Scope(this, null, 0, 0, name == null ? ThreadState.UNNAMED : name);
  }

  /** Whether an explicit scope is open on this thread or a source has a current unit. */
  private boolean inUnit() {
    try {
      ThreadState ts = executions.get().state;
      if (ts != null && ts.diagnosis == diagnosis && ts.scopeDepth > 0) {
        return true;
      }
      UnitOfWorkSource[] src = sources;
      for (int i = 0; i < src.length; i++) {
        if (currentUnit(src[i]) != null) {
          return true;
        }
      }
      return false;
    } catch (Throwable t) {
      Faults.report("unit-of-work.in-unit", t);
      return false;
    }
  }

  /** Closes {@code scope}: the outermost one ends the unit; others just leave their level. */
  void end(Scope scope) {
    try {
      ThreadState ts = scope.state;
      if (ts == null
          || ts.thread.get() != Thread.currentThread()
          || ts.unitKind != ThreadState.SCOPE
          || ts.unitSeq != scope.unitSeq) {
        return; // never opened, closed on another thread, or its unit is already over
      }
      if (scope.depth <= 1) {
        ts.scopeDepth = 0;
        ts.endUnit();
      } else {
        ts.scopeDepth = Math.min(ts.scopeDepth, scope.depth - 1);
      }
    } catch (Throwable t) {
      Faults.report("unit-of-work.close", t);
    }
  }

  /** The JDBC transaction {@code transactionId} on this thread ended: so does its unit. */
  public void transactionEnded(long transactionId) {
    if (!enabled) {
      return;
    }
    try {
      ThreadState ts = executions.get().state;
      if (ts != null
          && ts.diagnosis == diagnosis
          && ts.unitKind == ThreadState.TRANSACTION
          && ts.unitTransaction == transactionId) {
        ts.endUnit();
      }
    } catch (Throwable t) {
      Faults.report("unit-of-work.transaction", t);
    }
  }

  /**
   * What has been diagnosed since the start or the last {@link #reset()}: findings, the time split
   * and the units per name, read as a snapshot is built. Empty when diagnosis is off.
   */
  public Diagnosis diagnosis() {
    return diagnosis;
  }

  /** Forgets everything diagnosed so far; threads start afresh on their next call. */
  public void reset() {
    try {
      diagnosis = newDiagnosis();
    } catch (Throwable t) {
      Faults.report("unit-of-work.reset", t);
    }
  }

  /** Shapes tracked in this thread's current unit (for tests). */
  int trackedShapes() {
    ThreadState ts = executions.get().state;
    return ts == null ? 0 : ts.table.size();
  }

  /** This thread's state in the current diagnosis. */
  private ThreadState state() {
    return state(executions.get());
  }

  /** This thread's state in the current diagnosis, kept in its execution holder {@code e}. */
  private ThreadState state(ExecutionView e) {
    ThreadState ts = e.state;
    Diagnosis d = diagnosis;
    if (ts == null || ts.diagnosis != d) {
      ts = new ThreadState(d, Thread.currentThread());
      e.state = ts;
      d.register(ts);
    }
    return ts;
  }

  /**
   * Until the thread has shown a stack without start-up ({@link ThreadState#ready}): a shape new in
   * the unit is walked once for its phase. A unit of a transaction or an idle gap whose phase
   * changes ends there and the same kind of unit goes on in the other phase (Hibernate creating the
   * schema, then the test's own queries within the idle gap); a scope or a source's unit becomes
   * start-up and stays so. Returns the nanoseconds the walk took.
   */
  private long resolvePhase(ThreadState ts, QueryShape shape) {
    if (ts.table.size() > 0 && ts.table.find(shape) != null) {
      return 0;
    }
    long began = System.nanoTime();
    boolean startup = detection.phase() == Phase.STARTUP;
    if (!startup) {
      ts.ready = true;
    }
    if (startup != ts.unitStartup) {
      byte kind = ts.unitKind;
      if (ts.unit.executions > 0 && (kind == ThreadState.IDLE || kind == ThreadState.TRANSACTION)) {
        long transaction = ts.unitTransaction;
        String name = ts.unitName;
        ts.endUnit();
        ts.startUnit(kind, name);
        ts.unitTransaction = transaction;
      }
      if (startup || ts.unit.executions == 0) {
        ts.unitStartup = startup;
      }
    }
    return System.nanoTime() - began;
  }

  /** Makes the thread's current unit the one this execution belongs to. */
  private void resolveUnit(ThreadState ts, long startNanos, long transactionId) {
    if (ts.scopeDepth > 0) {
      return;
    }
    UnitOfWorkSource[] src = sources;
    if (src.length > 0 && resolveSource(ts, src)) {
      return;
    }
    if (transactionId != 0) {
      if (ts.unitKind == ThreadState.TRANSACTION && ts.unitTransaction == transactionId) {
        return;
      }
      ts.endUnit();
      ts.startUnit(ThreadState.TRANSACTION, ts.threadUnitName());
      ts.unitTransaction = transactionId;
      return;
    }
    byte kind = ts.unitKind;
    if ((kind == ThreadState.IDLE || kind == ThreadState.TRANSACTION)
        && (ts.cursors.count() > 0 || startNanos - ts.lastEndNanos <= idleGapNanos)) {
      return;
    }
    ts.endUnit();
    ts.startUnit(ThreadState.IDLE, ts.threadUnitName());
  }

  private static boolean resolveSource(ThreadState ts, UnitOfWorkSource[] src) {
    for (int i = 0; i < src.length; i++) {
      UnitOfWorkSource s = src[i];
      Object id = currentUnit(s);
      if (id == null) {
        continue;
      }
      if (ts.unitKind == ThreadState.SOURCE
          && ts.unitSource == s
          && (ts.unitIdentity == id || ts.unitIdentity.equals(id))) {
        return true;
      }
      UnitOfWorkSource namer = s;
      Object namerIdentity = id;
      String name = unitName(s, id);
      // a source that cannot name its unit (a span bridged by the OpenTelemetry Java agent) takes
      // the name of the next source that has a unit: the inbound request's route
      for (int j = i + 1; name == null && j < src.length; j++) {
        Object other = currentUnit(src[j]);
        name = other == null ? null : unitName(src[j], other);
        if (name != null) {
          namer = src[j];
          namerIdentity = other;
        }
      }
      ts.endUnit();
      ts.startUnit(ThreadState.SOURCE, name);
      ts.unitSource = s;
      ts.unitIdentity = id;
      ts.unitNamer = namer;
      ts.unitNamerIdentity = namerIdentity;
      return true;
    }
    return false;
  }

  private static Object currentUnit(UnitOfWorkSource s) {
    try {
      return s.currentUnit();
    } catch (Throwable t) {
      Faults.report("unit-of-work.source", t);
      return null;
    }
  }

  private static String unitName(UnitOfWorkSource s, Object id) {
    try {
      return s.unitName(id);
    } catch (Throwable t) {
      Faults.report("unit-of-work.source", t);
      return null;
    }
  }

  /** An explicit unit-of-work scope. */
  static final class Scope implements UnitOfWork {
    private final UnitOfWorkTracker tracker;
    final ThreadState state;
    final long unitSeq;
    final int depth;
    private final String name;
    private boolean closed;

    Scope(UnitOfWorkTracker tracker, ThreadState state, long unitSeq, int depth, String name) {
      this.tracker = tracker;
      this.state = state;
      this.unitSeq = unitSeq;
      this.depth = depth;
      this.name = name;
    }

    @Override
    public String name() {
      return name;
    }

    @Override
    public void close() {
      if (closed) {
        return;
      }
      closed = true;
      tracker.end(this);
    }

    @Override
    public String toString() {
      return "UnitOfWork[" + name + "]";
    }
  }
}
