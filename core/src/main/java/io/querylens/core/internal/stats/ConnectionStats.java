package io.querylens.core.internal.stats;

import io.querylens.core.ConnectionSnapshot;
import java.util.concurrent.atomic.AtomicLong;
import org.HdrHistogram.Histogram;

/**
 * Connection statistics, in nanoseconds: {@code acquire} (a checkout's pool wait), {@code connect}
 * (a physical connect) and {@code hold} (a checkout, from getConnection to close), and the {@code
 * getConnection()} calls that threw. Lock-free and allocation-free for writers; {@link #reset()}
 * swaps in fresh state. Internal: public only for the other QueryLens modules.
 */
public final class ConnectionStats {
  private volatile State state = new State();

  public ConnectionStats() {}

  /** A checkout's pool wait: time inside a pool's {@code getConnection()} beyond connecting. */
  public void recordAcquire(long nanos) {
    state.acquire.record(Math.max(0L, nanos));
  }

  /** Time opening one physical connection. */
  public void recordConnect(long nanos) {
    state.connect.record(Math.max(0L, nanos));
  }

  /** A {@code getConnection()} that threw. */
  public void recordAcquireFailure() {
    state.acquireErrors.incrementAndGet();
  }

  /** One checkout: from {@code getConnection()}'s return to the application's close. */
  public void recordHold(long nanos) {
    state.hold.record(Math.max(0L, nanos));
  }

  /** Statistics since the start or the last {@link #reset()}. */
  public ConnectionSnapshot snapshot() {
    State s = state;
    Histogram scratch = DistributionRecorder.newScratch();
    return new ConnectionSnapshot(
        s.acquire.snapshot(scratch),
        s.connect.snapshot(scratch),
        s.hold.snapshot(scratch),
        s.acquireErrors.get());
  }

  /** The acquire-time distribution, for exporters that read its buckets. */
  public DistributionRecorder acquire() {
    return state.acquire;
  }

  /** The connect-time distribution, for exporters that read its buckets. */
  public DistributionRecorder connect() {
    return state.connect;
  }

  /** Forgets everything recorded so far. */
  public void reset() {
    state = new State();
  }

  private static final class State {
    final DistributionRecorder acquire = DistributionRecorder.forTimes();
    final DistributionRecorder connect = DistributionRecorder.forTimes();
    final DistributionRecorder hold = DistributionRecorder.forTimes();
    final AtomicLong acquireErrors = new AtomicLong();
  }
}
