package io.querylens.exporter.otel.internal;

import io.opentelemetry.context.Context;
import io.querylens.core.Execution;
import io.querylens.core.ExecutionListener;
import io.querylens.core.Finding;
import io.querylens.core.FindingListener;
import io.querylens.core.QueryShape;
import io.querylens.exporter.otel.internal.delivery.Signal;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * Executions and findings that arrive while QueryLens's own SDK is being built, held so that none
 * is lost for want of a ready SDK: at most {@value #CAPACITY} (the SDK's default span queue), each
 * the core's immutable {@link Execution} or {@link Finding} with the application's context (no SDK
 * object), then replayed into the SDK as spans with their real times, parented where the context
 * had a span, and log records. Past the bound they are counted and dropped. After the replay this
 * listener forwards to the live ones, so no execution is both held and exported.
 *
 * <p>Concurrency: writers claim a slot with one atomic increment and publish the item into it;
 * {@link #replayAndForward} first switches to forwarding, then closes the claim counter (a writer
 * that claims after that sees a negative slot and forwards), then waits, briefly, for the slots
 * claimed before the close to be published. The application's threads never wait.
 */
final class PendingSignals implements ExecutionListener, FindingListener {
  /** The items held at most: the batch span processor's default queue size. */
  static final int CAPACITY = 2048;

  /** A claim counter this low (or lower) means the buffer is closed. */
  private static final int CLOSED = Integer.MIN_VALUE;

  /** How long the replay waits for a writer between its claim and its publication. */
  private static final long PUBLISH_WAIT_NANOS = 50_000_000L;

  private final ExecutionSpans spans;
  private final FindingSignals findings;
  private final AtomicInteger claimed = new AtomicInteger();
  private final AtomicReferenceArray<Object> items = new AtomicReferenceArray<>(CAPACITY);
  private final AtomicInteger droppedSpans = new AtomicInteger();
  private final AtomicInteger droppedLogs = new AtomicInteger();
  private volatile boolean forwarding;

  PendingSignals(ExecutionSpans spans, FindingSignals findings) {
    this.spans = spans;
    this.findings = findings;
  }

  private record HeldExecution(Execution execution, Context context) {}

  private record HeldFinding(Finding finding, boolean newInJvm, Context context) {}

  @Override
  public void onExecution(Execution execution) {
    if (forwarding || !hold(new HeldExecution(execution, Context.current()), droppedSpans)) {
      spans.onExecution(execution);
    }
  }

  @Override
  public void onExecuteReturned(QueryShape shape) {
    if (forwarding) {
      spans.onExecuteReturned(shape);
    }
  }

  @Override
  public void onFinding(Finding finding, Object unit, boolean newInJvm) {
    if (forwarding || !hold(new HeldFinding(finding, newInJvm, Context.current()), droppedLogs)) {
      findings.onFinding(finding, unit, newInJvm);
    }
  }

  /** Holds {@code item}; false when the buffer is closed (the caller forwards it). */
  private boolean hold(Object item, AtomicInteger dropped) {
    int slot = claimed.getAndIncrement();
    if (slot < 0) {
      return false;
    }
    if (slot >= CAPACITY) {
      dropped.incrementAndGet();
    } else {
      items.set(slot, item);
    }
    return true;
  }

  /**
   * Replays what was held into {@code telemetry} and forwards everything from now on; called once,
   * off the application's threads, when the telemetry is in use.
   */
  void replayAndForward(Telemetry telemetry) {
    forwarding = true;
    int held = Math.min(claimed.getAndSet(CLOSED), CAPACITY);
    for (int i = 0; i < held; i++) {
      Object item = published(i);
      if (item instanceof HeldExecution e) {
        spans.replay(telemetry, e.execution(), e.context());
      } else if (item instanceof HeldFinding f) {
        findings.emit(telemetry, f.finding(), f.newInJvm(), f.context());
      } else { // a writer descheduled between claim and publication for too long
        droppedSpans.incrementAndGet();
      }
      items.set(i, null);
    }
    if (telemetry != Telemetry.NOOP) { // nothing is lost when nothing is exported
      if (telemetry.makesSpans) {
        telemetry.health.dropped(Signal.SPANS, droppedSpans.get());
      }
      telemetry.health.dropped(Signal.LOGS, droppedLogs.get());
    }
  }

  /** Executions and findings held so far that were not replayed (for the exit message). */
  int held() {
    int c = claimed.get();
    return c < 0 ? 0 : c;
  }

  private Object published(int slot) {
    long deadline = System.nanoTime() + PUBLISH_WAIT_NANOS;
    Object item;
    while ((item = items.get(slot)) == null && System.nanoTime() < deadline) {
      Thread.onSpinWait();
    }
    return item;
  }
}
