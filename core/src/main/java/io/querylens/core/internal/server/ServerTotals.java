package io.querylens.core.internal.server;

import io.querylens.core.Database;
import io.querylens.core.ServerSide;
import io.querylens.core.ServerStatsStatus;
import io.querylens.core.WaitCategory;
import io.querylens.core.WaitProfile;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The server's figures summed per shape fingerprint, and each database's reader status. Written by
 * the readers' threads, read by snapshots; never on the application's threads. Bounded: readers add
 * figures only for recorded shapes.
 */
public final class ServerTotals {
  private final ConcurrentHashMap<Long, ServerSide> sides = new ConcurrentHashMap<>();
  private final ConcurrentHashMap<Database, ServerStatsStatus> statuses = new ConcurrentHashMap<>();

  /** Adds {@code delta}'s calls, times and counts to the shape's; figures of -1 stay unknown. */
  public void add(long fingerprint, ServerSide delta) {
    sides.merge(fingerprint, delta, ServerTotals::sum);
  }

  /** Counts {@code n} samples of the shape's statements in flight in {@code category}. */
  public void addWaitSamples(
      long fingerprint, String source, WaitCategory category, long n, long intervalNanos) {
    sides.compute(
        fingerprint,
        (fp, side) -> {
          ServerSide s = side != null ? side : empty(source);
          return s.withWaits(s.waits().plus(category, n, intervalNanos));
        });
  }

  /** Sets the shape's plan summary. */
  public void setPlan(long fingerprint, String source, String plan) {
    sides.compute(fingerprint, (fp, side) -> (side != null ? side : empty(source)).withPlan(plan));
  }

  /** The shape's server figures, or null. */
  public ServerSide sideOf(long fingerprint) {
    return sides.get(fingerprint);
  }

  /** Replaces the status of {@code status.database()}. */
  public void setStatus(ServerStatsStatus status) {
    statuses.put(status.database(), status);
  }

  /** The status of {@code database}, or null. */
  public ServerStatsStatus statusOf(Database database) {
    return statuses.get(database);
  }

  /** Every database's status. */
  public List<ServerStatsStatus> statuses() {
    return new ArrayList<>(statuses.values());
  }

  /** Forgets the figures (the recording was reset); statuses stay. */
  public void clear() {
    sides.clear();
  }

  private static ServerSide empty(String source) {
    return new ServerSide(source, 0, 0, -1, 0, -1, -1, -1, -1, -1, WaitProfile.NONE, null);
  }

  private static ServerSide sum(ServerSide a, ServerSide b) {
    return new ServerSide(
        a.source(),
        a.calls() + b.calls(),
        a.executeNanos() + b.executeNanos(),
        known(a.planNanos(), b.planNanos()),
        a.rows() + b.rows(),
        known(a.rowsExamined(), b.rowsExamined()),
        known(a.blocksHit(), b.blocksHit()),
        known(a.blocksRead(), b.blocksRead()),
        known(a.lockNanos(), b.lockNanos()),
        known(a.noIndexCalls(), b.noIndexCalls()),
        a.waits(),
        a.plan() != null ? a.plan() : b.plan());
  }

  /** The sum of two figures where -1 means unknown. */
  private static long known(long a, long b) {
    if (a < 0) {
      return b;
    }
    return b < 0 ? a : a + b;
  }
}
