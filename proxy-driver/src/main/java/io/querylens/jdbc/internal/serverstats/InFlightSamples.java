package io.querylens.jdbc.internal.serverstats;

import io.querylens.core.WaitCategory;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Samples of statements still running, held per server thread until the statement ends: MariaDB and
 * MySQL fill {@code events_statements_current.DIGEST} only then. A thread seen running another
 * statement before its statement's end was seen has moved on: its samples wait for {@link
 * #takeMovedOn}, whose caller may find the statement's digest in the thread's history. A thread not
 * seen at all (disconnected) loses its samples. The samples of an ended statement whose shape is
 * not known yet (QueryLens records an execution when its statement or result set is done with,
 * which may be later) wait for the next read of the digests. Bounded by the server's threads and
 * {@link #MAX_UNATTRIBUTED}. One reader thread.
 */
final class InFlightSamples {
  /** Digests whose samples may wait for the next read. */
  static final int MAX_UNATTRIBUTED = 100;

  private final Map<Long, Pending> byThread = new HashMap<>();
  private final Map<String, long[]> unattributed = new HashMap<>();
  private final List<Held> movedOn = new ArrayList<>();

  /** One more sample of {@code thread}'s statement {@code event}, still running, in {@code c}. */
  void running(long thread, long event, WaitCategory c) {
    Pending p = byThread.get(thread);
    if (p == null || p.event != event) {
      moveOn(thread, p);
      p = new Pending(event, new long[WaitCategory.values().length]);
      byThread.put(thread, p);
    }
    p.counts[c.ordinal()]++;
  }

  /**
   * The samples of {@code thread}'s statement {@code event}, now ended, per {@link WaitCategory}
   * ordinal, or null when there are none.
   */
  long[] ended(long thread, long event) {
    Pending p = byThread.get(thread);
    if (p == null) {
      return null;
    }
    byThread.remove(thread);
    if (p.event == event) {
      return p.counts;
    }
    moveOn(thread, p);
    return null;
  }

  /**
   * The samples of the statements whose threads were seen at another statement since the last call,
   * no longer kept here.
   */
  List<Held> takeMovedOn() {
    List<Held> taken = List.copyOf(movedOn);
    movedOn.clear();
    return taken;
  }

  private void moveOn(long thread, Pending p) {
    if (p != null) {
      movedOn.add(new Held(thread, p.event, p.counts));
    }
  }

  /** Drops the samples of threads not in {@code seen}. */
  void keepOnly(Set<Long> seen) {
    byThread.keySet().retainAll(seen);
  }

  /** Keeps {@code counts}, samples of ended statements of {@code digest}, for the next read. */
  void unattributed(String digest, long[] counts) {
    long[] sum = unattributed.get(digest);
    if (sum == null) {
      if (unattributed.size() < MAX_UNATTRIBUTED) {
        unattributed.put(digest, counts.clone());
      }
      return;
    }
    for (int i = 0; i < counts.length; i++) {
      sum[i] += counts[i];
    }
  }

  /** The samples kept for {@code digest}, no longer kept, or null. */
  long[] takeUnattributed(String digest) {
    return unattributed.remove(digest);
  }

  /** Drops the samples whose digest the read did not match. */
  void dropUnattributed() {
    unattributed.clear();
  }

  private record Pending(long event, long[] counts) {}

  /** The samples, per {@link WaitCategory} ordinal, of {@code thread}'s statement {@code event}. */
  record Held(long thread, long event, long[] counts) {}
}
