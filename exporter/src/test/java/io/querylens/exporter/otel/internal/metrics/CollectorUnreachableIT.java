package io.querylens.exporter.otel.internal.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.autoconfigure.AutoConfiguredOpenTelemetrySdk;
import io.opentelemetry.sdk.autoconfigure.AutoConfiguredOpenTelemetrySdkBuilder;
import io.opentelemetry.sdk.metrics.data.LongPointData;
import io.opentelemetry.sdk.testing.exporter.InMemoryMetricReader;
import io.querylens.core.ShapeSnapshot;
import io.querylens.exporter.otel.internal.delivery.DeliveryHealth;
import io.querylens.exporter.otel.internal.delivery.Signal;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The collector is unreachable (OTLP to a closed port): the application's workload finishes as
 * without an exporter, nothing is thrown, and the undelivered metric points are counted.
 */
class CollectorUnreachableIT {
  /** An SDK exporting metrics every 100 ms to a port nothing listens on. */
  private static OpenTelemetrySdk sdkWithDeadCollector(
      H2Workload workload, DeliveryHealth health, InMemoryMetricReader local) throws Exception {
    String endpoint = "http://127.0.0.1:" + PrometheusServer.freePort();
    AutoConfiguredOpenTelemetrySdkBuilder builder =
        AutoConfiguredOpenTelemetrySdk.builder()
            .addPropertiesSupplier(
                () ->
                    Map.of(
                        "otel.metrics.exporter", "otlp",
                        "otel.exporter.otlp.endpoint", endpoint,
                        "otel.exporter.otlp.timeout", "500ms",
                        "otel.metric.export.interval", "100ms",
                        "otel.traces.exporter", "none",
                        "otel.logs.exporter", "none"))
            .addMeterProviderCustomizer((meters, config) -> meters.registerMetricReader(local));
    QueryLensMetrics.customize(builder, workload.recording, health);
    return builder.build().getOpenTelemetrySdk();
  }

  @Test
  void workloadFinishesAndDropsAreCounted() throws Exception {
    H2Workload workload = H2Workload.create("collector-down");
    DeliveryHealth health = new DeliveryHealth();
    InMemoryMetricReader local = InMemoryMetricReader.create();
    OpenTelemetrySdk sdk = sdkWithDeadCollector(workload, health, local);
    try {
      long executions = workload.run(1000);
      workload.selectEach(20_000);

      assertThat(
              workload.recording.snapshot().shapes().stream().mapToLong(ShapeSnapshot::count).sum())
          .isEqualTo(executions + 20_000);
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
      while (health.dropped(Signal.METRICS) == 0 && System.nanoTime() < deadline) {
        Thread.sleep(50);
      }
      assertThat(health.dropped(Signal.METRICS)).isPositive();
      LongPointData reported =
          SnapshotMetricProducerTest.metric(
                  local.collectAllMetrics(), "querylens.telemetry.dropped")
              .getLongSumData()
              .getPoints()
              .stream()
              .filter(p -> "metric".equals(p.getAttributes().get(SnapshotMetricProducer.SIGNAL)))
              .findFirst()
              .orElseThrow();
      assertThat(reported.getValue()).isPositive();
    } finally {
      sdk.close();
    }
  }

  @Test
  void memoryStaysFlatWhileExportsFail() throws Exception {
    H2Workload workload = H2Workload.create("collector-down-memory");
    workload.run(10);
    DeliveryHealth health = new DeliveryHealth();
    OpenTelemetrySdk sdk = sdkWithDeadCollector(workload, health, InMemoryMetricReader.create());
    try {
      readItems(workload, 200);
      long before = usedHeapAfterGc();
      long droppedBefore = health.dropped(Signal.METRICS);
      readItems(workload, 2000); // 200 000 executions, a few seconds of failing exports
      long after = usedHeapAfterGc();
      System.out.printf(
          "[not a benchmark] heap after GC with the collector down: %d KB before, %d KB after"
              + " 200 000 more executions and %d more undelivered metric points%n",
          before / 1024, after / 1024, health.dropped(Signal.METRICS) - droppedBefore);
      assertThat(health.dropped(Signal.METRICS)).isGreaterThan(droppedBefore);
      assertThat(after - before).isLessThan(8L << 20);
    } finally {
      sdk.close();
    }
  }

  /** {@code units} units of work of 100 point queries each. */
  private static void readItems(H2Workload workload, int units) throws Exception {
    for (int i = 0; i < units; i++) {
      workload.selectEach(100);
    }
  }

  private static long usedHeapAfterGc() throws InterruptedException {
    Runtime runtime = Runtime.getRuntime();
    for (int i = 0; i < 3; i++) {
      System.gc();
      Thread.sleep(50);
    }
    return runtime.totalMemory() - runtime.freeMemory();
  }

  /**
   * Not a benchmark: the same point-query loop, timed a few times without an exporter and with
   * metrics exported every 100 ms to a dead collector, to show the exporter does not slow the
   * application down. Prints the figures; fails only on a gross slowdown (the machine is shared).
   */
  @Test
  void deadCollectorDoesNotSlowTheApplication() throws Exception {
    int warmUp = 5;
    int rounds = 9;
    int queries = 50_000;
    double[] without = new double[rounds];
    double[] with = new double[rounds];
    H2Workload bare = H2Workload.create("throughput-bare");
    bare.run(10);
    H2Workload exported = H2Workload.create("throughput-exported");
    exported.run(10);
    OpenTelemetrySdk sdk =
        sdkWithDeadCollector(exported, new DeliveryHealth(), InMemoryMetricReader.create());
    try {
      for (int r = 0; r < warmUp; r++) {
        queriesPerSecond(bare, queries);
        queriesPerSecond(exported, queries);
      }
      for (int r = 0; r < rounds; r++) {
        without[r] = queriesPerSecond(bare, queries);
        with[r] = queriesPerSecond(exported, queries);
      }
    } finally {
      sdk.close();
    }
    double medianWithout = median(without);
    double medianWith = median(with);
    System.out.printf(
        "[not a benchmark] H2 point queries/s, median of %d rounds of %d after %d warm-up"
            + " rounds: no exporter %.0f,"
            + " metrics to a dead collector every 100 ms %.0f (ratio %.3f); rounds without %s,"
            + " with %s%n",
        rounds,
        queries,
        warmUp,
        medianWithout,
        medianWith,
        medianWith / medianWithout,
        Arrays.toString(round(without)),
        Arrays.toString(round(with)));
    assertThat(medianWith).isGreaterThan(0.5 * medianWithout);
  }

  private static double queriesPerSecond(H2Workload workload, int queries) throws Exception {
    long start = System.nanoTime();
    workload.selectEach(queries);
    return queries * 1e9 / (System.nanoTime() - start);
  }

  private static double median(double[] values) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    return sorted[sorted.length / 2];
  }

  private static long[] round(double[] values) {
    return Arrays.stream(values).mapToLong(Math::round).toArray();
  }
}
