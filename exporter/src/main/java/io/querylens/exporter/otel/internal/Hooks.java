package io.querylens.exporter.otel.internal;

import io.querylens.core.Execution;
import io.querylens.core.ExecutionListener;
import io.querylens.core.Finding;
import io.querylens.core.FindingListener;
import io.querylens.core.QueryLensExtension;
import io.querylens.core.QueryShape;
import io.querylens.core.intercept.Faults;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The exporter's listeners and unit-of-work source in one recording, attached once, writing to a
 * {@link TelemetrySlot}. Until a telemetry is in use only the start-up listener is attached: it
 * holds what arrives while the SDK is being built ({@link PendingSignals}) and is removed when
 * nothing is exported, so an exporter that exports nothing costs the application nothing per
 * execution; the same holds when the telemetry makes no spans (metrics alone).
 */
final class Hooks {
  private static final Logger logger = LoggerFactory.getLogger("io.querylens");

  private final QueryLensExtension.Context context;
  private final TelemetrySlot slot = new TelemetrySlot();
  private final SpanUnits units = new SpanUnits();
  private final ExecutionSpans spans = new ExecutionSpans(slot);
  private final FindingSignals findings = new FindingSignals(slot, units);
  private final DatabaseFindingSignals databaseFindings = new DatabaseFindingSignals();

  // guarded by this
  private boolean unitsAttached;
  private boolean findingsAttached; // FindingSignals hears findings, directly or through Startup
  private boolean spansAttached; // ExecutionSpans hears executions, directly or through Startup
  private Startup startup;

  Hooks(QueryLensExtension.Context context) {
    this.context = context;
  }

  /** Writes to {@code telemetry} from now on (a programmatic setup wins over the automatic one). */
  void use(Telemetry telemetry) {
    slot.replace(telemetry);
    attach(telemetry);
  }

  /**
   * At the recording's first execution, runs {@code setup}: right there when {@code quick} says it
   * is cheap (an OpenTelemetry the application already has), else on a daemon thread of its own, so
   * that neither the application's start-up nor its first query waits for an SDK to be built;
   * {@code setup} returns null when nothing is to be exported. What arrives before the set-up is
   * done is held and replayed into the telemetry.
   */
  void setUpAtFirstExecution(BooleanSupplier quick, Supplier<Telemetry> setup) {
    Startup s = new Startup(quick, setup);
    synchronized (this) {
      startup = s;
      spansAttached = true;
      findingsAttached = true;
    }
    context.addExecutionListener(s);
    context.addFindingListener(s);
  }

  /**
   * At JVM exit: waits, until {@code timeout} has passed at most, for a set-up under way to finish
   * (and replay what it held), sends the database findings (judged from the last snapshot), then
   * shuts down QueryLens's own SDK, which delivers what is queued.
   */
  void exit(Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    Startup s;
    synchronized (this) {
      s = startup;
    }
    if (s != null && !s.awaitSetUp(deadline)) {
      logger.warn(
          "QueryLens: the OpenTelemetry SDK was not ready within querylens.otel.exit-timeout ({});"
              + " {} executions and findings held since start-up were not exported.",
          timeout,
          s.pending.held());
      return;
    }
    Telemetry telemetry = slot.get();
    try {
      if (telemetry != Telemetry.NOOP) { // nothing to send them to: no snapshot taken
        context.readServerStatisticsNow(Math.max(0, (deadline - System.nanoTime()) / 2));
        databaseFindings.emit(telemetry, context.snapshot());
      }
    } catch (Throwable t) {
      Faults.report("database findings export", t);
    }
    telemetry.shutdownBy(deadline);
  }

  private synchronized void attach(Telemetry telemetry) {
    if (!unitsAttached) {
      unitsAttached = true;
      context.addUnitOfWorkSource(units);
    }
    if (!findingsAttached) {
      findingsAttached = true;
      context.addFindingListener(findings);
    }
    if (!spansAttached && (telemetry.makesSpans || telemetry.enrichesAgentSpans)) {
      spansAttached = true;
      context.addExecutionListener(spans);
    }
  }

  /** Starts the set-up at the first execution and holds what comes before it is done. */
  private final class Startup implements ExecutionListener, FindingListener {
    private final BooleanSupplier quick;
    private final Supplier<Telemetry> setup;
    private final AtomicBoolean started = new AtomicBoolean();
    private final CountDownLatch done = new CountDownLatch(1);
    final PendingSignals pending = new PendingSignals(spans, findings);

    /** Set once the set-up found nothing to export: findings then cost nothing either. */
    private volatile boolean silent;

    Startup(BooleanSupplier quick, Supplier<Telemetry> setup) {
      this.quick = quick;
      this.setup = setup;
    }

    @Override
    public void onExecution(Execution execution) {
      if (!started.get()) {
        start();
      }
      pending.onExecution(execution);
    }

    @Override
    public void onExecuteReturned(QueryShape shape) {
      if (!started.get()) {
        start();
      }
      pending.onExecuteReturned(shape);
    }

    @Override
    public void onFinding(Finding finding, Object unit, boolean newInJvm) {
      if (!silent) {
        pending.onFinding(finding, unit, newInJvm);
      }
    }

    private void start() {
      if (!started.compareAndSet(false, true)) {
        return;
      }
      if (quick.getAsBoolean()) {
        setUp();
        return;
      }
      Thread thread = new Thread(this::setUp, "querylens-otel-setup");
      thread.setDaemon(true);
      thread.start();
    }

    /** Whether the set-up is done (or never started) by {@code deadlineNanos}. */
    boolean awaitSetUp(long deadlineNanos) {
      if (!started.get()) {
        return true;
      }
      try {
        return done.await(Math.max(0, deadlineNanos - System.nanoTime()), TimeUnit.NANOSECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return false;
      }
    }

    private void setUp() {
      try {
        // a programmatic setup that came first is not built again: a second SDK would, for one,
        // find the Prometheus port taken
        Telemetry telemetry = slot.get() == Telemetry.NOOP ? setup.get() : null;
        if (telemetry != null && slot.offer(telemetry)) {
          attach(telemetry);
        }
        Telemetry current = slot.get(); // a programmatic setup may have come first
        silent = current == Telemetry.NOOP;
        pending.replayAndForward(current);
        if (!current.makesSpans && !current.enrichesAgentSpans) {
          synchronized (Hooks.this) {
            context.removeExecutionListener(this);
            spansAttached = false;
          }
        }
      } catch (Throwable t) { // a broken OpenTelemetry setup must not reach the application
        Faults.report("otel setup", t);
      } finally {
        done.countDown();
      }
    }
  }
}
