package io.querylens.jdbc.internal;

/**
 * Rows affected by a batch, from the counts the driver returns: the sum of the non-negative ones
 * ({@code SUCCESS_NO_INFO} and {@code EXECUTE_FAILED} are negative and add nothing). Internal:
 * public for the datasource-proxy listener.
 */
public final class UpdateCounts {
  private UpdateCounts() {}

  /** Rows of an {@code int[]} or {@code long[]} batch result; -1 for anything else. */
  public static long rows(Object counts) {
    long rows = 0;
    if (counts instanceof int[]) {
      for (int c : (int[]) counts) {
        rows += Math.max(c, 0);
      }
    } else if (counts instanceof long[]) {
      for (long c : (long[]) counts) {
        rows += Math.max(c, 0);
      }
    } else {
      return -1;
    }
    return rows;
  }
}
