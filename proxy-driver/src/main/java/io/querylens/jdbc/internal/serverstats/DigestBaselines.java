package io.querylens.jdbc.internal.serverstats;

import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;

/**
 * The figures of each digest at the previous read, so that a read adds only what changed
 * (docs/decisions/0042). The first read is the baseline. A digest without a baseline counts whole
 * when the server first saw it after the previous read, and is a new baseline otherwise. Figures
 * going backwards (the table truncated, the row reused) restart its baseline the same way. Bounded:
 * a digest matched to a shape always keeps its figures, others while fewer than {@code
 * maxUnmatched} are kept; digests gone from the server are forgotten. One reader thread.
 */
final class DigestBaselines {
  private final int maxUnmatched;
  private final Map<String, Kept> last = new HashMap<>();
  private int unmatched;
  private long read;

  DigestBaselines(int maxUnmatched) {
    this.maxUnmatched = maxUnmatched;
  }

  /** Starts a read; {@link #advance} each digest, then {@link #endRead}. */
  void beginRead() {
    read++;
  }

  /**
   * Keeps {@code now} as {@code digest}'s figures and returns what was added since the previous
   * read, or null when nothing counts (a baseline, or no new calls). A digest matched for the first
   * time gives at least {@link DigestFigures#ZERO}, so that its shape shows the server's side with
   * 0 calls rather than no match when it ran only before its baseline.
   *
   * @param firstSeenSincePrevious the server first saw the digest at or after the previous read
   *     (never on the first read)
   */
  DigestFigures advance(
      String digest, DigestFigures now, boolean matched, boolean firstSeenSincePrevious) {
    Kept previous = last.get(digest);
    DigestFigures delta;
    if (previous == null || now.isBelow(previous.figures)) {
      delta = firstSeenSincePrevious ? now : null;
    } else {
      delta = now.minus(previous.figures);
    }
    if (previous != null) {
      if (previous.matched != matched) {
        unmatched += matched ? -1 : 1;
      }
      last.put(digest, new Kept(now, matched, read));
    } else if (matched || unmatched < maxUnmatched) {
      unmatched += matched ? 0 : 1;
      last.put(digest, new Kept(now, matched, read));
    }
    if (delta != null && delta.calls() > 0) {
      return delta;
    }
    return matched && (previous == null || !previous.matched) ? DigestFigures.ZERO : null;
  }

  /** Forgets the digests the read did not see. */
  void endRead() {
    for (Iterator<Kept> it = last.values().iterator(); it.hasNext(); ) {
      Kept k = it.next();
      if (k.read != read) {
        unmatched -= k.matched ? 0 : 1;
        it.remove();
      }
    }
  }

  /** Digests whose figures are kept. */
  int size() {
    return last.size();
  }

  private record Kept(DigestFigures figures, boolean matched, long read) {}
}
