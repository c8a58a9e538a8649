package io.querylens.agent.internal;

import io.querylens.core.Execution;
import io.querylens.core.ExecutionListener;
import io.querylens.core.FindingListener;
import io.querylens.core.QueryLensExtension;
import io.querylens.core.QueryLensSnapshot;
import io.querylens.core.QueryShape;
import io.querylens.core.UnitOfWorkSource;
import io.querylens.core.config.QueryLensConfig;
import io.querylens.core.internal.Faults;
import io.querylens.core.internal.Recording;
import io.querylens.exporter.otel.internal.OpenTelemetryExtension;
import java.util.ArrayList;
import java.util.List;

/**
 * The agent's OpenTelemetry exporter, chosen at the first execution, once every {@code -javaagent}
 * has started (decision 0016): beside the OpenTelemetry Java agent, the exporter copy relocated
 * onto that agent's bootstrap API, which writes to its pipeline and its spans; otherwise the
 * exporter with QueryLens's own relocated SDK. Nothing of OpenTelemetry is loaded before that
 * execution. Internal: public only for {@link java.util.ServiceLoader}.
 */
public final class ExporterChoice implements QueryLensExtension, ExecutionListener {
  /** On the boot class path when the OpenTelemetry Java agent runs in this JVM. */
  static final String JAVA_AGENT_API =
      "io.opentelemetry.javaagent.shaded.io.opentelemetry.api.GlobalOpenTelemetry";

  /** The agent jar's copy of {@link OpenTelemetryExtension} on {@link #JAVA_AGENT_API}. */
  static final String JAVA_AGENT_EXTENSION =
      "io.querylens.exporter.otel.javaagent.internal.OpenTelemetryExtension";

  private Context context;
  private volatile ExecutionListener[] chosen;

  /** For {@link java.util.ServiceLoader}. */
  public ExporterChoice() {}

  @Override
  public void install(Context context) {
    this.context = context;
    context.addExecutionListener(this);
  }

  @Override
  public void onExecution(Execution execution) {
    ExecutionListener[] listeners = chosen;
    for (ExecutionListener listener : listeners != null ? listeners : choose()) {
      listener.onExecution(execution);
    }
  }

  @Override
  public void onExecuteReturned(QueryShape shape) {
    ExecutionListener[] listeners = chosen;
    for (ExecutionListener listener : listeners != null ? listeners : choose()) {
      listener.onExecuteReturned(shape);
    }
  }

  /**
   * Installs the exporter that fits this JVM into the recording, once; returns the execution
   * listeners it added, which this one hands the first execution to (later ones reach them
   * directly).
   */
  private synchronized ExecutionListener[] choose() {
    if (chosen != null) {
      return new ExecutionListener[0]; // another thread chose; the listeners are in the recording
    }
    Capture capture = new Capture(context);
    try {
      boolean javaAgent = javaAgentPresent();
      if (!javaAgent) {
        OpenTelemetryLogging.install(context.config().logLevel());
      }
      exporter(javaAgent).install(capture);
    } catch (Throwable t) { // the application's executions go on without export
      Faults.report("otel exporter", t);
    }
    if (context instanceof Recording recording) {
      recording.removeExecutionListener(this);
    }
    chosen = new ExecutionListener[0];
    return capture.executionListeners.toArray(new ExecutionListener[0]);
  }

  static boolean javaAgentPresent() {
    try {
      Class.forName(JAVA_AGENT_API, false, null);
      return true;
    } catch (ClassNotFoundException | LinkageError e) {
      return false;
    }
  }

  private static QueryLensExtension exporter(boolean javaAgent)
      throws ReflectiveOperationException {
    if (!javaAgent) {
      return new OpenTelemetryExtension();
    }
    return Class.forName(JAVA_AGENT_EXTENSION)
        .asSubclass(QueryLensExtension.class)
        .getConstructor()
        .newInstance();
  }

  /** Passes everything to the recording and keeps the execution listeners added. */
  private static final class Capture implements Context {
    private final Context context;
    final List<ExecutionListener> executionListeners = new ArrayList<>();

    Capture(Context context) {
      this.context = context;
    }

    @Override
    public QueryLensConfig config() {
      return context.config();
    }

    @Override
    public void addExecutionListener(ExecutionListener listener) {
      executionListeners.add(listener);
      context.addExecutionListener(listener);
    }

    @Override
    public void addUnitOfWorkSource(UnitOfWorkSource source) {
      context.addUnitOfWorkSource(source);
    }

    @Override
    public void addFindingListener(FindingListener listener) {
      context.addFindingListener(listener);
    }

    @Override
    public QueryLensSnapshot snapshot() {
      return context.snapshot();
    }
  }
}
