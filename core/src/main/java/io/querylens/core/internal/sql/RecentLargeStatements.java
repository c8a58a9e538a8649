package io.querylens.core.internal.sql;

import io.querylens.core.QueryShape;
import io.querylens.core.SqlDialect;
import java.lang.ref.WeakReference;

/**
 * The shapes of the last few statements too long for {@link ShapeCache}, keyed by the statement's
 * text held weakly: an application that runs one very large statement again (a long IN list, a bulk
 * insert) does not pay for its normalisation each time, and QueryLens never keeps the text alive.
 * Internal API: not for use outside QueryLens.
 *
 * <p>A lookup compares lengths first, then the text (identity, then {@link String#equals}, which
 * stops at the first difference), so a statement seen once costs a few comparisons. Slots are
 * immutable and replaced round-robin with plain stores: a racing reader sees an old slot or a new
 * one, never a torn one, and at worst normalises again.
 */
final class RecentLargeStatements {
  private static final int SLOTS = 4;

  private final Slot[] slots = new Slot[SLOTS];
  private int next;

  /** The shape remembered for {@code sql} in {@code dialect}, or null. */
  QueryShape find(SqlDialect dialect, String sql) {
    int length = sql.length();
    for (Slot slot : slots) {
      if (slot != null && slot.length == length && slot.dialect == dialect) {
        String seen = slot.sql.get();
        if (seen == sql || sql.equals(seen)) {
          return slot.shape;
        }
      }
    }
    return null;
  }

  /** Remembers {@code shape} for {@code sql}, replacing the oldest slot. */
  void remember(SqlDialect dialect, String sql, QueryShape shape) {
    int i = next;
    slots[i] = new Slot(dialect, sql, shape);
    next = i + 1 == SLOTS ? 0 : i + 1;
  }

  private static final class Slot {
    final SqlDialect dialect;
    final int length;
    final WeakReference<String> sql;
    final QueryShape shape;

    Slot(SqlDialect dialect, String sql, QueryShape shape) {
      this.dialect = dialect;
      this.length = sql.length();
      this.sql = new WeakReference<>(sql);
      this.shape = shape;
    }
  }
}
