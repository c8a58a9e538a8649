package io.querylens.core.internal.unitofwork;

import io.querylens.core.Database;
import io.querylens.core.FindingKind;
import io.querylens.core.QueryShape;
import io.querylens.core.UnitExecution;

/**
 * One thread's execution on its way through the recording: the recording writes an execution's
 * measurements into it by name, the tracker reads them, and the detectors see it as their {@link
 * UnitExecution}. One per thread and tracker, reused for every execution, so that no object is made
 * per execution ({@link UnitOfWorkTracker#execution()}). Internal: public only for the recording.
 *
 * <p>Fields are plain and written by the owning thread only. {@link UnitOfWorkTracker#execution()}
 * resets those an execution may lack ({@link #reset()}); the recording writes the rest for every
 * execution. A detector sees the shape's entry in the unit through it while it runs ({@link
 * #entry}).
 */
public final class ExecutionView implements UnitExecution {
  /** Whether it is delivered inside its execute call (see {@code Execution#insideExecute()}). */
  public boolean insideExecute;

  public Database database;
  public QueryShape shape;

  /** {@link System#nanoTime()} when the execute call began. */
  public long startNanos;

  public long executeNanos;
  public long fetchNanos;
  public long processNanos;

  /** Rows read or affected, -1 when unknown. */
  public long rows;

  /** Whether the cursor was read to its end ({@code next()} returned false). */
  public boolean readWhole;

  /** Statements in the batch, 0 when not a batch. */
  public int batchSize;

  /** What the driver threw, or null. */
  public Throwable error;

  public long parameterHash;

  /** The JDBC transaction, 0 under autocommit. */
  public long transactionId;

  private final Detection detection;

  /** The thread's state in the tracker's current diagnosis, once the tracker has used it. */
  ThreadState state;

  /** The shape's entry in the unit while detectors run; null for a batch of an untracked shape. */
  ShapeTable.Entry entry;

  /** This execution's call site, once taken (ahead, or when first asked); else null. */
  CallSite site;

  /** Between {@link UnitOfWorkTracker#execution()} and the end of the recording's delivery. */
  boolean busy;

  ExecutionView(Detection detection) {
    this.detection = detection;
  }

  /**
   * Resets what not every execution has to an execution with no cursor, batch or error, rows
   * unknown. What every execution has ({@code database}, {@code shape}, {@code startNanos}, {@code
   * executeNanos}, {@code parameterHash}, {@code transactionId}) the recording always writes.
   */
  void reset() {
    insideExecute = false;
    fetchNanos = 0;
    processNanos = 0;
    rows = -1;
    readWhole = false;
    batchSize = 0;
    error = null;
  }

  /** The recording is done with it: the thread's next execution may use it again. */
  public void release() {
    busy = false;
    entry = null;
    site = null;
  }

  @Override
  public QueryShape shape() {
    return shape;
  }

  @Override
  public Database database() {
    return database;
  }

  @Override
  public long startNanos() {
    return startNanos;
  }

  @Override
  public long executeNanos() {
    return executeNanos;
  }

  @Override
  public long fetchNanos() {
    return fetchNanos;
  }

  @Override
  public long processNanos() {
    return processNanos;
  }

  @Override
  public long rows() {
    return rows;
  }

  @Override
  public boolean readWhole() {
    return readWhole;
  }

  @Override
  public int batchSize() {
    return batchSize;
  }

  @Override
  public boolean failed() {
    return error != null;
  }

  @Override
  public long parameterHash() {
    return parameterHash;
  }

  @Override
  public boolean isRead() {
    return statementKind() == ShapeKinds.READ;
  }

  @Override
  public boolean isWrite() {
    return statementKind() == ShapeKinds.WRITE;
  }

  private byte statementKind() {
    ShapeTable.Entry e = entry;
    return e != null ? e.kind : Detection.statementKind(shape);
  }

  @Override
  public boolean isDataAccess() {
    ShapeTable.Entry e = entry;
    return e != null
        ? Detection.dataAccess(e)
        : ShapeKinds.judged(shape, Detection.statementKind(shape));
  }

  @Override
  public String unitName() {
    ThreadState ts = state;
    return ts == null ? null : ts.unitName;
  }

  @Override
  public long countInUnit() {
    ShapeTable.Entry e = entry;
    return e == null ? 0 : e.count;
  }

  @Override
  public long sameParametersInUnit() {
    ShapeTable.Entry e = entry;
    return e == null ? 0 : e.firstHashCount;
  }

  @Override
  public long databaseNanosInUnit() {
    ShapeTable.Entry e = entry;
    return e == null ? 0 : e.dbNanos;
  }

  @Override
  public QueryShape parent() {
    ShapeTable.Entry e = entry;
    ThreadState ts = state;
    return e == null || ts == null ? null : ParentChoice.parent(ts, e);
  }

  @Override
  public long parentRows() {
    ShapeTable.Entry e = entry;
    ThreadState ts = state;
    return e == null || ts == null ? -1 : ParentChoice.rows(ts, e, ParentChoice.parent(ts, e));
  }

  @Override
  public boolean raised(FindingKind kind) {
    ShapeTable.Entry e = entry;
    return e != null && e.raisedCount > 0 && e.raised(kind) != null;
  }

  @Override
  public String callSite() {
    if (site == null) {
      site = detection.callSite(this);
    }
    return site.text();
  }

  @Override
  public void raise(FindingKind kind, long wastedNanos, QueryShape parent, String explanation) {
    detection.raise(this, kind, wastedNanos, parent, explanation);
  }

  @Override
  public String toString() {
    return "ExecutionView{" + shape + ", rows=" + rows + ", batch=" + batchSize + '}';
  }
}
