package io.querylens.exporter.otel.internal.metrics;

import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.sdk.common.InstrumentationScopeInfo;
import io.opentelemetry.sdk.metrics.data.AggregationTemporality;
import io.opentelemetry.sdk.metrics.data.Data;
import io.opentelemetry.sdk.metrics.data.DoublePointData;
import io.opentelemetry.sdk.metrics.data.GaugeData;
import io.opentelemetry.sdk.metrics.data.HistogramData;
import io.opentelemetry.sdk.metrics.data.HistogramPointData;
import io.opentelemetry.sdk.metrics.data.LongPointData;
import io.opentelemetry.sdk.metrics.data.MetricData;
import io.opentelemetry.sdk.metrics.data.MetricDataType;
import io.opentelemetry.sdk.metrics.data.SumData;
import io.opentelemetry.sdk.resources.Resource;
import java.util.Collection;
import java.util.List;

/**
 * One metric as the snapshot producer hands it to the SDK, built from the SDK's public point
 * factories; every sum and histogram is cumulative.
 */
record SnapshotMetricData(
    Resource getResource,
    InstrumentationScopeInfo getInstrumentationScopeInfo,
    String getName,
    String getDescription,
    String getUnit,
    MetricDataType getType,
    Data<?> getData)
    implements MetricData {

  /** The instrumentation scope of every QueryLens metric. */
  static final InstrumentationScopeInfo SCOPE = InstrumentationScopeInfo.create("io.querylens");

  static MetricData histogram(
      Resource resource,
      String name,
      String description,
      String unit,
      Collection<HistogramPointData> points) {
    return new SnapshotMetricData(
        resource,
        SCOPE,
        name,
        description,
        unit,
        MetricDataType.HISTOGRAM,
        HistogramData.create(AggregationTemporality.CUMULATIVE, points));
  }

  static MetricData doubleCounter(
      Resource resource,
      String name,
      String description,
      String unit,
      Collection<DoublePointData> points) {
    return new SnapshotMetricData(
        resource,
        SCOPE,
        name,
        description,
        unit,
        MetricDataType.DOUBLE_SUM,
        SumData.createDoubleSumData(true, AggregationTemporality.CUMULATIVE, points));
  }

  static MetricData longCounter(
      Resource resource,
      String name,
      String description,
      String unit,
      Collection<LongPointData> points) {
    return new SnapshotMetricData(
        resource,
        SCOPE,
        name,
        description,
        unit,
        MetricDataType.LONG_SUM,
        SumData.createLongSumData(true, AggregationTemporality.CUMULATIVE, points));
  }

  static MetricData longGauge(
      Resource resource,
      String name,
      String description,
      String unit,
      Collection<LongPointData> points) {
    return new SnapshotMetricData(
        resource,
        SCOPE,
        name,
        description,
        unit,
        MetricDataType.LONG_GAUGE,
        GaugeData.createLongGaugeData(points));
  }

  /** A cumulative histogram point over {@link DurationBuckets}; {@code sumNanos} is exact. */
  static HistogramPointData durationPoint(
      long startEpochNanos, long epochNanos, Attributes attributes, long[] buckets, long sumNanos) {
    long count = 0;
    Long[] counts = new Long[buckets.length];
    for (int i = 0; i < buckets.length; i++) {
      counts[i] = buckets[i];
      count += buckets[i];
    }
    return HistogramPointData.create(
        startEpochNanos,
        epochNanos,
        attributes,
        count == 0 ? 0 : sumNanos / 1e9,
        false,
        0,
        false,
        0,
        DurationBuckets.BOUNDARIES,
        List.of(counts));
  }
}
