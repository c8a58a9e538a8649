package io.querylens.exporter.otel.internal.metrics;

import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.sdk.common.InstrumentationScopeInfo;
import io.opentelemetry.sdk.metrics.data.Data;
import io.opentelemetry.sdk.metrics.data.HistogramPointData;
import io.opentelemetry.sdk.metrics.data.MetricData;
import io.opentelemetry.sdk.metrics.data.MetricDataType;
import io.opentelemetry.sdk.resources.Resource;
import io.querylens.exporter.otel.internal.Telemetry;
import java.util.List;

/**
 * One metric as the snapshot producer hands it to the SDK, made by {@link MetricDescriptor} from
 * the SDK's public point factories.
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
  static final InstrumentationScopeInfo SCOPE = InstrumentationScopeInfo.create(Telemetry.SCOPE);

  /**
   * A cumulative histogram point over {@link DurationBuckets}; {@code count} is the sum of {@code
   * buckets}, {@code sumNanos} is exact.
   */
  static HistogramPointData durationPoint(
      long startEpochNanos,
      long epochNanos,
      Attributes attributes,
      long[] buckets,
      long count,
      long sumNanos) {
    Long[] counts = new Long[buckets.length];
    for (int i = 0; i < buckets.length; i++) {
      counts[i] = buckets[i];
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
