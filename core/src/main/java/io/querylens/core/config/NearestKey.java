package io.querylens.core.config;

import java.util.List;
import java.util.Locale;

/**
 * Finds the valid key nearest to a misspelt one, for "did you mean" hints. Distance is the
 * optimal-string-alignment variant of Damerau-Levenshtein (insert, delete, substitute, swap two
 * neighbours), compared without regard to case.
 */
final class NearestKey {
  private NearestKey() {}

  /**
   * The candidate nearest to {@code unknown}, or {@code null} when none is near enough.
   *
   * <p>Near enough means a distance of at most 1 for a name of up to 5 characters after {@code
   * prefix}, 2 up to 8 and 3 beyond. Failing that, a candidate whose last segment (after the last
   * {@code separator}) equals that of {@code unknown} is offered when exactly one has it, so {@code
   * querylens.top} finds {@code querylens.report.top}. Ties go to the earlier candidate.
   */
  static String find(String unknown, List<String> candidates, String prefix, char separator) {
    String u = unknown.toLowerCase(Locale.ROOT);
    int nameLength = Math.max(0, unknown.length() - prefix.length());
    int cutoff = nameLength <= 5 ? 1 : nameLength <= 8 ? 2 : 3;
    String best = null;
    int bestDistance = Integer.MAX_VALUE;
    for (String candidate : candidates) {
      int d = distance(u, candidate.toLowerCase(Locale.ROOT));
      if (d < bestDistance) {
        bestDistance = d;
        best = candidate;
      }
    }
    if (best != null && bestDistance <= cutoff) {
      return best;
    }
    String lastSegment = u.substring(u.lastIndexOf(separator) + 1);
    String match = null;
    for (String candidate : candidates) {
      String c = candidate.toLowerCase(Locale.ROOT);
      if (!lastSegment.isEmpty() && c.substring(c.lastIndexOf(separator) + 1).equals(lastSegment)) {
        if (match != null) {
          return null;
        }
        match = candidate;
      }
    }
    return match;
  }

  /** Optimal-string-alignment distance between {@code a} and {@code b}. */
  static int distance(String a, String b) {
    int n = a.length();
    int m = b.length();
    int[][] d = new int[n + 1][m + 1];
    for (int i = 0; i <= n; i++) {
      d[i][0] = i;
    }
    for (int j = 0; j <= m; j++) {
      d[0][j] = j;
    }
    for (int i = 1; i <= n; i++) {
      for (int j = 1; j <= m; j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        int v = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
        if (i > 1
            && j > 1
            && a.charAt(i - 1) == b.charAt(j - 2)
            && a.charAt(i - 2) == b.charAt(j - 1)) {
          v = Math.min(v, d[i - 2][j - 2] + 1);
        }
        d[i][j] = v;
      }
    }
    return d[n][m];
  }
}
