package io.querylens.exporter.otel.internal;

import io.querylens.core.Execution;
import io.querylens.core.ExecutionListener;
import io.querylens.core.QueryLensExtension;
import io.querylens.core.QueryShape;
import io.querylens.core.internal.Faults;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * The exporter's listeners and unit-of-work source in one recording, attached once, writing to a
 * {@link TelemetrySlot}. Until a telemetry is in use nothing is attached, so an exporter that
 * exports nothing costs the application nothing per execution; the span listener is attached only
 * for a telemetry that makes or enriches spans, so metrics alone cost nothing per execution either.
 */
final class Hooks {
  private final QueryLensExtension.Context context;
  private final TelemetrySlot slot = new TelemetrySlot();
  private final ExecutionSpans spans = new ExecutionSpans(slot);
  private boolean attached; // read and written under this
  private volatile boolean spansAttached; // written under this

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
   * {@code setup} returns null when nothing is to be exported. Executions before a background
   * set-up is done get no span; metrics, read from the recording, lose nothing.
   */
  void setUpAtFirstExecution(BooleanSupplier quick, Supplier<Telemetry> setup) {
    context.addExecutionListener(new FirstExecution(quick, setup));
  }

  private synchronized void attach(Telemetry telemetry) {
    if (!attached) {
      attached = true;
      SpanUnits units = new SpanUnits();
      context.addUnitOfWorkSource(units);
      context.addFindingListener(new FindingSignals(slot, units));
    }
    if (!spansAttached && (telemetry.makesSpans || telemetry.enrichesAgentSpans)) {
      spansAttached = true;
      context.addExecutionListener(spans);
    }
  }

  /** Starts the set-up once, then leaves the recording. */
  private final class FirstExecution implements ExecutionListener {
    private final BooleanSupplier quick;
    private final Supplier<Telemetry> setup;
    private final AtomicBoolean started = new AtomicBoolean();

    FirstExecution(BooleanSupplier quick, Supplier<Telemetry> setup) {
      this.quick = quick;
      this.setup = setup;
    }

    @Override
    public void onExecution(Execution execution) {
      if (start()) {
        spans.onExecution(execution); // it missed this one: it was attached during the delivery
      }
    }

    @Override
    public void onExecuteReturned(QueryShape shape) {
      if (start()) {
        spans.onExecuteReturned(shape);
      }
    }

    /** Starts the set-up if this is the first call; whether spans are set up and attached now. */
    private boolean start() {
      if (!started.compareAndSet(false, true)) {
        return false;
      }
      context.removeExecutionListener(this);
      if (quick.getAsBoolean()) {
        setUp();
        return spansAttached;
      }
      Thread thread = new Thread(this::setUp, "querylens-otel-setup");
      thread.setDaemon(true);
      thread.start();
      return false;
    }

    private void setUp() {
      try {
        Telemetry telemetry = setup.get();
        if (telemetry != null && slot.offer(telemetry)) {
          attach(telemetry);
        }
      } catch (Throwable t) { // a broken OpenTelemetry setup must not reach the application
        Faults.report("otel setup", t);
      }
    }
  }
}
