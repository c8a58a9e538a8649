package io.querylens.core.internal.stats;

import io.querylens.core.ConnectionSnapshot;
import java.util.concurrent.atomic.AtomicLong;
import org.HdrHistogram.Histogram;

/**
 * Connection statistics: {@code acquire} (time inside {@code getConnection()}) and {@code hold}
 * (from getConnection to close) in nanoseconds, and the {@code getConnection()} calls that threw.
 * Lock-free and allocation-free for writers; {@link #reset()} swaps in fresh state. Internal:
 * public only for the other QueryLens modules.
 */
public final class ConnectionStats {
  private volatile State state = new State();

  public ConnectionStats() {}

  /** Time inside a {@code getConnection()} that returned a connection. */
  public void recordAcquire(long nanos) {
    state.acquire.record(Math.max(0L, nanos));
  }

  /** A {@code getConnection()} that threw. */
  public void recordAcquireFailure() {
    state.acquireErrors.incrementAndGet();
  }

  /** Time from {@code getConnection()} to the connection's close. */
  public void recordHold(long nanos) {
    state.hold.record(Math.max(0L, nanos));
  }

  /** Statistics since the start or the last {@link #reset()}. */
  public ConnectionSnapshot snapshot() {
    State s = state;
    Histogram scratch = DistributionRecorder.newScratch();
    return new ConnectionSnapshot(
        s.acquire.snapshot(scratch), s.hold.snapshot(scratch), s.acquireErrors.get());
  }

  /** The acquire-time distribution, for exporters that read its buckets. */
  public DistributionRecorder acquire() {
    return state.acquire;
  }

  /** Forgets everything recorded so far. */
  public void reset() {
    state = new State();
  }

  private static final class State {
    final DistributionRecorder acquire = DistributionRecorder.forTimes();
    final DistributionRecorder hold = DistributionRecorder.forTimes();
    final AtomicLong acquireErrors = new AtomicLong();
  }
}
