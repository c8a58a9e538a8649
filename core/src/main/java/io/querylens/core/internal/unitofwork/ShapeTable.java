package io.querylens.core.internal.unitofwork;

import io.querylens.core.FindingKind;
import io.querylens.core.QueryShape;
import java.util.Arrays;

/**
 * The shapes one unit of work has executed, with what the detectors need of each: an
 * open-addressing table (linear probing) keyed by the shape, owned by one thread, no locks.
 *
 * <p>Built for one access pattern: a probe on every execution, an insert per new shape in a unit, a
 * clear per unit. It starts at {@value #MIN_CAPACITY} slots and doubles up to {@value
 * #MAX_CAPACITY}, always at most half full, so a unit tracks at most {@value #MAX_SHAPES} shapes.
 * {@link Entry} objects are recycled through a free list, so a thread that has seen its largest
 * unit allocates nothing more. When a unit (a long batch job, say) brings a new shape into a full
 * table, the half of the entries used least recently is evicted ({@link #evictOldestHalf}); so the
 * state stays bounded and an N+1 starting late in a never-ending unit is still seen.
 */
final class ShapeTable {
  static final int MIN_CAPACITY = 16;
  static final int MAX_CAPACITY = 128;

  /** Most shapes tracked at once in one unit. */
  static final int MAX_SHAPES = MAX_CAPACITY / 2;

  /** Detection state of an entry: nothing raised about it in this unit yet. */
  static final byte COUNTING = 0;

  /** A detector raised a finding about it in this unit; the finding is settled when it leaves. */
  static final byte FLAGGED = 1;

  /** Whether an entry's shape is data access ({@link ShapeKinds#judged}): not worked out yet. */
  static final byte DATA_ACCESS_UNKNOWN = 0;

  static final byte DATA_ACCESS_YES = 1;
  static final byte DATA_ACCESS_NO = 2;

  /** One shape in the current unit. Fields are plain: only the owning thread touches them. */
  static final class Entry {
    QueryShape shape;
    long fingerprint;

    /** ShapeKinds.READ / WRITE / OTHER. */
    byte kind;

    /** DATA_ACCESS_UNKNOWN until first asked, then DATA_ACCESS_YES or DATA_ACCESS_NO. */
    byte dataAccess;

    /** COUNTING or FLAGGED. */
    byte state;

    /** Executions in this unit (batches excluded). */
    long count;

    /** Parameter hash of the first execution, and how many executions had it. */
    long firstHash;

    long firstHashCount;

    /** execute + fetch of these executions. */
    long dbNanos;

    /** Rows of its executions in this unit, summed over those whose rows are known. */
    long rowsInUnit;

    /**
     * The thread's position ({@link ThreadState#unitUse}) at its latest execution, for eviction.
     */
    long lastUse;

    /** The thread's position at its first execution in this unit. */
    long firstUse;

    /**
     * The innermost cursor of another shape that was open at its first execution in this unit, or
     * null; with the position at which that cursor opened.
     */
    QueryShape cursor;

    long cursorOpenedAt;

    /** Whether {@link ParentChoice} has chosen its parent (chosen when first asked). */
    boolean parentChosen;

    /** The query whose rows its executions follow ({@link ParentChoice}), or null. */
    QueryShape parent;

    /** Rows of {@link #parent} in this unit when it was chosen, -1 when unknown. */
    long parentRows;

    /** The count at which the parent is chosen again; {@link Long#MAX_VALUE} for never. */
    long parentRecheckAt;

    /**
     * Call site taken ahead, when the cursor (or pending execute) of the execution that will reach
     * a detector's minimum count opened; given to that execution when it is recorded. Or null.
     */
    CallSite callSiteAhead;

    /** The findings raised about this shape in this unit, one per kind; recycled with the entry. */
    Raised[] raised;

    int raisedCount;

    /** The finding of {@code kind} raised about this shape in this unit, or null. */
    Raised raised(FindingKind kind) {
      // small enough to inline: asked by every detector of every execution of a flagged shape
      if (raisedCount == 0) {
        return null;
      }
      Raised first = raised[0];
      return first.kind == kind ? first : raisedOther(kind);
    }

    private Raised raisedOther(FindingKind kind) {
      for (int i = 0; i < raisedCount; i++) {
        Raised r = raised[i];
        if (r.kind == kind || r.kind.equals(kind)) {
          return r;
        }
      }
      return null;
    }

    /** A slot for a finding of {@code kind} raised now (allocates only the first few times). */
    Raised addRaised(FindingKind kind) {
      if (raised == null) {
        raised = new Raised[2];
      } else if (raisedCount == raised.length) {
        raised = Arrays.copyOf(raised, raisedCount * 2);
      }
      Raised r = raised[raisedCount];
      if (r == null) {
        r = raised[raisedCount] = new Raised();
      }
      raisedCount++;
      r.kind = kind;
      state = FLAGGED;
      return r;
    }

    void recycle() {
      shape = null;
      cursor = null;
      parent = null;
      callSiteAhead = null;
      for (int i = 0; i < raisedCount; i++) {
        raised[i].recycle();
      }
      raisedCount = 0;
    }
  }

  /**
   * A finding raised about one shape in one unit: what was published to its aggregated finding so
   * far. Plain fields, owned by the unit's thread.
   */
  static final class Raised {
    FindingKind kind;

    /** The aggregated finding it feeds; null when querylens.max-findings was reached. */
    AggregatedFinding finding;

    /** Executions of the shape the finding covers in this unit, as published. */
    long count;

    /** Wasted time published so far. */
    long wastedNanos;

    /** The parent the detector named, or null. */
    QueryShape parent;

    /**
     * Whether {@link #parent} is the entry's parent as chosen when the finding was raised, and so
     * follows it when {@link ParentChoice} chooses again (as it does for the built-in detectors).
     */
    boolean parentFollowsChoice;

    void recycle() {
      kind = null;
      finding = null;
      parent = null;
    }
  }

  /** Told about flagged entries that leave the table, so their finding can be settled. */
  interface Leaving {
    void leaving(Entry e);
  }

  private Entry[] slots = new Entry[MIN_CAPACITY];
  private Entry[] spare;
  private Entry[] free = new Entry[MIN_CAPACITY / 2];
  private int freeCount;
  private int size;
  private long[] scratch;

  /** Live entries. */
  int size() {
    return size;
  }

  /** Current slot count. */
  int capacity() {
    return slots.length;
  }

  /** The entry of {@code shape}, or null. */
  Entry find(QueryShape shape) {
    Entry[] s = slots;
    int mask = s.length - 1;
    long fp = shape.fingerprint();
    for (int i = index(fp, mask); ; i = (i + 1) & mask) {
      Entry e = s[i];
      if (e == null) {
        return null;
      }
      if (e.shape == shape || (e.fingerprint == fp && e.shape.equals(shape))) {
        return e;
      }
    }
  }

  /**
   * A fresh entry for {@code shape}, which must not be in the table, with only shape and
   * fingerprint set; null when the table is full (evict, then call again).
   */
  Entry insert(QueryShape shape) {
    if (size + 1 > slots.length / 2) {
      if (slots.length >= MAX_CAPACITY) {
        return null;
      }
      grow();
    }
    Entry e = freeCount > 0 ? free[--freeCount] : new Entry();
    e.shape = shape;
    e.fingerprint = shape.fingerprint();
    place(slots, e);
    size++;
    return e;
  }

  /**
   * Removes the {@code size / 2} entries used least recently (by {@link Entry#lastUse}), first
   * telling {@code leaving} about the flagged ones among them while the table is still whole.
   * Allocation-free after the first call.
   */
  void evictOldestHalf(Leaving leaving) {
    if (scratch == null) {
      scratch = new long[MAX_SHAPES];
      spare = new Entry[slots.length];
    }
    int n = 0;
    for (Entry e : slots) {
      if (e != null) {
        scratch[n++] = e.lastUse;
      }
    }
    Arrays.sort(scratch, 0, n);
    long keepFrom = scratch[n / 2];
    for (Entry e : slots) {
      if (e != null && e.lastUse < keepFrom && e.state == FLAGGED) {
        leaving.leaving(e);
      }
    }
    Entry[] next = spare.length == slots.length ? spare : new Entry[slots.length];
    Arrays.fill(next, null);
    int kept = 0;
    for (Entry e : slots) {
      if (e == null) {
        continue;
      }
      if (e.lastUse >= keepFrom) {
        place(next, e);
        kept++;
      } else {
        release(e);
      }
    }
    spare = slots;
    slots = next;
    size = kept;
  }

  /**
   * Empties the table for the next unit, first telling {@code leaving} about the flagged entries
   * while the table is still whole.
   */
  void clear(Leaving leaving) {
    if (size == 0) {
      return;
    }
    Entry[] s = slots;
    for (Entry e : s) {
      if (e != null && e.state == FLAGGED) {
        leaving.leaving(e);
      }
    }
    for (int i = 0; i < s.length; i++) {
      Entry e = s[i];
      if (e != null) {
        s[i] = null;
        release(e);
      }
    }
    size = 0;
  }

  /** The entry in slot {@code index} (below {@link #capacity()}), or null. */
  Entry slot(int index) {
    return slots[index];
  }

  /** Whether {@code a} and {@code b} are the same shape (either may be null). */
  static boolean same(QueryShape a, QueryShape b) {
    return a == b || (a != null && b != null && a.fingerprint() == b.fingerprint() && a.equals(b));
  }

  private void release(Entry e) {
    e.recycle();
    if (freeCount == free.length) {
      free = Arrays.copyOf(free, free.length * 2);
    }
    free[freeCount++] = e;
  }

  private void grow() {
    Entry[] old = slots;
    Entry[] next = new Entry[old.length * 2];
    for (Entry e : old) {
      if (e != null) {
        place(next, e);
      }
    }
    slots = next;
  }

  private static void place(Entry[] s, Entry e) {
    int mask = s.length - 1;
    int i = index(e.fingerprint, mask);
    while (s[i] != null) {
      i = (i + 1) & mask;
    }
    s[i] = e;
  }

  private static int index(long fingerprint, int mask) {
    long h = fingerprint * 0x9E3779B97F4A7C15L;
    return (int) (h >>> 40) & mask;
  }
}
