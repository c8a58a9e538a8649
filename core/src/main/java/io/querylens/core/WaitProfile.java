package io.querylens.core;

/**
 * Samples of one shape's statements in flight on the server, one count per {@link WaitCategory}:
 * like an active-session history, {@code samples × sampleIntervalNanos} estimates the time spent in
 * each category. Sampling misses statements shorter than the interval, so small counts are noise.
 *
 * @param sampleIntervalNanos the time between two samples
 */
public record WaitProfile(long sampleIntervalNanos, long cpu, long lock, long io, long other) {
  /** No samples. */
  public static final WaitProfile NONE = new WaitProfile(0, 0, 0, 0, 0);

  /** All samples. */
  public long samples() {
    return cpu + lock + io + other;
  }

  /** The samples of {@code category}. */
  public long samples(WaitCategory category) {
    return switch (category) {
      case CPU -> cpu;
      case LOCK -> lock;
      case IO -> io;
      case OTHER -> other;
    };
  }

  /** The category with the most samples (the first in declaration order on a tie), or null. */
  public WaitCategory dominant() {
    WaitCategory best = null;
    long most = 0;
    for (WaitCategory c : WaitCategory.values()) {
      if (samples(c) > most) {
        most = samples(c);
        best = c;
      }
    }
    return best;
  }

  /** This profile with {@code n} more samples of {@code category}. */
  public WaitProfile plus(WaitCategory category, long n, long intervalNanos) {
    return new WaitProfile(
        intervalNanos,
        cpu + (category == WaitCategory.CPU ? n : 0),
        lock + (category == WaitCategory.LOCK ? n : 0),
        io + (category == WaitCategory.IO ? n : 0),
        other + (category == WaitCategory.OTHER ? n : 0));
  }
}
