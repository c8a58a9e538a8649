package io.querylens.core.internal.stats;

import io.querylens.core.Buckets;
import io.querylens.core.DistributionSnapshot;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.Arrays;
import org.HdrHistogram.Histogram;

/**
 * A compact, lock-free, allocation-free recorder of one distribution (a time in nanoseconds or a
 * row count), written on the JDBC hot path and read by snapshots, which carry its non-empty
 * buckets.
 *
 * <p>Layout, like HdrHistogram's: a value is first divided by a unit ({@code value >>> unitShift}),
 * the quotients below {@code 2 * S} get one bucket each, and every further power-of-two octave is
 * split into {@code S} equal sub-buckets. A bucket is therefore at most {@code 1/S} of its lower
 * bound wide. Values above the highest value land in the top bucket; negative values in bucket 0.
 *
 * <ul>
 *   <li>{@link #forTimes()}: unit 16 ns, S = 32, up to one hour: 1077 buckets (4.3 KB). A bucket is
 *       represented by its midpoint, so a value is off by at most 8 ns below 1 µs and by at most
 *       1/64 (1.6 %) above 512 ns.
 *   <li>{@link #forRows()}: unit 1, S = 16, up to 2<sup>31</sup>: 449 buckets (1.8 KB). Exact below
 *       32 rows, at most 1/32 (3.1 %) off above.
 * </ul>
 *
 * <p>Besides the buckets it keeps the exact minimum and maximum (a negative value counts as 0, a
 * value above the highest keeps its own size there). Snapshots clamp their bucket-precise
 * percentiles into {@code [min, max]}, so a distribution of one value reports that value throughout
 * and never a max above its sum.
 *
 * <p>Concurrency contract:
 *
 * <ol>
 *   <li>Writers never block and never allocate: one atomic add on an {@code int} counter per value,
 *       plus one atomic add on the sum for values that their bucket does not pin down exactly (see
 *       {@link #record(long)}). The minimum and maximum cost two opaque reads; a compare-and-set
 *       follows only for a value beyond one of them, which gets rare as values accumulate.
 *   <li>Counts are unsigned 32-bit; the writer whose add wraps a counter (after 2<sup>32</sup>
 *       values in one bucket) carries 2<sup>32</sup> into a {@code long[]} allocated on the first
 *       wrap, so counts are never lost.
 *   <li>Readers walk the counters without stopping writers: a read taken while values are recorded
 *       may miss the values in flight (and, for an instant after a wrap, 2<sup>32</sup> in that one
 *       bucket), or have them in its min and max only, but never throws and never disturbs the
 *       writers.
 * </ol>
 */
public final class DistributionRecorder {
  /** The highest time kept apart from the others: one hour in nanoseconds. */
  public static final long HIGHEST_NANOS = 3_600_000_000_000L;

  /** The highest row count kept apart from the others. */
  public static final long HIGHEST_ROWS = 1L << 31;

  /** A {@link #newScratch()} histogram tracks up to this value, above every bucket's midpoint. */
  private static final long SCRATCH_HIGHEST = 1L << 43;

  private static final VarHandle COUNTS = MethodHandles.arrayElementVarHandle(int[].class);
  private static final VarHandle CARRY_COUNTS = MethodHandles.arrayElementVarHandle(long[].class);
  private static final VarHandle SUM;
  private static final VarHandle MIN;
  private static final VarHandle MAX;
  private static final VarHandle CARRIES;

  static {
    try {
      MethodHandles.Lookup lookup = MethodHandles.lookup();
      SUM = lookup.findVarHandle(DistributionRecorder.class, "sum", long.class);
      MIN = lookup.findVarHandle(DistributionRecorder.class, "min", long.class);
      MAX = lookup.findVarHandle(DistributionRecorder.class, "max", long.class);
      CARRIES = lookup.findVarHandle(DistributionRecorder.class, "carries", long[].class);
    } catch (ReflectiveOperationException e) {
      throw new ExceptionInInitializerError(e);
    }
  }

  private final int unitShift;
  private final int subBits;
  private final long subCount;
  private final long highestValue;

  /** Values below this are pinned down by their (one-value) bucket and not added to the sum. */
  private final long exactBelow;

  private final int[] counts;

  /**
   * When not null, every value recorded there that was not recorded here counts here as a zero:
   * callers skip recording zeros (fetch and process of an update) to save an atomic add.
   */
  private final DistributionRecorder countSource;

  /** Sum of the recorded values at or above {@link #exactBelow}; updated through {@link #SUM}. */
  private long sum;

  /**
   * Smallest value recorded here, {@link Long#MAX_VALUE} before the first; only ever lowered,
   * through {@link #MIN}. Zeros implied by a count source are not in it.
   */
  private long min = Long.MAX_VALUE;

  /**
   * Largest value recorded here, 0 before the first (values are never negative here); only ever
   * raised, through {@link #MAX}.
   */
  private long max;

  /** Counter wraps, in units of one count, allocated on the first wrap. */
  private volatile long[] carries;

  DistributionRecorder(
      int unitShift, int subBits, long highestValue, DistributionRecorder countSource) {
    this.unitShift = unitShift;
    this.subBits = subBits;
    this.subCount = 1L << subBits;
    this.highestValue = highestValue;
    // with unit 1 the quotients below 2 * S have buckets of their own; with a coarser unit only
    // zero is exact, and adding zero to the sum is skipped anyway
    this.exactBelow = unitShift == 0 ? 2 * subCount : 1;
    this.countSource = countSource;
    this.counts = new int[index(highestValue) + 1];
  }

  /** A recorder for nanoseconds, 0 to one hour. */
  public static DistributionRecorder forTimes() {
    return new DistributionRecorder(4, 5, HIGHEST_NANOS, null);
  }

  /** A recorder for row counts, 0 to 2<sup>31</sup>. */
  public static DistributionRecorder forRows() {
    return new DistributionRecorder(0, 4, HIGHEST_ROWS, null);
  }

  /**
   * A time recorder whose count is {@code countSource}'s: values recorded there but not here count
   * as zeros here.
   */
  static DistributionRecorder forTimesCountedBy(DistributionRecorder countSource) {
    return new DistributionRecorder(4, 5, HIGHEST_NANOS, countSource);
  }

  /** A histogram for {@link #snapshot(Histogram)}, reusable across recorders by one reader. */
  public static Histogram newScratch() {
    return new Histogram(1, SCRATCH_HIGHEST, 2);
  }

  /**
   * Records one value: one atomic add on its bucket and, unless the bucket pins the value down
   * exactly (rows below 32, a zero), one on the sum.
   */
  public void record(long value) {
    trackExtremes(value);
    int index = index(value);
    if ((int) COUNTS.getAndAdd(counts, index, 1) == -1) {
      carry(index);
    }
    if (value >= exactBelow) {
      SUM.getAndAdd(this, value);
    }
  }

  /**
   * Records one value in its bucket only: the caller keeps the sum itself (a shape's execute sum is
   * its total time minus fetch and process).
   */
  void recordCount(long value) {
    trackExtremes(value);
    int index = index(value);
    if ((int) COUNTS.getAndAdd(counts, index, 1) == -1) {
      carry(index);
    }
  }

  /** Records {@code count} copies of {@code value}; not for the hot path. */
  void record(long value, int count) {
    if (count <= 0) {
      return;
    }
    trackExtremes(value);
    int index = index(value);
    int previous = (int) COUNTS.getAndAdd(counts, index, count);
    if (Integer.compareUnsigned(previous + count, previous) < 0) {
      carry(index);
    }
    if (value >= exactBelow) {
      SUM.getAndAdd(this, value * count);
    }
  }

  /**
   * Lowers the minimum and raises the maximum to {@code value} where needed; negative values count
   * as 0. Called before the bucket's add (a full fence), so a snapshot that sees the count sees the
   * extremes set for it. In the common case two opaque reads and no write: a new minimum or maximum
   * is rare once a few values are in.
   */
  private void trackExtremes(long value) {
    long v = Math.max(value, 0L);
    long seen = (long) MAX.getOpaque(this);
    if (v > seen) {
      raiseMax(v, seen);
    }
    seen = (long) MIN.getOpaque(this);
    if (v < seen) {
      lowerMin(v, seen);
    }
  }

  private void raiseMax(long value, long seen) {
    long expected = seen;
    while (value > expected) {
      long witness = (long) MAX.compareAndExchange(this, expected, value);
      if (witness == expected) {
        return;
      }
      expected = witness;
    }
  }

  private void lowerMin(long value, long seen) {
    long expected = seen;
    while (value < expected) {
      long witness = (long) MIN.compareAndExchange(this, expected, value);
      if (witness == expected) {
        return;
      }
      expected = witness;
    }
  }

  private void carry(int index) {
    long[] c = carries;
    if (c == null) {
      c = new long[counts.length];
      if (!CARRIES.compareAndSet(this, null, c)) {
        c = carries;
      }
    }
    CARRY_COUNTS.getAndAdd(c, index, 1L << 32);
  }

  /** The bucket of {@code value}; branch-free. */
  int index(long value) {
    long q = Math.min(Math.max(value, 0L), highestValue) >>> unitShift;
    // octave above the linear part: 0 for q < 2 * S, else one more per doubling
    int octave = 63 - Long.numberOfLeadingZeros(q | subCount) - subBits;
    return (octave << subBits) + (int) (q >>> octave);
  }

  /** Number of buckets. */
  public int bucketCount() {
    return counts.length;
  }

  /** Lowest value of bucket {@code index}. */
  public long lowValue(int index) {
    int octave = Math.max(0, (index >> subBits) - 1);
    long q = (long) (index - (octave << subBits)) << octave;
    return q << unitShift;
  }

  /** One past the highest value of bucket {@code index} (the top bucket also holds any larger). */
  public long highValue(int index) {
    int octave = Math.max(0, (index >> subBits) - 1);
    return lowValue(index) + ((1L << octave) << unitShift);
  }

  /**
   * The value that stands for bucket {@code index} in snapshots: its midpoint, and 0 for bucket 0.
   */
  long representative(int index) {
    if (index == 0) {
      return 0;
    }
    long low = lowValue(index);
    return low + ((highValue(index) - low) >> 1);
  }

  /** The values recorded here, not counting zeros implied by a count source. */
  private long countAt(int index, long[] c) {
    long n = Integer.toUnsignedLong((int) COUNTS.getOpaque(counts, index));
    return c == null ? n : n + (long) CARRY_COUNTS.getOpaque(c, index);
  }

  private long recordedCount() {
    long[] c = carries;
    long total = 0;
    for (int i = 0; i < counts.length; i++) {
      total += countAt(i, c);
    }
    return total;
  }

  /** Number of values, including zeros implied by a count source. */
  public long totalCount() {
    return countSource == null
        ? recordedCount()
        : Math.max(recordedCount(), countSource.totalCount());
  }

  private long impliedZeros() {
    return countSource == null ? 0 : Math.max(0, countSource.recordedCount() - recordedCount());
  }

  /**
   * A summary of the values recorded so far; {@code scratch} (from {@link #newScratch()}) is
   * overwritten. Count, sum, min and max are exact (min is 0 when a count source implies zeros);
   * percentiles come from bucket midpoints (see the class comment) read through a 2-digit
   * HdrHistogram, which adds at most 1/128 more, and are then clamped into {@code [min, max]}, so
   * {@code min <= p50 <= p95 <= p99 <= max} holds.
   */
  public DistributionSnapshot snapshot(Histogram scratch) {
    scratch.reset();
    long implied = impliedZeros();
    long[] c = carries;
    long total = 0;
    long exactSum = 0;
    BucketList buckets = new BucketList();
    for (int i = 0; i < counts.length; i++) {
      long n = countAt(i, c) + (i == 0 ? implied : 0);
      if (n > 0) {
        scratch.recordValueWithCount(representative(i), n);
        buckets.add(lowValue(i), highValue(i), n);
        total += n;
        if (i < exactBelow) {
          exactSum += i * n; // bucket i holds exactly the value i here
        }
      }
    }
    if (total == 0) {
      return DistributionSnapshot.EMPTY;
    }
    // writers set max, then min, then the count: read them in the opposite order, so a value
    // counted above lies within [low, high]
    VarHandle.acquireFence();
    long low = implied > 0 ? 0 : (long) MIN.getAcquire(this);
    long high = (long) MAX.getAcquire(this);
    if (low > high) {
      // only if a writer skipped its compare-and-set on a value another had yet to publish; keep
      // the bucket-precise extremes rather than guess
      low = scratch.getMinValue();
      high = scratch.getMaxValue();
    }
    return new DistributionSnapshot(
        total,
        (long) SUM.getAcquire(this) + exactSum,
        low,
        clamp(scratch.getValueAtPercentile(50), low, high),
        clamp(scratch.getValueAtPercentile(95), low, high),
        clamp(scratch.getValueAtPercentile(99), low, high),
        high,
        buckets.toBuckets());
  }

  private static long clamp(long value, long low, long high) {
    return Math.min(Math.max(value, low), high);
  }

  /** The non-empty buckets of one snapshot, gathered lowest first. */
  private static final class BucketList {
    private long[] lows = new long[16];
    private long[] highs = new long[16];
    private long[] counts = new long[16];
    private int size;

    void add(long low, long high, long count) {
      if (size == lows.length) {
        lows = Arrays.copyOf(lows, size * 2);
        highs = Arrays.copyOf(highs, size * 2);
        counts = Arrays.copyOf(counts, size * 2);
      }
      lows[size] = low;
      highs[size] = high;
      counts[size++] = count;
    }

    Buckets toBuckets() {
      return Buckets.of(
          Arrays.copyOf(lows, size), Arrays.copyOf(highs, size), Arrays.copyOf(counts, size));
    }
  }
}
