package io.querylens.core.internal.unitofwork;

import io.querylens.core.QueryShape;

/**
 * Names the parent query of a shape repeated in a unit of work: the query whose cursor the
 * repetitions iterate, or whose rows drive them (decision 0031).
 *
 * <p>The candidates are the reads of other shapes in the unit's {@link ShapeTable}: the innermost
 * cursor that was open at the shape's first execution in the unit ({@link ShapeTable.Entry#cursor})
 * and the reads that had completed before it. A completed read <em>fits</em> {@code n} repetitions
 * when its rows in the unit (summed over its executions) are at least {@code n} and more than one
 * per execution, and it ran fewer than {@code n} times (one that ran as often is a sibling in the
 * same loop, not its driver). The parent is, in this order:
 *
 * <ol>
 *   <li>a read that completed inside the open cursor and fits (a list read for one of its rows);
 *   <li>the open cursor, unless its ended executions show one row or none each;
 *   <li>a read that completed before and fits;
 *   <li>else none: unknown rather than a guess.
 * </ol>
 *
 * Within 1 and 3 a read whose rows equal {@code n} wins (one repetition per row), else the one
 * whose first execution in the unit completed latest.
 *
 * <p><b>Cost.</b> The choice scans the unit's table (at most {@value ShapeTable#MAX_CAPACITY}
 * slots), and only: when the parent is first asked for (a detector raising at its threshold), again
 * when the count passes the chosen parent's rows ({@link #recheck}, one comparison per execution in
 * {@link Detection#examine}), when the enclosing cursor it was chosen as ends with one row or none
 * per execution ({@link #cursorEnded}), and when the shape leaves the table (the unit's final
 * count). Nothing is allocated.
 */
final class ParentChoice {
  private ParentChoice() {}

  /** The parent of {@code e}'s executions, chosen the first time it is asked for. */
  static QueryShape parent(ThreadState ts, ShapeTable.Entry e) {
    if (!e.parentChosen) {
      choose(ts, e);
    }
    return e.parent;
  }

  /**
   * Rows of {@code parent} in the unit: its entry's rows once one of its executions has ended; as
   * last chosen when it is {@code e}'s parent and has left the table; else -1.
   */
  static long rows(ThreadState ts, ShapeTable.Entry e, QueryShape parent) {
    if (parent == null) {
      return -1;
    }
    ShapeTable.Entry p = ts.table.find(parent);
    if (p != null) {
      return p.count > 0 ? p.rowsInUnit : -1;
    }
    return ShapeTable.same(parent, e.parent) ? e.parentRows : -1;
  }

  /**
   * {@code e}'s count reached {@link ShapeTable.Entry#parentRecheckAt}, or what it was chosen from
   * changed: chooses again and tells the findings that follow the choice.
   */
  static void recheck(ThreadState ts, ShapeTable.Entry e) {
    QueryShape was = e.parent;
    long wasRows = e.parentRows;
    choose(ts, e);
    if (!ShapeTable.same(was, e.parent) || wasRows != e.parentRows) {
      tellFindings(ts, e);
    }
  }

  /**
   * An execution of {@code e}'s enclosing cursor ended ({@code cursor}: that shape's entry, its
   * rows now counted). If that cursor is {@code e}'s parent, its findings learn its rows; should
   * they show one row or none per execution, the parent is chosen again. One table probe at most.
   */
  static void cursorEnded(ThreadState ts, ShapeTable.Entry e, ShapeTable.Entry cursor) {
    if (!e.parentChosen || e.parent == null || !ShapeTable.same(e.parent, cursor.shape)) {
      return; // not asked for yet, or a read inside the cursor: its end changes nothing
    }
    if (cursor.rowsInUnit <= cursor.count) {
      recheck(ts, e);
    } else if (cursor.rowsInUnit != e.parentRows) {
      e.parentRows = cursor.rowsInUnit;
      tellFindings(ts, e);
    }
  }

  /** The findings about {@code e} that follow its parent learn its current choice. */
  private static void tellFindings(ThreadState ts, ShapeTable.Entry e) {
    for (int i = 0; i < e.raisedCount; i++) {
      ShapeTable.Raised r = e.raised[i];
      if (r.parentFollowsChoice) {
        r.parent = e.parent;
        if (r.finding != null) {
          r.finding.parentNamed(e.parent, e.parentRows, e.count, ts.unitId());
        }
      }
    }
  }

  /** Chooses {@code e}'s parent now, for its current count (see the class comment). */
  static void choose(ThreadState ts, ShapeTable.Entry e) {
    ShapeTable table = ts.table;
    if (e.parentChosen && e.parent != null && table.find(e.parent) == null) {
      // the parent left the table (a unit of many shapes): keep it, with its rows then
      e.parentRecheckAt = Long.MAX_VALUE;
      return;
    }
    long n = Math.max(1, e.count);
    QueryShape cursor = e.cursor;
    boolean cursorFits = cursor != null;
    ShapeTable.Entry cursorEntry = null;
    ShapeTable.Entry inside = null;
    ShapeTable.Entry insideEqual = null;
    ShapeTable.Entry before = null;
    ShapeTable.Entry beforeEqual = null;
    for (int i = 0, slots = table.capacity(); i < slots; i++) {
      ShapeTable.Entry c = table.slot(i);
      if (c == null || c == e || c.kind != ShapeKinds.READ || c.count == 0) {
        continue;
      }
      if (cursor != null && ShapeTable.same(c.shape, cursor)) {
        cursorEntry = c;
        cursorFits = c.rowsInUnit > c.count; // its ended executions: more than one row each
        continue;
      }
      if (c.firstUse >= e.firstUse || !fits(c, n)) {
        continue;
      }
      boolean equal = c.rowsInUnit == n;
      if (cursor != null && c.firstUse > e.cursorOpenedAt) {
        inside = nearer(inside, c);
        insideEqual = equal ? nearer(insideEqual, c) : insideEqual;
      } else {
        before = nearer(before, c);
        beforeEqual = equal ? nearer(beforeEqual, c) : beforeEqual;
      }
    }
    ShapeTable.Entry read = insideEqual != null ? insideEqual : inside;
    e.parentChosen = true;
    if (read == null && cursorFits) {
      e.parent = cursor;
      e.parentRows = cursorEntry == null ? -1 : cursorEntry.rowsInUnit;
      e.parentRecheckAt = Long.MAX_VALUE; // the cursor's end, not the count, may change it
      return;
    }
    if (read == null) {
      read = beforeEqual != null ? beforeEqual : before;
    }
    if (read == null) {
      e.parent = null;
      e.parentRows = -1;
      e.parentRecheckAt = Long.MAX_VALUE;
    } else {
      e.parent = read.shape;
      e.parentRows = read.rowsInUnit;
      e.parentRecheckAt = read.rowsInUnit + 1; // once the count passes its rows it does not fit
    }
  }

  /** Whether completed read {@code c} can have driven {@code n} repetitions. */
  private static boolean fits(ShapeTable.Entry c, long n) {
    return c.count < n && c.rowsInUnit >= n && c.rowsInUnit > c.count;
  }

  /** Of {@code best} (or null) and {@code c}, the one first executed later. */
  private static ShapeTable.Entry nearer(ShapeTable.Entry best, ShapeTable.Entry c) {
    return best == null || c.firstUse > best.firstUse ? c : best;
  }
}
