package io.querylens.core.internal.detectors;

import io.querylens.core.Detector;
import io.querylens.core.FindingKind;
import io.querylens.core.UnitExecution;

/**
 * A shape repeated in one unit of work: judged once, when it reaches the threshold (exactly at it
 * counts); from then on every repetition adds to the finding at once, so a report taken while the
 * unit runs is exact. Batches are never counted, and shapes that are no data access ({@code SELECT
 * 1}, CALL, DDL) are never judged. The three built-in kinds of repetition ({@link
 * NPlusOneDetector}, {@link DuplicateDetector}, {@link ChattyWritesDetector}) differ only in {@link
 * #matches}, and exactly one of them matches a judged shape, so a shape's kind does not change
 * afterwards.
 *
 * <p><b>Wasted time</b> in one unit is the database time (execute + fetch) of the n repetitions
 * beyond one average round trip: {@code total * (n - 1) / n}.
 */
abstract class RepetitionDetector implements Detector {
  private final FindingKind kind;
  private final long threshold;

  RepetitionDetector(FindingKind kind, int threshold) {
    this.kind = kind;
    this.threshold = threshold;
  }

  /** Whether a shape that just reached the threshold is this detector's kind of repetition. */
  abstract boolean matches(UnitExecution e);

  @Override
  public final long minimumCount() {
    return threshold;
  }

  @Override
  public final void onExecution(UnitExecution e) {
    if (e.batchSize() > 0) {
      return;
    }
    long count = e.countInUnit();
    if (e.raised(kind)
        || (count == threshold && e.isDataAccess() && matches(e))) { // judged once, at threshold
      e.raise(kind, wasted(e.databaseNanosInUnit(), count), e.parent(), null);
    }
  }

  /**
   * Database time of {@code count} repetitions beyond one average round trip: {@code dbNanos *
   * (count - 1) / count}.
   */
  static long wasted(long dbNanos, long count) {
    return count <= 1 ? 0 : dbNanos - dbNanos / count;
  }
}
