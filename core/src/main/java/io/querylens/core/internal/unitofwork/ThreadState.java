package io.querylens.core.internal.unitofwork;

import io.querylens.core.QueryShape;
import io.querylens.core.UnitOfWorkSource;
import io.querylens.core.intercept.Faults;
import java.lang.ref.WeakReference;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Everything the tracker keeps for one thread: its running totals, its current unit of work with
 * that unit's totals and shapes, and its open cursors. Written only by its thread (plain fields, no
 * locks); readers on other threads read the totals and the open unit without synchronisation, which
 * may show them a moment stale. Once the thread has died, a reader folds the state away ({@link
 * Diagnosis#sweep()}): the thread's termination orders its last writes before that.
 */
final class ThreadState implements ShapeTable.Leaving {
  static final byte NONE = 0;
  static final byte SCOPE = 1;
  static final byte SOURCE = 2;
  static final byte TRANSACTION = 3;
  static final byte IDLE = 4;

  /** Name of a unit whose scope or source gave none. */
  static final String UNNAMED = "(unnamed)";

  private static final AtomicLong unitIds = new AtomicLong();

  final Diagnosis diagnosis;
  final WeakReference<Thread> thread;
  final ShapeTable table = new ShapeTable();

  /** Totals over every execution of this thread (read racily by readers). */
  final Totals totals = new Totals();

  /** The current unit's totals (read racily by readers while the unit is open). */
  final Totals unit = new Totals();

  /** Totals of this thread's ended start-up units, a part of {@link #totals}. */
  final Totals startup = new Totals();

  // the current unit
  byte unitKind = NONE;
  String unitName;
  UnitNames.Stats unitStats;
  Object unitIdentity;
  UnitOfWorkSource unitSource;
  // where the unit's name comes from: its source, or a later one when its own has no name
  Object unitNamerIdentity;
  UnitOfWorkSource unitNamer;
  long unitTransaction;
  long unitSeq;

  /**
   * Executions counted on this thread, never reset: the position of the latest one, which orders
   * the shapes of a unit and the cursors opened among them.
   */
  long unitUse;

  /** The current unit's identity for the findings it names parents in, 0 until asked for. */
  private long unitId;

  int scopeDepth;

  /** Whether the current unit is in the start-up phase: its sums go to the start-up figures. */
  boolean unitStartup;

  /**
   * Whether a walk on this thread has shown a stack without start-up: from then on its shapes are
   * no longer walked for their phase (only a finding's call-site walk still tells it).
   */
  boolean ready;

  /**
   * Set before an ended unit is added to its name's sums, cleared when the next one starts. A plain
   * field: the atomic adds that follow the write publish it to any reader that sees them, and a
   * reader that sees it stale misses an open unit in one snapshot, never counts one twice.
   */
  boolean unitPublished = true;

  /** When the latest execution ended ({@link System#nanoTime()}), if there was one. */
  long lastEndNanos;

  boolean hasLast;

  /**
   * The entry most recently first executed inside another shape's open cursor in this unit, or
   * null: when an execution of that cursor's shape ends, its parent's rows are brought up to date
   * ({@link ParentChoice#cursorEnded}).
   */
  ShapeTable.Entry awaitingCursorEnd;

  final OpenCursors cursors = new OpenCursors();

  /** While a renamed unit ends: the name it had until then. */
  private String renamedFrom;

  private String rawThreadName;
  private String threadUnitName;
  private String statsName;

  ThreadState(Diagnosis diagnosis, Thread thread) {
    this.diagnosis = diagnosis;
    this.thread = new WeakReference<>(thread);
  }

  /** Whether the owning thread has ended. */
  boolean dead() {
    Thread t = thread.get();
    return t == null || !t.isAlive();
  }

  /** This thread's name with each run of digits folded to {@code #}: {@code pool-#-thread-#}. */
  String threadUnitName() {
    String raw = Thread.currentThread().getName();
    if (raw != rawThreadName) {
      threadUnitName = foldDigits(raw);
      rawThreadName = raw;
    }
    return threadUnitName;
  }

  static String foldDigits(String name) {
    int first = 0;
    while (first < name.length() && !isDigit(name.charAt(first))) {
      first++;
    }
    if (first == name.length()) {
      return name;
    }
    StringBuilder sb = new StringBuilder(name.length()).append(name, 0, first);
    boolean inDigits = false;
    for (int i = first; i < name.length(); i++) {
      char c = name.charAt(i);
      if (!isDigit(c)) {
        sb.append(c);
        inDigits = false;
      } else if (!inDigits) {
        sb.append('#');
        inDigits = true;
      }
    }
    return sb.toString();
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  /** Starts a unit; the previous one must have ended. */
  void startUnit(byte kind, String name) {
    String n = name == null ? UNNAMED : name;
    if (!n.equals(statsName)) {
      unitStats = diagnosis.names.of(n);
      statsName = n;
    }
    unitKind = kind;
    unitName = n;
    unitSeq++;
    unitId = 0;
    unitIdentity = null;
    unitSource = null;
    unitNamerIdentity = null;
    unitNamer = null;
    unitTransaction = 0;
    unitStartup = false;
    unit.clear();
    awaitingCursorEnd = null;
    unitPublished = false;
  }

  /**
   * Ends the current unit, if any: settles its findings and adds it to its name's sums (the
   * start-up ones' for a start-up unit, and to this thread's start-up totals). A source's unit is
   * named again first ({@link #renameFromSource()}).
   */
  void endUnit() {
    if (unitKind == NONE) {
      return;
    }
    if (unitKind == SOURCE) {
      renameFromSource();
    }
    unitPublished = true;
    table.clear(this);
    renamedFrom = null;
    if (unitStartup) {
      diagnosis.startupNames.of(unitName).add(unit);
      startup.add(unit);
    } else {
      unitStats.add(unit);
    }
    unitKind = NONE;
    unitIdentity = null;
    unitSource = null;
    unitNamerIdentity = null;
    unitNamer = null;
    awaitingCursorEnd = null;
  }

  /**
   * Asks the source that named the unit for its name again as the unit ends: a source's name can
   * become known only after its first execution (an inbound request's route template is set when
   * the framework dispatches it, which may be after a filter has queried). If the name changed, the
   * unit is summed under the new one and the findings it raised under the old one are renamed.
   */
  private void renameFromSource() {
    UnitOfWorkSource s = unitNamer;
    Object id = unitNamerIdentity;
    if (s == null || id == null) {
      return;
    }
    String n;
    try {
      n = s.unitName(id);
    } catch (Throwable t) {
      Faults.report("unit-of-work.source", t);
      return;
    }
    if (n == null || n.equals(unitName)) {
      return;
    }
    renamedFrom = unitName;
    unitName = n;
    unitStats = diagnosis.names.of(n);
    statsName = n;
  }

  /**
   * A flagged entry leaves the table: its parent is chosen for its final count, and its aggregated
   * findings learn their final counts and parents.
   */
  @Override
  public void leaving(ShapeTable.Entry e) {
    long now = System.currentTimeMillis();
    if (e.parentChosen) {
      ParentChoice.choose(this, e);
    }
    for (int i = 0; i < e.raisedCount; i++) {
      ShapeTable.Raised r = e.raised[i];
      if (r.finding != null) {
        if (renamedFrom != null) {
          r.finding.renamed(renamedFrom, unitName);
        }
        QueryShape parent = r.parentFollowsChoice ? e.parent : r.parent;
        r.finding.settled(unitName, now);
        r.finding.parentNamed(parent, ParentChoice.rows(this, e, parent), r.count, unitId());
      }
    }
  }

  /** The current unit's identity, unique in the JVM, taken when first asked for. */
  long unitId() {
    if (unitId == 0) {
      unitId = unitIds.incrementAndGet();
    }
    return unitId;
  }
}
