package io.querylens.core.internal.stats;

import io.querylens.core.Database;
import io.querylens.core.DistributionSnapshot;
import io.querylens.core.QueryShape;
import io.querylens.core.ShapeSnapshot;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import org.HdrHistogram.Histogram;

/**
 * The statistics of one query shape: execute, fetch and process time, rows, total time and errors.
 * About 15 KB (ShapeRecorderMemoryTest measures it).
 *
 * <p>Atomic adds per execution, all uncontended in the common case, and nothing allocated:
 *
 * <ul>
 *   <li>execute: its bucket; the count of the shape is this distribution's count, and its sum is
 *       derived as total - fetch - process, so neither costs an add of its own;
 *   <li>total time: one add;
 *   <li>fetch and process: bucket + sum each, both skipped when the time is 0 (an update has no
 *       cursor): the zeros are implied by the execute count;
 *   <li>rows: its bucket, plus the sum only from 32 rows up (smaller counts have exact buckets);
 *       nothing when the count is unknown;
 *   <li>errors: one add, only for a failed execution.
 * </ul>
 *
 * <p>So an update costs 3 adds and a point query 7. Fewer is not possible while four distributions
 * keep exact sums: three of the four sums are independent of everything else. Each distribution
 * also keeps its exact min and max at the cost of two opaque reads, compare-and-set only for a new
 * extreme (see DistributionRecorder); a fetch or process min is 0 as soon as one execution had
 * none, through the implied zeros.
 */
final class ShapeRecorder {
  private static final VarHandle TOTAL_NANOS;
  private static final VarHandle ERRORS;

  static {
    try {
      MethodHandles.Lookup lookup = MethodHandles.lookup();
      TOTAL_NANOS = lookup.findVarHandle(ShapeRecorder.class, "totalNanos", long.class);
      ERRORS = lookup.findVarHandle(ShapeRecorder.class, "errors", long.class);
    } catch (ReflectiveOperationException e) {
      throw new ExceptionInInitializerError(e);
    }
  }

  private final QueryShape shape;
  private final Database database;
  private final DistributionRecorder execute = DistributionRecorder.forTimes();
  private final DistributionRecorder fetch = DistributionRecorder.forTimesCountedBy(execute);
  private final DistributionRecorder process = DistributionRecorder.forTimesCountedBy(execute);
  private final DistributionRecorder rows = DistributionRecorder.forRows();

  /** execute + fetch + process over all executions; updated through {@link #TOTAL_NANOS}. */
  private long totalNanos;

  /** Failed executions; updated through {@link #ERRORS}. */
  private long errors;

  ShapeRecorder(QueryShape shape, Database database) {
    this.shape = shape;
    this.database = database == null ? Database.UNKNOWN : database;
  }

  QueryShape shape() {
    return shape;
  }

  Database database() {
    return database;
  }

  /**
   * The execute-time distribution, whose count is the shape's count (exporters read its buckets).
   */
  DistributionRecorder execute() {
    return execute;
  }

  /** Records one execution given as its parts; rows below zero mean unknown. */
  void record(long executeTime, long fetchTime, long processTime, long rowCount, boolean failed) {
    // negative times (a clock step) count as zero, in the buckets and in the sums
    long executeNanos = Math.max(0L, executeTime);
    long fetchNanos = Math.max(0L, fetchTime);
    long processNanos = Math.max(0L, processTime);
    execute.recordCount(executeNanos);
    TOTAL_NANOS.getAndAdd(this, executeNanos + fetchNanos + processNanos);
    if (fetchNanos != 0) {
      fetch.record(fetchNanos);
    }
    if (processNanos != 0) {
      process.record(processNanos);
    }
    if (rowCount >= 0) {
      rows.record(rowCount);
    }
    if (failed) {
      ERRORS.getAndAdd(this, 1L);
    }
  }

  /**
   * The statistics so far; {@code scratch} (from DistributionRecorder.newScratch) is overwritten.
   */
  ShapeSnapshot snapshot(Histogram scratch) {
    DistributionSnapshot f = fetch.snapshot(scratch);
    DistributionSnapshot p = process.snapshot(scratch);
    DistributionSnapshot r = rows.snapshot(scratch);
    // read after the fetch and process sums (acquire reads): a writer adds the total before them,
    // so the total covers every execution they include and the execute sum is not short
    long total = (long) TOTAL_NANOS.getAcquire(this);
    DistributionSnapshot e = execute.snapshot(scratch);
    if (e.count() != 0) {
      long executeSum = Math.max(0L, total - f.sum() - p.sum());
      e = e.withSum(executeSum);
    }
    return new ShapeSnapshot(
        shape, database, e.count(), (long) ERRORS.getOpaque(this), total, e, f, p, r);
  }
}
