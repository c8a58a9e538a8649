package io.querylens.core.internal.unitofwork;

import io.querylens.core.Finding;
import io.querylens.core.FindingKind;
import io.querylens.core.FindingListener;
import io.querylens.core.QueryShape;
import io.querylens.core.TimeSplit;
import io.querylens.core.UnitOfWork;
import io.querylens.core.UnitOfWorkSource;
import io.querylens.core.UnitSnapshot;
import io.querylens.core.config.QueryLensConfig;
import io.querylens.core.intercept.Faults;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Groups each thread's executions into units of work, finds n-plus-one, duplicate and chatty-writes
 * patterns in them as executions arrive, aggregates the findings, and splits time into database and
 * application parts. Internal: public only for the other QueryLens modules.
 *
 * <p><b>Units of work</b> are per thread, chosen in this order: an explicit scope ({@link #begin};
 * scopes nest, the outermost is the unit); the first {@link UnitOfWorkSource} (by {@link
 * UnitOfWorkSource#precedence()}) with a current unit, named when its first execution arrives and
 * named again when it ends (at the thread's next execution in another unit), since a source may
 * learn the name late (a request's route template); the JDBC transaction of the execution; else the
 * thread's run of executions until it ran none for {@code querylens.unit.idle-gap}. A run is not
 * cut while a cursor is open on the thread, and an execution outside a transaction right after one
 * (within the gap) joins it. Transaction and idle-gap units are named after the thread, digit runs
 * folded to {@code #}.
 *
 * <p><b>Findings.</b> In each unit, per shape: the count (a batch is not counted), the first
 * parameter hash and how many executions had it, the database time, the parent query. When a shape
 * reaches {@code querylens.nplusone.threshold} executions in a unit it is judged once: all with the
 * same parameters makes {@code duplicate}; otherwise a read makes {@code n-plus-one} and a write
 * {@code chatty-writes}. Reads of no table ({@code SELECT 1}, sequences) and other statements
 * (CALL, DDL) are never judged. The call site is found then, with one stack walk. Every further
 * repetition in the unit adds to the aggregated finding at once, so findings are never stale, and
 * costs a few atomic adds only to executions that are themselves waste.
 *
 * <p><b>Wasted time</b> of a finding in one unit is the database time (execute + fetch) of its n
 * repetitions beyond one average round trip: {@code total * (n - 1) / n}.
 *
 * <p><b>Cost.</b> {@link #record} takes one {@link ThreadLocal} read, updates plain fields of the
 * thread's state and probes one small open-addressing table: no locks, no allocation once the
 * thread has seen its largest unit. Per-name unit sums take a few atomic adds when a unit ends.
 *
 * <p>No method throws: a fault is given to {@link Faults} and the caller proceeds.
 */
public final class UnitOfWorkTracker {
  private static final Logger logger = LoggerFactory.getLogger("io.querylens");

  private static final Comparator<UnitSnapshot> SLOWEST_FIRST =
      Comparator.comparingLong((UnitSnapshot u) -> u.slowest().totalNanos())
          .reversed()
          .thenComparing(UnitSnapshot::name);

  private static final FindingAggregator.Log loggerLog = logger::warn;

  private final boolean enabled;
  private final int threshold;
  private final long idleGapNanos;
  private final int maxFindings;
  private final CallSites callSites;
  private final FindingAggregator.Log log;
  private final LongSupplier nanoClock;
  private final ThreadLocal<ThreadState> states = new ThreadLocal<>();
  private volatile UnitOfWorkSource[] sources = new UnitOfWorkSource[0];
  private volatile FindingListener[] findingListeners = new FindingListener[0];
  private volatile Diagnosis diagnosis;

  /** A tracker configured by {@code querylens.diagnosis.enabled}, thresholds and call sites. */
  public UnitOfWorkTracker(QueryLensConfig config) {
    this(config, loggerLog, System::nanoTime);
  }

  UnitOfWorkTracker(QueryLensConfig config, FindingAggregator.Log log, LongSupplier nanoClock) {
    this.enabled = config.diagnosisEnabled();
    this.threshold = config.nPlusOneThreshold();
    this.idleGapNanos = config.unitIdleGap().toNanos();
    this.maxFindings = config.maxFindings();
    this.callSites = new CallSites(config.callSiteAppPackages(), config.callSiteSkipPackages());
    this.log = log;
    this.nanoClock = nanoClock;
    this.diagnosis = newDiagnosis();
  }

  private Diagnosis newDiagnosis() {
    return new Diagnosis(
        new FindingAggregator(maxFindings, log, nanoClock), new UnitNames(UnitNames.MAX_NAMES));
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
  public synchronized void addFindingListener(FindingListener listener) {
    FindingListener[] grown = Arrays.copyOf(findingListeners, findingListeners.length + 1);
    grown[grown.length - 1] = listener;
    findingListeners = grown;
  }

  /**
   * One execution, on the application's thread, at its end (the cursor's end for a query).
   *
   * @param batchSize statements in a batch, 0 when not a batch: a batch is never a finding
   * @param parameterHash hash of the bound values (or a plain statement's SQL text)
   * @param transactionId the JDBC transaction, 0 under autocommit
   */
  public void record(
      QueryShape shape,
      long startNanos,
      long executeNanos,
      long fetchNanos,
      long processNanos,
      long rows,
      int batchSize,
      boolean failed,
      long parameterHash,
      long transactionId) {
    if (!enabled) {
      return;
    }
    try {
      ThreadState ts = state();
      long rawTotal = executeNanos + fetchNanos + processNanos;
      // the cursor ends first: only cursors still open after it hold an idle-gap unit together
      long process =
          ts.cursorCount == 0 ? processNanos : endCursor(ts, shape, rawTotal, processNanos);
      resolveUnit(ts, startNanos, transactionId);
      ts.executeNanos += executeNanos;
      ts.fetchNanos += fetchNanos;
      ts.processNanos += process;
      ts.unitExecutions++;
      ts.unitExecuteNanos += executeNanos;
      ts.unitFetchNanos += fetchNanos;
      ts.unitProcessNanos += process;
      if (ts.pendingAcquireNanos != 0) {
        ts.unitAcquireNanos += ts.pendingAcquireNanos;
        ts.pendingAcquireNanos = 0;
      }
      long end = startNanos + rawTotal;
      if (!ts.hasLast || end - ts.lastEndNanos > 0) {
        ts.lastEndNanos = end;
        ts.hasLast = true;
      }
      if (batchSize <= 0 && shape != null) {
        detect(ts, shape, executeNanos + fetchNanos, rows, failed, parameterHash);
        if (ts.parentAwaitingRows != null && rows >= 0 && same(ts.parentAwaitingRows, shape)) {
          ts.parentAwaitingRows = null;
          ts.table.parentEnded(shape, rows);
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
      int n = ts.cursorCount;
      if (n == ThreadState.MAX_CURSORS) {
        System.arraycopy(ts.cursors, 1, ts.cursors, 0, n - 1);
        System.arraycopy(ts.cursorNestedNanos, 1, ts.cursorNestedNanos, 0, n - 1);
        n--;
      }
      ts.cursors[n] = shape;
      ts.cursorNestedNanos[n] = 0;
      ts.cursorCount = n + 1;
      takeCallSiteAhead(ts, shape);
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
      takeCallSiteAhead(state(), shape);
    } catch (Throwable t) {
      Faults.report("unit-of-work.pending", t);
    }
  }

  /**
   * If the execution that just returned will make its shape reach the threshold when it is
   * recorded, takes the call site now: the stack shows where the application executed it, whereas
   * at the cursor's end it may show where the application closed it (or, for a pending outcome, the
   * statement's next execution).
   */
  private void takeCallSiteAhead(ThreadState ts, QueryShape shape) {
    if (ts.table.size() == 0) {
      return;
    }
    ShapeTable.Entry e = ts.table.find(shape);
    if (e == null || e.state != ShapeTable.COUNTING || e.count != threshold - 1) {
      return;
    }
    if (!ShapeKinds.judged(e.shape, e.kind)) {
      e.state = ShapeTable.IGNORED;
    } else if (e.callSite == null) {
      e.callSite = callSites.find();
    }
  }

  /** Time inside {@code getConnection} on this thread: it belongs to the current or next unit. */
  public void acquired(long nanos) {
    if (!enabled) {
      return;
    }
    try {
      ThreadState ts = state();
      ts.acquireNanos += nanos;
      if (ts.scopeDepth > 0) {
        ts.unitAcquireNanos += nanos;
      } else {
        ts.pendingAcquireNanos += nanos;
      }
    } catch (Throwable t) {
      Faults.report("unit-of-work.acquired", t);
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
      ThreadState ts = states.get();
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

  /** Totals over every execution so far, open units included. */
  public TimeSplit time() {
    if (!enabled) {
      return TimeSplit.EMPTY;
    }
    try {
      long[] t = diagnosis.totals();
      return new TimeSplit(t[0], t[1], t[2], t[3], t[4]);
    } catch (Throwable t) {
      Faults.report("unit-of-work.time", t);
      return TimeSplit.EMPTY;
    }
  }

  /** Every aggregated finding, most wasted time first. */
  public List<Finding> findings() {
    if (!enabled) {
      return List.of();
    }
    try {
      Diagnosis d = diagnosis;
      d.totals(); // folds away dead threads, settling their open units
      return d.findings.snapshot();
    } catch (Throwable t) {
      Faults.report("unit-of-work.findings", t);
      return List.of();
    }
  }

  /** Distinct findings not kept because {@code querylens.max-findings} was reached (estimated). */
  public long droppedFindings() {
    return enabled ? diagnosis.findings.dropped() : 0;
  }

  /**
   * Units of work per name, the one with the slowest single unit first; at most 200 names plus
   * {@code (other units)}. Units still open are included as they stand.
   */
  public List<UnitSnapshot> units() {
    if (!enabled) {
      return List.of();
    }
    try {
      Diagnosis d = diagnosis;
      d.totals(); // folds away dead threads, ending their open units
      Map<String, UnitSnapshot> byName = new HashMap<>();
      for (UnitNames.Stats s : d.names.all()) {
        if (s.units.get() > 0) { // a name a unit had only until it was renamed as it ended
          byName.put(s.name, s.snapshot());
        }
      }
      UnitNames.Stats other = d.names.other();
      if (other.units.get() > 0) {
        byName.put(other.name, other.snapshot());
      }
      // ended units first, then open ones: a unit ending in between is missed, never doubled
      for (ThreadState ts : d.threads) {
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
    TimeSplit open =
        new TimeSplit(
            ts.unitExecuteNanos,
            ts.unitFetchNanos,
            ts.unitProcessNanos,
            ts.unitAcquireNanos,
            ts.unitWastedNanos);
    long executions = ts.unitExecutions;
    long findings = ts.unitFindings;
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
                t.poolAcquireNanos() + open.poolAcquireNanos(),
                t.wastedRoundTripNanos() + open.wastedRoundTripNanos()),
            open.totalNanos() > s.slowest().totalNanos() ? open : s.slowest(),
            s.findings() + findings));
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
    ThreadState ts = states.get();
    return ts == null ? 0 : ts.table.size();
  }

  private ThreadState state() {
    ThreadState ts = states.get();
    Diagnosis d = diagnosis;
    if (ts == null || ts.diagnosis != d) {
      ts = new ThreadState(d, Thread.currentThread());
      states.set(ts);
      d.register(ts);
    }
    return ts;
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
        && (ts.cursorCount > 0 || startNanos - ts.lastEndNanos <= idleGapNanos)) {
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

  /**
   * Ends the innermost open cursor of {@code shape}, if there is one, and returns this execution's
   * process time without the executions nested inside its cursor (they are counted on their own).
   * This execution's whole time is nested inside the cursor still open around it, if any.
   */
  private static long endCursor(ThreadState ts, QueryShape shape, long rawTotal, long process) {
    int n = ts.cursorCount;
    QueryShape[] cursors = ts.cursors;
    long[] nested = ts.cursorNestedNanos;
    long adjusted = process;
    for (int i = n - 1; i >= 0; i--) {
      if (same(cursors[i], shape)) {
        adjusted = Math.max(0, process - nested[i]);
        System.arraycopy(cursors, i + 1, cursors, i, n - 1 - i);
        System.arraycopy(nested, i + 1, nested, i, n - 1 - i);
        cursors[--n] = null;
        ts.cursorCount = n;
        break;
      }
    }
    if (n > 0) {
      nested[n - 1] += rawTotal;
    }
    return adjusted;
  }

  private static boolean same(QueryShape a, QueryShape b) {
    return a == b || (a != null && b != null && a.fingerprint() == b.fingerprint() && a.equals(b));
  }

  /** Counts the execution in its unit's shape table and raises or feeds a finding. */
  private void detect(
      ThreadState ts, QueryShape shape, long dbNanos, long rows, boolean failed, long paramHash) {
    ShapeTable.Entry e = ts.table.find(shape);
    if (e == null) {
      e = newEntry(ts, shape, paramHash);
    }
    e.count++;
    e.lastUse = ++ts.unitUse;
    e.dbNanos += dbNanos;
    e.lastRows = rows;
    if (paramHash == e.firstHash) {
      e.firstHashCount++;
    }
    if (e.state == ShapeTable.FLAGGED) {
      repeated(ts, e);
    } else if (e.state == ShapeTable.COUNTING && e.count >= threshold) {
      reached(ts, e);
    }
    if (e.kind == ShapeKinds.READ && !failed) {
      ts.lastRead = shape;
      ts.lastReadRows = rows;
    }
  }

  private ShapeTable.Entry newEntry(ThreadState ts, QueryShape shape, long paramHash) {
    ShapeTable.Entry e = ts.table.insert(shape);
    if (e == null) {
      ts.table.evictOldestHalf(ts);
      e = ts.table.insert(shape);
    }
    String op = shape.operation();
    e.kind = op == null ? ShapeKinds.OTHER : ShapeKinds.of(op);
    e.state = ShapeTable.COUNTING;
    e.count = 0;
    e.firstHash = paramHash;
    e.firstHashCount = 0;
    e.dbNanos = 0;
    e.lastRows = -1;
    e.wastedNanos = 0;
    QueryShape open = null;
    for (int i = ts.cursorCount - 1; i >= 0; i--) {
      if (!same(ts.cursors[i], shape)) {
        open = ts.cursors[i];
        break;
      }
    }
    if (open != null) {
      e.parent = open;
      e.parentRows = -1; // still being read: its rows are known when it ends
      ts.parentAwaitingRows = open;
    } else if (ts.lastRead != null && !same(ts.lastRead, shape)) {
      e.parent = ts.lastRead;
      e.parentRows = ts.lastReadRows;
    } else {
      e.parent = null;
      e.parentRows = -1;
    }
    return e;
  }

  /**
   * The shape just reached the threshold in this unit: judge it once. The stack walk and the first
   * log line can take milliseconds; that time is QueryLens's, not the application's, so it is not
   * allowed to open an idle gap that would cut the unit in two.
   */
  private void reached(ThreadState ts, ShapeTable.Entry e) {
    long began = System.nanoTime();
    try {
      judge(ts, e);
    } finally {
      ts.lastEndNanos += System.nanoTime() - began;
    }
  }

  private void judge(ThreadState ts, ShapeTable.Entry e) {
    // a call site taken ahead (takeCallSiteAhead) means the shape was already found judged
    if (e.callSite == null && !ShapeKinds.judged(e.shape, e.kind)) {
      e.state = ShapeTable.IGNORED;
      e.callSite = null;
      return;
    }
    FindingKind kind;
    if (e.firstHashCount >= e.count) {
      kind = FindingKind.DUPLICATE;
    } else if (e.kind == ShapeKinds.READ) {
      kind = FindingKind.N_PLUS_ONE;
    } else {
      kind = FindingKind.CHATTY_WRITES;
    }
    String site = e.callSite != null ? e.callSite : callSites.find();
    e.callSite = null;
    long wasted = wasted(e.dbNanos, e.count);
    e.wastedNanos = wasted;
    ts.wastedNanos += wasted;
    ts.unitWastedNanos += wasted;
    ts.unitFindings++;
    e.state = ShapeTable.FLAGGED;
    e.finding =
        ts.diagnosis.findings.raise(
            kind,
            e.shape,
            site,
            e.count,
            wasted,
            e.parent,
            ts.parentRows(e),
            ts.unitName,
            findingListeners,
            ts.unitKind == ThreadState.SOURCE ? ts.unitIdentity : null);
  }

  /** One more repetition of a flagged shape: its waste grows, and so does its finding. */
  private static void repeated(ThreadState ts, ShapeTable.Entry e) {
    long wasted = wasted(e.dbNanos, e.count);
    long delta = wasted - e.wastedNanos;
    e.wastedNanos = wasted;
    ts.wastedNanos += delta;
    ts.unitWastedNanos += delta;
    if (e.finding != null) {
      e.finding.repeated(e.count, delta);
    }
  }

  /**
   * Database time of {@code count} repetitions beyond one average round trip: {@code dbNanos *
   * (count - 1) / count}.
   */
  static long wasted(long dbNanos, long count) {
    return count <= 1 ? 0 : dbNanos - dbNanos / count;
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
