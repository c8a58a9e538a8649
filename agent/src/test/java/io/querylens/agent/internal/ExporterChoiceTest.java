package io.querylens.agent.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.querylens.core.Detector;
import io.querylens.core.ExecutionListener;
import io.querylens.core.FindingListener;
import io.querylens.core.QueryLensExtension;
import io.querylens.core.QueryLensSnapshot;
import io.querylens.core.UnitOfWorkSource;
import io.querylens.core.config.QueryLensConfig;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class ExporterChoiceTest {

  @Test
  void withoutTheOpenTelemetryAgentTheOwnExporterIsInstalledAtTheFirstExecutionOnce() {
    assertThat(ExporterChoice.javaAgentPresent()).isFalse();
    Context context = new Context();
    ExporterChoice choice = new ExporterChoice();

    choice.install(context);
    assertThat(context.listeners).containsExactly(choice);

    choice.onExecuteReturned(null);
    assertThat(context.listeners)
        .as(
            "the choice left; the exporter (querylens.otel.export=on) added its first-execution one")
        .hasSize(1)
        .doesNotContain(choice);
    assertThat(context.listeners.get(0).getClass().getName())
        .startsWith("io.querylens.exporter.otel.internal.");

    choice.onExecuteReturned(null);
    assertThat(context.listeners).as("chosen once").hasSize(1);
  }

  @Test
  void theJavaAgentCopyIsNamedAsTheAgentJarHoldsIt() {
    assertThat(ExporterChoice.JAVA_AGENT_EXTENSION)
        .isEqualTo(
            io.querylens.exporter.otel.internal.OpenTelemetryExtension.class
                .getName()
                .replace("io.querylens.exporter.otel.", "io.querylens.exporter.otel.javaagent."));
  }

  /** Keeps the execution listeners; the exporter adds no other hook before it exports. */
  private static final class Context implements QueryLensExtension.Context {
    final List<ExecutionListener> listeners = new ArrayList<>();
    private final QueryLensConfig config =
        QueryLensConfig.from(Map.of("otel.export", "on"), new Properties(), Map.of());

    @Override
    public QueryLensConfig config() {
      return config;
    }

    @Override
    public void addExecutionListener(ExecutionListener listener) {
      listeners.add(listener);
    }

    @Override
    public void removeExecutionListener(ExecutionListener listener) {
      listeners.remove(listener);
    }

    @Override
    public void addUnitOfWorkSource(UnitOfWorkSource source) {}

    @Override
    public void addFindingListener(FindingListener listener) {}

    @Override
    public void addDetector(Detector detector) {}

    @Override
    public QueryLensSnapshot snapshot() {
      throw new UnsupportedOperationException();
    }
  }
}
