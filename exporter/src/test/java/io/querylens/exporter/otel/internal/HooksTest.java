package io.querylens.exporter.otel.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.querylens.core.Database;
import io.querylens.core.Detector;
import io.querylens.core.Execution;
import io.querylens.core.ExecutionListener;
import io.querylens.core.FindingListener;
import io.querylens.core.QueryLensExtension;
import io.querylens.core.QueryLensSnapshot;
import io.querylens.core.QueryShape;
import io.querylens.core.UnitOfWorkSource;
import io.querylens.core.config.Mode;
import io.querylens.core.config.QueryLensConfig;
import io.querylens.core.intercept.Recording;
import io.querylens.exporter.otel.TestFixtures;
import io.querylens.exporter.otel.internal.delivery.Signal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/** What the exporter attaches to a recording, and when (decisions 0012, 0022). */
class HooksTest {
  private final RecordingContext context = new RecordingContext();
  private final Hooks hooks = new Hooks(context);

  @Test
  void anExporterThatExportsNothingLeavesNoListenerPerExecution() {
    firstExecutionWith(() -> null);

    assertThat(context.listeners).isEmpty();
    assertThat(context.sources).isEmpty();
  }

  @Test
  void metricsAloneAddNoListenerPerExecution() {
    firstExecutionWith(() -> Telemetry.of(OpenTelemetry.noop(), Mode.OFF, null));

    assertThat(context.listeners).isEmpty();
    assertThat(context.sources).hasSize(1); // the application's spans still bound units of work
    assertThat(context.findingListeners).hasSize(1);
  }

  @Test
  void spansKeepTheStartUpListenerForwardingToThem() {
    firstExecutionWith(() -> Telemetry.of(OpenTelemetry.noop(), Mode.ON, null));

    assertThat(context.listeners).singleElement().isNotInstanceOf(ExecutionSpans.class);
    assertThat(context.findingListeners).hasSize(1);
  }

  @Test
  void aProgrammaticSetupThatMakesSpansAttachesThemLater() {
    firstExecutionWith(() -> Telemetry.of(OpenTelemetry.noop(), Mode.OFF, null));
    hooks.use(Telemetry.of(OpenTelemetry.noop(), Mode.ON, null));

    assertThat(context.listeners).singleElement().isInstanceOf(ExecutionSpans.class);
    assertThat(context.sources).hasSize(1);
  }

  @Test
  void afterAProgrammaticSetupTheAutomaticOneBuildsNoSecondSdk() {
    hooks.use(Telemetry.of(OpenTelemetry.noop(), Mode.OFF, null));
    int[] built = new int[1];
    firstExecutionWith(
        () -> {
          built[0]++;
          return Telemetry.of(OpenTelemetry.noop(), Mode.ON, null);
        });

    assertThat(built[0]).isZero();
  }

  @Test
  void executionsBeforeTheSdkIsReadyBecomeSpansWithTheirRealTimes() throws Exception {
    InMemorySpanExporter exported = InMemorySpanExporter.create();
    OpenTelemetrySdk sdk = TestFixtures.sdkWithSpansIn(exported);
    CountDownLatch built = new CountDownLatch(1);
    hooks.setUpAtFirstExecution(
        () -> false,
        () -> {
          await(built);
          return Telemetry.of(sdk, Mode.ON, null);
        });
    ExecutionListener listener = context.listeners.get(0);
    long start = System.nanoTime();
    for (int i = 0; i < 3; i++) {
      listener.onExecution(execution(start + i * 1_000_000L));
    }
    built.countDown();
    hooks.exit(Duration.ofSeconds(5));
    listener.onExecution(execution(start + 9_000_000L)); // after the replay: straight to a span
    sdk.getSdkTracerProvider().forceFlush().join(5, TimeUnit.SECONDS);

    assertThat(exported.getFinishedSpanItems()).hasSize(4);
    List<Long> starts =
        exported.getFinishedSpanItems().stream().map(SpanData::getStartEpochNanos).toList();
    assertThat(starts.get(1) - starts.get(0)).isBetween(900_000L, 1_100_000L);
    sdk.close();
  }

  @Test
  void pastTheBoundHeldExecutionsAreCountedAsDropped() throws Exception {
    InMemorySpanExporter exported = InMemorySpanExporter.create();
    OpenTelemetrySdk sdk = TestFixtures.sdkWithSpansIn(exported);
    CountDownLatch built = new CountDownLatch(1);
    Telemetry[] made = new Telemetry[1];
    hooks.setUpAtFirstExecution(
        () -> false,
        () -> {
          await(built);
          return made[0] = Telemetry.of(sdk, Mode.ON, null);
        });
    ExecutionListener listener = context.listeners.get(0);
    for (int i = 0; i < PendingSignals.CAPACITY + 10; i++) {
      listener.onExecution(execution(System.nanoTime()));
    }
    built.countDown();
    hooks.exit(Duration.ofSeconds(5));

    assertThat(made[0].health.dropped(Signal.SPANS)).isEqualTo(10);
    sdk.close();
  }

  @Test
  void exitWaitsNoLongerThanTheTimeoutForAnSdkThatIsNotReady() {
    CountDownLatch never = new CountDownLatch(1);
    hooks.setUpAtFirstExecution(
        () -> false,
        () -> {
          await(never);
          return null;
        });
    context.listeners.get(0).onExecution(execution(System.nanoTime()));

    long start = System.nanoTime();
    hooks.exit(Duration.ofMillis(200));
    long waited = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);

    assertThat(waited).isBetween(150L, 2_000L);
    never.countDown();
  }

  private static void await(CountDownLatch latch) {
    try {
      latch.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static Execution execution(long startNanos) {
    QueryShape shape = new QueryShape(1, "select 1", "SELECT");
    return new Execution(true, shape, Database.UNKNOWN, startNanos, 10, 0, 0, 1, 0, null, 0, 0);
  }

  /** Sets up inline (as with an application's own OpenTelemetry) at one execution. */
  private void firstExecutionWith(Supplier<Telemetry> setup) {
    hooks.setUpAtFirstExecution(() -> true, setup);
    assertThat(context.listeners).hasSize(1);
    ExecutionListener first = context.listeners.get(0);
    first.onExecution(execution(0));
    first.onExecution(execution(0)); // a second call starts nothing more
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
    public void addDetector(Detector detector) {}

    @Override
    public QueryLensSnapshot snapshot() {
      return Recording.create(config()).snapshot(); // nothing recorded
    }
  }
}
