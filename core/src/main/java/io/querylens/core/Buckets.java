package io.querylens.core;

import java.util.Arrays;

/**
 * The non-empty buckets of a recorded distribution, lowest first: each bucket holds the values from
 * its {@link #low(int) low} bound up to, not including, its {@link #high(int) high} bound (the top
 * bucket also holds any larger value). Immutable. Time buckets are at most 1/32 of their low bound
 * wide, row buckets at most 1/16 (exact below 32 rows).
 */
public final class Buckets {
  /** No buckets: an empty distribution, or a summary that was built without them. */
  public static final Buckets NONE = new Buckets(new long[0], new long[0], new long[0]);

  private final long[] lows;
  private final long[] highs;
  private final long[] counts;

  private Buckets(long[] lows, long[] highs, long[] counts) {
    this.lows = lows;
    this.highs = highs;
    this.counts = counts;
  }

  /**
   * Buckets from parallel arrays, copied; every count must be positive and the buckets ascending
   * without overlap.
   */
  public static Buckets of(long[] lows, long[] highs, long[] counts) {
    if (lows.length != highs.length || lows.length != counts.length) {
      throw new IllegalArgumentException(
          "lows, highs and counts differ in length: "
              + lows.length
              + ", "
              + highs.length
              + ", "
              + counts.length);
    }
    for (int i = 0; i < lows.length; i++) {
      if (counts[i] <= 0 || highs[i] <= lows[i] || (i > 0 && lows[i] < highs[i - 1])) {
        throw new IllegalArgumentException("bucket " + i + " is empty, inverted or out of order");
      }
    }
    return lows.length == 0 ? NONE : new Buckets(lows.clone(), highs.clone(), counts.clone());
  }

  /** Number of non-empty buckets. */
  public int size() {
    return lows.length;
  }

  /** Lowest value of bucket {@code index}. */
  public long low(int index) {
    return lows[index];
  }

  /** One past the highest value of bucket {@code index}. */
  public long high(int index) {
    return highs[index];
  }

  /** Values in bucket {@code index}; always positive. */
  public long count(int index) {
    return counts[index];
  }

  /** Values in all buckets. */
  public long totalCount() {
    long total = 0;
    for (long c : counts) {
      total += c;
    }
    return total;
  }

  /** Receives one bucket; see {@link #forEach}. */
  @FunctionalInterface
  public interface Visitor {
    /**
     * @param low lowest value of the bucket
     * @param high one past its highest value
     * @param count values in it
     */
    void bucket(long low, long high, long count);
  }

  /** Hands every bucket to {@code visitor}, lowest first. */
  public void forEach(Visitor visitor) {
    for (int i = 0; i < lows.length; i++) {
      visitor.bucket(lows[i], highs[i], counts[i]);
    }
  }

  /**
   * The midpoint of the bucket holding the value at {@code percentile} (0 to 100) of the values, or
   * 0 when there are none; the value itself lies within half a bucket width of it.
   */
  public long valueAtPercentile(double percentile) {
    if (!(percentile >= 0 && percentile <= 100)) {
      throw new IllegalArgumentException("percentile must be within [0, 100]: " + percentile);
    }
    long total = totalCount();
    if (total == 0) {
      return 0;
    }
    long rank = Math.max(1, (long) Math.ceil(percentile / 100 * total));
    long seen = 0;
    int i = 0;
    while (seen + counts[i] < rank) {
      seen += counts[i++];
    }
    return lows[i] + (highs[i] - lows[i]) / 2;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Buckets b
        && Arrays.equals(lows, b.lows)
        && Arrays.equals(highs, b.highs)
        && Arrays.equals(counts, b.counts);
  }

  @Override
  public int hashCode() {
    return 31 * (31 * Arrays.hashCode(lows) + Arrays.hashCode(highs)) + Arrays.hashCode(counts);
  }

  @Override
  public String toString() {
    return size() + " buckets of " + totalCount() + " values";
  }
}
