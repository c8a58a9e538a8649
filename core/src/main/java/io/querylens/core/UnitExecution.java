package io.querylens.core;

/**
 * One execution as a {@link Detector} sees it: its measurements, what kind of statement its shape
 * is, the shape's history in the current unit of work so far (this execution included), and the
 * means to raise a finding. Valid only during {@link Detector#onExecution}: QueryLens reuses one
 * object per thread, so a detector must not keep it.
 *
 * <p>Timings are nanoseconds as in {@link Execution}: {@code execute} inside the execute call,
 * {@code fetch} inside {@code ResultSet.next()}, {@code process} the application holding the
 * cursor.
 */
public interface UnitExecution {
  /** The query shape. */
  QueryShape shape();

  /** The database the execution ran on. */
  Database database();

  /** {@link System#nanoTime()} when the execute call began. */
  long startNanos();

  long executeNanos();

  long fetchNanos();

  long processNanos();

  /** Rows read or affected, -1 when unknown. */
  long rows();

  /**
   * Whether the application read the cursor to its end ({@code next()} returned false), so that
   * {@link #rows()} is the whole result; false for an update, a batch, or a cursor closed early.
   */
  boolean readWhole();

  /** Statements in the batch, 0 when not a batch. A batch is one round trip and never counted. */
  int batchSize();

  /** Whether the driver threw. */
  boolean failed();

  /**
   * Hash of the bound values (for a plain Statement, of its SQL text): compared in memory to tell
   * repetitions apart, never stored.
   */
  long parameterHash();

  /** Whether the shape reads rows: SELECT, WITH, VALUES, TABLE. */
  boolean isRead();

  /** Whether the shape changes rows: INSERT, UPDATE, DELETE, MERGE, UPSERT, REPLACE. */
  boolean isWrite();

  /**
   * Whether the shape is the application's data access: a write, or a read of a table. False for
   * reads of no table ({@code SELECT 1}, sequence and clock reads, {@code FROM DUAL}), which are
   * validation or plumbing, and for other statements (CALL, SET, DDL). Worked out once per unit and
   * shape, when first asked.
   */
  boolean isDataAccess();

  /** Name of the unit of work the execution belongs to. */
  String unitName();

  /** Executions of this shape in the unit so far, this one included; batches are not counted. */
  long countInUnit();

  /** Of {@link #countInUnit()}, how many had the parameters of the shape's first execution. */
  long sameParametersInUnit();

  /** Database time (execute + fetch) of the {@link #countInUnit()} executions. */
  long databaseNanosInUnit();

  /**
   * The query whose rows this shape's executions follow in the unit, or null when none fits: the
   * cursor of another shape that was open at the shape's first execution in the unit, or a read
   * completed before it with at least as many rows as the executions so far (a read completed
   * inside that cursor, or one whose rows equal the count, first). Chosen when first asked for and
   * again as the count grows past the chosen read's rows, so it may change within a unit.
   */
  QueryShape parent();

  /**
   * Rows of {@link #parent()} in the unit (summed over its executions there), -1 while unknown (its
   * cursor may still be open).
   */
  long parentRows();

  /** Whether a finding of {@code kind} was raised about this shape in this unit already. */
  boolean raised(FindingKind kind);

  /**
   * The first application frame of this execution, e.g. {@code
   * com.example.OrderService.list(OrderService.java:42)}: found with one stack walk when first
   * asked (or taken as the execute call returned, see {@link Detector#minimumCount()}), so ask only
   * when about to raise. {@link #raise} finds it by itself.
   */
  String callSite();

  /**
   * Raises this unit's finding of {@code kind} about this shape, or, when it was raised already,
   * brings it up to date: it now covers the shape's {@link #countInUnit()} executions and {@code
   * wastedNanos} of avoidable database time in this unit (the unit's total, not an increment). The
   * first raise in a unit finds the call site, adds the finding to the aggregated ones (counted in
   * {@code occurrences}), tells the finding listeners and, for a finding new to the JVM, logs it.
   *
   * @param kind the kind, with its label and hint
   * @param wastedNanos this unit's avoidable database time so far, 0 when the finding is not about
   *     round trips; part of the database time, never more than the shape's
   * @param parent the query the executions follow, or null to name none; when it is {@link
   *     #parent()}, the finding follows that choice as it changes in the unit
   * @param explanation what the detector saw, as a phrase without a final full stop, or null
   */
  void raise(FindingKind kind, long wastedNanos, QueryShape parent, String explanation);
}
