package io.querylens.exporter.otel.internal.metrics;

import static io.querylens.exporter.otel.internal.SemanticAttributes.FINDING_KIND;
import static org.assertj.core.api.Assertions.assertThat;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.sdk.common.Clock;
import io.opentelemetry.sdk.metrics.SdkMeterProvider;
import io.opentelemetry.sdk.metrics.data.DoublePointData;
import io.opentelemetry.sdk.metrics.data.HistogramPointData;
import io.opentelemetry.sdk.metrics.data.LongPointData;
import io.opentelemetry.sdk.metrics.data.MetricData;
import io.opentelemetry.sdk.testing.exporter.InMemoryMetricReader;
import io.querylens.core.Database;
import io.querylens.core.FindingKind;
import io.querylens.core.QueryShape;
import io.querylens.core.ServerSide;
import io.querylens.core.SqlDialect;
import io.querylens.core.config.ConfigKey;
import io.querylens.core.config.QueryLensConfig;
import io.querylens.core.intercept.ServerStatistics;
import io.querylens.exporter.otel.internal.SemanticAttributes;
import io.querylens.exporter.otel.internal.delivery.DeliveryHealth;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class SnapshotMetricProducerTest {
  private final InMemoryMetricReader reader = InMemoryMetricReader.create();
  private SdkMeterProvider meters;

  @AfterEach
  void close() {
    if (meters != null) {
      meters.close();
    }
  }

  private H2Workload workload(String name, int topShapes) {
    H2Workload w =
        H2Workload.create(
            name,
            QueryLensConfig.builder()
                .set(ConfigKey.REPORT_CONSOLE, false)
                .set(ConfigKey.METRICS_TOP_SHAPES, topShapes)
                .build());
    meters =
        SdkMeterProvider.builder()
            .registerMetricReader(reader)
            .registerMetricProducer(
                new SnapshotMetricProducer(
                    w.recording, new DeliveryHealth(), topShapes, Clock.getDefault()))
            .build();
    return w;
  }

  @Test
  void operationDurationCountsEveryExecutionByOperation() throws Exception {
    long executions = workload("producer-ops", 20).run(50);

    MetricData duration = metric(reader.collectAllMetrics(), "db.client.operation.duration");
    assertThat(duration.getUnit()).isEqualTo("s");
    Collection<HistogramPointData> points = duration.getHistogramData().getPoints();
    assertThat(points.stream().mapToLong(HistogramPointData::getCount).sum()).isEqualTo(executions);
    assertThat(countOf(points, "SELECT")).isEqualTo(51); // 50 reads and the failing query
    assertThat(countOf(points, "INSERT")).isEqualTo(50);
    assertThat(countOf(points, "CREATE")).isEqualTo(1);
    assertThat(points)
        .extracting(p -> p.getAttributes().get(SemanticAttributes.DB_COLLECTION_NAME))
        .contains("item", "missing_table");
    for (HistogramPointData p : points) {
      assertThat(p.getAttributes().get(SemanticAttributes.DB_SYSTEM_NAME)).isEqualTo("h2database");
      assertThat(p.getCounts().stream().mapToLong(Long::longValue).sum()).isEqualTo(p.getCount());
      assertThat(p.getBoundaries()).hasSize(22).startsWith(1e-6, 2e-6, 5e-6, 1e-5);
      assertThat(p.getSum()).isPositive();
    }
    // H2 in memory answers a point query well under a millisecond: the fine buckets see it
    HistogramPointData selects = point(points, "SELECT");
    long belowOneMillisecond = 0;
    for (int i = 0; i < selects.getBoundaries().size(); i++) {
      if (selects.getBoundaries().get(i) <= 1e-3) {
        belowOneMillisecond += selects.getCounts().get(i);
      }
    }
    assertThat(belowOneMillisecond).isGreaterThan(25);
  }

  @Test
  void serverTimeAndCallsOfTheShapesTheServerMatchedOnly() throws Exception {
    H2Workload w = workload("producer-server", 20);
    w.run(10);
    ServerStatistics server = w.recording.serverStatistics();
    server.refreshShapes();
    Database h2 = w.recording.snapshot().shapes().get(0).database();
    QueryShape select = server.match(h2, SqlDialect.H2, "SELECT name FROM item WHERE id = $1");
    assertThat(select).isNotNull();
    server.add(
        select,
        new ServerSide(
            "pg_stat_statements", 12, 3_000_000L, 1_000_000L, 12, -1, 40, 2, -1, -1, null, null));
    server.polled(h2, "pg_stat_statements", "reading");

    Collection<MetricData> metrics = reader.collectAllMetrics();

    Collection<DoublePointData> time =
        metric(metrics, "querylens.shape.server.time").getDoubleSumData().getPoints();
    Collection<LongPointData> calls =
        metric(metrics, "querylens.shape.server.calls").getLongSumData().getPoints();
    assertThat(time).hasSize(1);
    assertThat(calls).hasSize(1);
    DoublePointData t = time.iterator().next();
    assertThat(t.getAttributes().get(SemanticAttributes.QUERYLENS_SHAPE_ID)).isEqualTo(select.id());
    assertThat(t.getValue()).isEqualTo(0.004); // execution and planning
    assertThat(calls.iterator().next().getValue()).isEqualTo(12);
    assertThat(metric(metrics, "querylens.shape.server.time").getUnit()).isEqualTo("s");
  }

  @Test
  void noServerMetricsWhileNoDatabaseIsRead() throws Exception {
    workload("producer-no-server", 20).run(5);

    assertThat(reader.collectAllMetrics())
        .extracting(MetricData::getName)
        .doesNotContain("querylens.shape.server.time", "querylens.shape.server.calls");
  }

  @Test
  void topShapesKeepTheirSeriesAndTheRestShareOne() throws Exception {
    H2Workload w = workload("producer-top", 1);
    long executions = w.run(20);

    List<HistogramPointData> first =
        List.copyOf(
            metric(reader.collectAllMetrics(), "querylens.shape.duration")
                .getHistogramData()
                .getPoints());
    assertThat(first).hasSize(2);
    assertThat(first.stream().mapToLong(HistogramPointData::getCount).sum()).isEqualTo(executions);
    HistogramPointData own = shapeSeries(first, false);
    assertThat(own.getAttributes().get(AttributeKey.stringKey("db.query.text"))).isNotBlank();

    w.selectEach(200); // another shape would now lead, but the slot stays with the first one
    List<HistogramPointData> second =
        List.copyOf(
            metric(reader.collectAllMetrics(), "querylens.shape.duration")
                .getHistogramData()
                .getPoints());
    assertThat(second.stream().mapToLong(HistogramPointData::getCount).sum())
        .isEqualTo(executions + 200);
    assertThat(shapeSeries(second, false).getAttributes()).isEqualTo(own.getAttributes());
    assertThat(shapeSeries(second, true).getCount())
        .isGreaterThanOrEqualTo(shapeSeries(first, true).getCount());
  }

  @Test
  void phasesFindingsErrorsAndHealthAreReported() throws Exception {
    workload("producer-rest", 20).run(10);
    Collection<MetricData> metrics = reader.collectAllMetrics();

    double fetch =
        metric(metrics, "querylens.shape.time").getDoubleSumData().getPoints().stream()
            .filter(p -> "fetch".equals(p.getAttributes().get(SnapshotMetricProducer.PHASE)))
            .mapToDouble(DoublePointData::getValue)
            .sum();
    assertThat(fetch).isPositive();
    assertThat(sum(metric(metrics, "querylens.shape.errors").getLongSumData().getPoints()))
        .isEqualTo(1);
    assertThat(
            metric(metrics, "querylens.findings").getLongSumData().getPoints().stream()
                .filter(
                    p ->
                        "n-plus-one".equals(p.getAttributes().get(SemanticAttributes.FINDING_KIND)))
                .mapToLong(LongPointData::getValue)
                .sum())
        .isEqualTo(1);
    assertThat(
            metric(metrics, "querylens.connection.connect.duration")
                .getHistogramData()
                .getPoints()
                .iterator()
                .next()
                .getCount())
        .as("the workload's one connection, opened by H2's DataSource")
        .isEqualTo(1);
    assertThat(
            metric(metrics, "querylens.connection.acquire.duration")
                .getHistogramData()
                .getPoints()
                .iterator()
                .next()
                .getCount())
        .as("no pool, no pool wait")
        .isZero();
    assertThat(sum(metric(metrics, "querylens.internal.faults").getLongSumData().getPoints()))
        .isZero();
    assertThat(metric(metrics, "querylens.telemetry.dropped").getLongSumData().getPoints())
        .hasSize(3)
        .allSatisfy(p -> assertThat(p.getValue()).isZero());
  }

  @Test
  void everyBuiltInKindHasASeriesAndAKindOfAnExtensionJoinsThemOnceSeen() throws Exception {
    FindingKind reads = FindingKind.of("every-read", "read less");
    H2Workload w = workload("producer-kinds", 20);
    w.recording.addDetector(
        e -> {
          if (e.isRead() && e.isDataAccess()) {
            e.raise(reads, 0, null, "a read");
          }
        });
    List<String> builtIn = List.of("n-plus-one", "duplicate", "chatty-writes", "unbounded-result");

    assertThat(kindSeries(reader.collectAllMetrics())).containsExactlyElementsOf(builtIn);
    w.run(10);
    Collection<MetricData> metrics = reader.collectAllMetrics();

    List<String> all = new ArrayList<>(builtIn);
    all.add("every-read");
    assertThat(kindSeries(metrics)).containsExactlyElementsOf(all);
    assertThat(
            metric(metrics, "querylens.findings").getLongSumData().getPoints().stream()
                .filter(p -> "every-read".equals(p.getAttributes().get(FINDING_KIND)))
                .mapToLong(LongPointData::getValue)
                .sum())
        .isPositive();
    assertThat(
            metric(metrics, "querylens.findings").getLongSumData().getPoints().stream()
                .filter(p -> "unbounded-result".equals(p.getAttributes().get(FINDING_KIND)))
                .mapToLong(LongPointData::getValue)
                .sum())
        .isZero();
    w.recording.reset();
    assertThat(kindSeries(reader.collectAllMetrics())).containsExactlyElementsOf(all);
  }

  /** The finding kinds of the querylens.findings series, in order. */
  private static List<String> kindSeries(Collection<MetricData> metrics) {
    return metric(metrics, "querylens.findings").getLongSumData().getPoints().stream()
        .map(p -> p.getAttributes().get(FINDING_KIND))
        .collect(Collectors.toList());
  }

  static MetricData metric(Collection<MetricData> metrics, String name) {
    List<MetricData> named =
        metrics.stream().filter(m -> m.getName().equals(name)).collect(Collectors.toList());
    assertThat(named).as(name).hasSize(1);
    return named.get(0);
  }

  private static long sum(Collection<LongPointData> points) {
    return points.stream().mapToLong(LongPointData::getValue).sum();
  }

  private static HistogramPointData point(Collection<HistogramPointData> points, String op) {
    return points.stream()
        .filter(p -> op.equals(p.getAttributes().get(SemanticAttributes.DB_OPERATION_NAME)))
        .findFirst()
        .orElseThrow();
  }

  /** Executions of operation {@code op}, over every collection it touched. */
  private static long countOf(Collection<HistogramPointData> points, String op) {
    return points.stream()
        .filter(p -> op.equals(p.getAttributes().get(SemanticAttributes.DB_OPERATION_NAME)))
        .mapToLong(HistogramPointData::getCount)
        .sum();
  }

  private static HistogramPointData shapeSeries(List<HistogramPointData> points, boolean other) {
    return points.stream()
        .filter(
            p ->
                other
                    == SnapshotMetricProducer.OTHER_SHAPES.equals(
                        p.getAttributes().get(SemanticAttributes.QUERYLENS_SHAPE_ID)))
        .findFirst()
        .orElseThrow();
  }

  static Attributes attributes(MetricData m) {
    return m.getData().getPoints().iterator().next().getAttributes();
  }
}
