package io.querylens.core.internal.sql;

import io.querylens.core.QueryShape;
import io.querylens.core.SqlDialect;
import java.util.Arrays;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Maps raw SQL text, per {@link SqlDialect}, to its {@link QueryShape}, so each distinct statement
 * is normalised once. Internal API: not for use outside QueryLens.
 *
 * <p>Built for one access pattern: the same few hundred SQL strings asked for millions of times
 * from many threads, plus the occasional flood of one-off strings (SQL with inlined literals).
 *
 * <ul>
 *   <li><b>Hit</b>: one {@link ConcurrentHashMap#get} (lock-free; String caches its hash code and
 *       {@code equals} starts with an identity check, so the driver's interned SQL costs no
 *       character comparison) and, at most once per eviction sweep, a plain store of the entry's
 *       referenced bit. No allocation, no lock.
 *   <li><b>Miss</b>: the SQL is normalised outside any lock, then inserted under a short {@link
 *       ReentrantLock#tryLock() tryLock}; a thread that finds the lock busy returns its shape
 *       without caching it, so no caller ever waits for another. SQL longer than {@code
 *       maxSqlLength} is never cached, but its shape is still returned; the last few such
 *       statements are remembered by {@link RecentLargeStatements}, which holds their text weakly.
 *   <li><b>Bounds</b>: at most {@code maxEntries} entries and {@code maxTotalChars} characters,
 *       counting every cached SQL key plus every distinct shape text once. When an insert would
 *       exceed either, a CLOCK (second-chance) hand evicts entries not hit since it last passed
 *       them, so hot statements survive a flood of one-off ones.
 *   <li><b>Sharing</b>: SQL strings with equal shape texts share one {@link QueryShape} instance
 *       (reference-counted while cached); an uncached result is also the shared instance when one
 *       exists.
 * </ul>
 */
public final class ShapeCache {
  /**
   * A total-character bound for callers without their own: 4 Mi characters, at most 8 MB of strings
   * (4 MB when they are Latin-1).
   */
  public static final long DEFAULT_MAX_TOTAL_CHARS = 4L * 1024 * 1024;

  private static final QueryShape EMPTY = SqlNormalizer.shape("", SqlDialect.OTHER);
  private static final int INITIAL_SLOTS = 1024;

  private final int maxEntries;
  private final int maxSqlLength;
  private final long maxTotalChars;

  /** Per dialect (by ordinal): the same SQL text can mean different shapes in two dialects. */
  private final ConcurrentHashMap<String, Entry>[] entries;

  /** Shape text to the shared shape; written only under {@link #lock}, read anywhere. */
  private final ConcurrentHashMap<String, Shared> shapes = new ConcurrentHashMap<>();

  /** Statements longer than maxSqlLength: their last few shapes, the text held weakly. */
  private final RecentLargeStatements largeStatements = new RecentLargeStatements();

  private final ReentrantLock lock = new ReentrantLock();
  // guarded by lock: the CLOCK ring and its free slots
  private Entry[] ring;
  private int[] freeSlots;
  private int freeCount;
  private int nextUnusedSlot;
  private int hand;
  // written under lock, readable anywhere
  private volatile int size;
  private volatile long totalChars;

  /**
   * @param maxEntries most SQL strings cached at once; 0 caches nothing
   * @param maxSqlLength SQL longer than this many characters is normalised but not cached
   * @param maxTotalChars most characters held: cached SQL keys plus distinct shape texts
   * @throws IllegalArgumentException when a bound is negative
   */
  public ShapeCache(int maxEntries, int maxSqlLength, long maxTotalChars) {
    if (maxEntries < 0 || maxSqlLength < 0 || maxTotalChars < 0) {
      throw new IllegalArgumentException(
          "ShapeCache bounds must not be negative: maxEntries="
              + maxEntries
              + ", maxSqlLength="
              + maxSqlLength
              + ", maxTotalChars="
              + maxTotalChars);
    }
    this.maxEntries = maxEntries;
    this.maxSqlLength = maxSqlLength;
    this.maxTotalChars = maxTotalChars;
    @SuppressWarnings("unchecked")
    ConcurrentHashMap<String, Entry>[] maps =
        (ConcurrentHashMap<String, Entry>[])
            new ConcurrentHashMap<?, ?>[SqlDialect.values().length];
    for (int i = 0; i < maps.length; i++) {
      maps[i] = new ConcurrentHashMap<>();
    }
    this.entries = maps;
    int slots = Math.min(maxEntries, INITIAL_SLOTS);
    this.ring = new Entry[slots];
    this.freeSlots = new int[slots];
  }

  /**
   * The shape of {@code sql} as {@code dialect} reads it (the shape of {@code ""} for null), from
   * the cache when present. Never throws.
   */
  public QueryShape shapeOf(SqlDialect dialect, String sql) {
    if (sql == null) {
      return EMPTY;
    }
    Entry e = entries[dialect.ordinal()].get(sql);
    if (e != null) {
      if (!e.referenced) {
        e.referenced = true;
      }
      return e.shape;
    }
    return miss(dialect, sql);
  }

  /** SQL strings cached now. */
  public int size() {
    return size;
  }

  /** Characters held now: cached SQL keys plus distinct shape texts. */
  public long totalChars() {
    return totalChars;
  }

  private QueryShape miss(SqlDialect dialect, String sql) {
    if (sql.length() > maxSqlLength && maxEntries > 0) {
      QueryShape recent = largeStatements.find(dialect, sql);
      if (recent == null) {
        recent = uncached(SqlNormalizer.shape(sql, dialect));
        largeStatements.remember(dialect, sql, recent);
      }
      return recent;
    }
    QueryShape computed = SqlNormalizer.shape(sql, dialect);
    if (maxEntries == 0
        || (long) sql.length() + computed.text().length() > maxTotalChars
        || !lock.tryLock()) {
      return uncached(computed);
    }
    try {
      Entry raced = entries[dialect.ordinal()].get(sql);
      if (raced != null) {
        return raced.shape;
      }
      return insert(dialect, sql, computed);
    } finally {
      lock.unlock();
    }
  }

  /** The shared instance equal to {@code computed} when one is cached, else {@code computed}. */
  private QueryShape uncached(QueryShape computed) {
    Shared shared = shapes.get(computed.text());
    return shared != null ? shared.shape : computed;
  }

  /** Caller holds the lock and has checked that sql and its text fit in maxTotalChars. */
  private QueryShape insert(SqlDialect dialect, String sql, QueryShape computed) {
    String text = computed.text();
    Shared shared;
    while (true) {
      shared = shapes.get(text);
      long needed = sql.length() + (shared == null ? text.length() : 0);
      if (size < maxEntries && totalChars + needed <= maxTotalChars) {
        break;
      }
      evictOne();
    }
    long added = sql.length();
    if (shared == null) {
      shared = new Shared(computed);
      shapes.put(text, shared);
      added += text.length();
    }
    shared.references++;
    Entry e = new Entry(dialect, sql, shared);
    int slot = takeSlot(); // before indexing: taking a slot may replace the ring with a larger one
    ring[slot] = e;
    entries[dialect.ordinal()].put(sql, e);
    size = size + 1;
    totalChars = totalChars + added;
    return shared.shape;
  }

  private int takeSlot() {
    if (freeCount > 0) {
      return freeSlots[--freeCount];
    }
    if (nextUnusedSlot == ring.length) {
      int grown = (int) Math.min(maxEntries, 2L * ring.length);
      ring = Arrays.copyOf(ring, grown);
      freeSlots = Arrays.copyOf(freeSlots, grown);
    }
    return nextUnusedSlot++;
  }

  /**
   * Advances the CLOCK hand to the first entry not referenced since the hand last passed it
   * (clearing bits on the way) and removes it. Readers may set bits again while the hand moves, so
   * after two full turns the next entry goes regardless. Caller holds the lock; size > 0.
   */
  private void evictOne() {
    int limit = 2 * nextUnusedSlot;
    for (int steps = 0; ; steps++) {
      int slot = hand;
      hand = hand + 1 >= nextUnusedSlot ? 0 : hand + 1;
      Entry victim = ring[slot];
      if (victim == null) {
        continue;
      }
      if (victim.referenced && steps < limit) {
        victim.referenced = false;
        continue;
      }
      ring[slot] = null;
      freeSlots[freeCount++] = slot;
      entries[victim.dialect.ordinal()].remove(victim.sql, victim);
      long freed = victim.sql.length();
      Shared shared = victim.shared;
      if (--shared.references == 0) {
        shapes.remove(shared.shape.text(), shared);
        freed += shared.shape.text().length();
      }
      size = size - 1;
      totalChars = totalChars - freed;
      return;
    }
  }

  /** A cached SQL string. */
  private static final class Entry {
    final SqlDialect dialect;
    final String sql;
    final QueryShape shape;
    final Shared shared;

    /**
     * Set by readers on a hit, cleared by the CLOCK hand. A plain field: a racy store can only
     * delay or repeat a second chance, never corrupt the cache.
     */
    boolean referenced;

    Entry(SqlDialect dialect, String sql, Shared shared) {
      this.dialect = dialect;
      this.sql = sql;
      this.shape = shared.shape;
      this.shared = shared;
    }
  }

  /** A shape shared by every cached SQL string that normalises to its text. */
  private static final class Shared {
    final QueryShape shape;

    /** Cached entries using this shape; guarded by the lock. */
    int references;

    Shared(QueryShape shape) {
      this.shape = shape;
    }
  }
}
