package io.querylens.exporter.otel.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.opentelemetry.api.OpenTelemetry;
import io.querylens.core.Database;
import io.querylens.core.Execution;
import io.querylens.core.ExecutionListener;
import io.querylens.core.FindingListener;
import io.querylens.core.QueryLensExtension;
import io.querylens.core.QueryLensSnapshot;
import io.querylens.core.QueryShape;
import io.querylens.core.UnitOfWorkSource;
import io.querylens.core.config.QueryLensConfig;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/** What the exporter attaches to a recording, and when (decision 0018). */
class HooksTest {
  private final RecordingContext context = new RecordingContext();
  private final Hooks hooks = new Hooks(context);

  @Test
  void anExporterThatExportsNothingLeavesNothingOnTheRecording() {
    firstExecutionWith(() -> null);

    assertThat(context.listeners).isEmpty();
    assertThat(context.sources).isEmpty();
    assertThat(context.findingListeners).isEmpty();
  }

  @Test
  void metricsAloneAddNoListenerPerExecution() {
    firstExecutionWith(() -> Telemetry.of(OpenTelemetry.noop(), "off", null));

    assertThat(context.listeners).isEmpty();
    assertThat(context.sources).hasSize(1); // the application's spans still bound units of work
    assertThat(context.findingListeners).hasSize(1);
  }

  @Test
  void spansAddTheSpanListener() {
    firstExecutionWith(() -> Telemetry.of(OpenTelemetry.noop(), "on", null));

    assertThat(context.listeners).singleElement().isInstanceOf(ExecutionSpans.class);
  }

  @Test
  void aProgrammaticSetupThatMakesSpansAttachesThemLater() {
    firstExecutionWith(() -> Telemetry.of(OpenTelemetry.noop(), "off", null));
    hooks.use(Telemetry.of(OpenTelemetry.noop(), "on", null));

    assertThat(context.listeners).singleElement().isInstanceOf(ExecutionSpans.class);
    assertThat(context.sources).hasSize(1);
  }

  /** Sets up inline (as with an application's own OpenTelemetry) at one execution. */
  private void firstExecutionWith(Supplier<Telemetry> setup) {
    hooks.setUpAtFirstExecution(() -> true, setup);
    assertThat(context.listeners).hasSize(1);
    ExecutionListener first = context.listeners.get(0);
    QueryShape shape = new QueryShape(1, "select 1", "SELECT");
    first.onExecution(new Execution(true, shape, Database.UNKNOWN, 0, 10, 0, 0, 1, 0, null, 0, 0));
    first.onExecution( // a second call of the same listener does nothing
        new Execution(true, shape, Database.UNKNOWN, 0, 10, 0, 0, 1, 0, null, 0, 0));
  }

  /** A recording's context that only keeps what is added. */
  private static final class RecordingContext implements QueryLensExtension.Context {
    final List<ExecutionListener> listeners = new ArrayList<>();
    final List<UnitOfWorkSource> sources = new ArrayList<>();
    final List<FindingListener> findingListeners = new ArrayList<>();

    @Override
    public QueryLensConfig config() {
      return QueryLensConfig.builder().build();
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
    public void addUnitOfWorkSource(UnitOfWorkSource source) {
      sources.add(source);
    }

    @Override
    public void addFindingListener(FindingListener listener) {
      findingListeners.add(listener);
    }

    @Override
    public QueryLensSnapshot snapshot() {
      throw new UnsupportedOperationException();
    }
  }
}
