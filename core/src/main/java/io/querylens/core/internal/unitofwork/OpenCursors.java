package io.querylens.core.internal.unitofwork;

import io.querylens.core.QueryShape;

/**
 * The cursors open on one thread, innermost last, each with the time of the executions nested
 * inside it and the thread's position ({@link ThreadState#unitUse}) when it opened. Owned by its
 * thread; no locks, no allocation. Deeper nesting than {@value #MAX_CURSORS} forgets the outermost.
 *
 * <p>It serves three things: a unit is not cut by the idle gap while a cursor is open, a cursor's
 * process time leaves out the executions run while it was open, which are counted on their own, and
 * a shape first executed inside a cursor learns which cursor encloses it ({@link ParentChoice}).
 */
final class OpenCursors {
  /** Open cursors remembered per thread. */
  static final int MAX_CURSORS = 8;

  private final QueryShape[] shapes = new QueryShape[MAX_CURSORS];
  private final long[] nestedNanos = new long[MAX_CURSORS];
  private final long[] openedAt = new long[MAX_CURSORS];
  private int count;

  /** How many cursors are open. */
  int count() {
    return count;
  }

  /**
   * A cursor of {@code shape} opened when the thread's latest recorded execution was at {@code
   * position}.
   */
  void opened(QueryShape shape, long position) {
    int n = count;
    if (n == MAX_CURSORS) {
      System.arraycopy(shapes, 1, shapes, 0, n - 1);
      System.arraycopy(nestedNanos, 1, nestedNanos, 0, n - 1);
      System.arraycopy(openedAt, 1, openedAt, 0, n - 1);
      n--;
    }
    shapes[n] = shape;
    nestedNanos[n] = 0;
    openedAt[n] = position;
    count = n + 1;
  }

  /**
   * An execution of {@code shape} ended, taking {@code totalNanos} (execute + fetch + process):
   * ends the innermost open cursor of {@code shape}, if there is one, and returns {@code
   * processNanos} without the executions nested inside that cursor. The execution's whole time is
   * nested inside the cursor still open around it, if any.
   */
  long ended(QueryShape shape, long totalNanos, long processNanos) {
    int n = count;
    long adjusted = processNanos;
    for (int i = n - 1; i >= 0; i--) {
      if (ShapeTable.same(shapes[i], shape)) {
        adjusted = Math.max(0, processNanos - nestedNanos[i]);
        System.arraycopy(shapes, i + 1, shapes, i, n - 1 - i);
        System.arraycopy(nestedNanos, i + 1, nestedNanos, i, n - 1 - i);
        System.arraycopy(openedAt, i + 1, openedAt, i, n - 1 - i);
        shapes[--n] = null;
        count = n;
        break;
      }
    }
    if (n > 0) {
      nestedNanos[n - 1] += totalNanos;
    }
    return adjusted;
  }

  /** The index of the innermost open cursor of a shape other than {@code shape}, or -1. */
  int innermostOtherThan(QueryShape shape) {
    for (int i = count - 1; i >= 0; i--) {
      if (!ShapeTable.same(shapes[i], shape)) {
        return i;
      }
    }
    return -1;
  }

  /** The shape of the open cursor at {@code index}. */
  QueryShape shape(int index) {
    return shapes[index];
  }

  /** The position at which the open cursor at {@code index} opened. */
  long openedAt(int index) {
    return openedAt[index];
  }
}
