package io.querylens.agent.internal;

import io.querylens.core.Execution;
import io.querylens.core.ExecutionListener;
import io.querylens.core.QueryLensExtension;
import io.querylens.core.QueryShape;
import io.querylens.core.intercept.Faults;
import io.querylens.exporter.otel.QueryLensOpenTelemetry;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The agent's OpenTelemetry exporter, chosen at the first execution, once every {@code -javaagent}
 * has started (decision 0016): beside the OpenTelemetry Java agent, the exporter copy relocated
 * onto that agent's bootstrap API, which writes to its pipeline and its spans; otherwise the
 * exporter with QueryLens's own relocated SDK. The chosen exporter is installed into the recording
 * then, and sees the executions after that one. Internal: public only for {@link
 * java.util.ServiceLoader}.
 */
public final class ExporterChoice implements QueryLensExtension, ExecutionListener {
  /** On the boot class path when the OpenTelemetry Java agent runs in this JVM. */
  static final String JAVA_AGENT_API =
      "io.opentelemetry.javaagent.shaded.io.opentelemetry.api.GlobalOpenTelemetry";

  /** The agent jar's copy of the exporter's extension, relocated onto {@link #JAVA_AGENT_API}. */
  static final String JAVA_AGENT_EXTENSION =
      "io.querylens.exporter.otel.javaagent.internal.OpenTelemetryExtension";

  private final AtomicBoolean chosen = new AtomicBoolean();
  private Context context;

  /** For {@link java.util.ServiceLoader}. */
  public ExporterChoice() {}

  @Override
  public void install(Context context) {
    this.context = context;
    context.addExecutionListener(this);
  }

  @Override
  public void onExecution(Execution execution) {
    choose();
  }

  @Override
  public void onExecuteReturned(QueryShape shape) {
    choose();
  }

  /** Installs the exporter that fits this JVM into the recording, once, and leaves it. */
  private void choose() {
    if (!chosen.compareAndSet(false, true)) {
      return;
    }
    context.removeExecutionListener(this);
    try {
      ShadedJulLogging.install(context.config().logLevel());
      exporter(javaAgentPresent()).install(context);
    } catch (Throwable t) { // the application's executions go on without export
      Faults.report("otel exporter", t);
    }
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
      return QueryLensOpenTelemetry.extension();
    }
    return Class.forName(JAVA_AGENT_EXTENSION)
        .asSubclass(QueryLensExtension.class)
        .getConstructor()
        .newInstance();
  }
}
