package io.querylens.exporter.otel.internal.metrics;

import static io.opentelemetry.sdk.metrics.data.AggregationTemporality.CUMULATIVE;

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

/**
 * The name, description and unit of one QueryLens metric; makes its {@link SnapshotMetricData} from
 * points, every sum and histogram cumulative.
 */
record MetricDescriptor(String name, String description, String unit) {

  MetricData histogram(Resource resource, Collection<HistogramPointData> points) {
    return data(resource, MetricDataType.HISTOGRAM, HistogramData.create(CUMULATIVE, points));
  }

  MetricData doubleCounter(Resource resource, Collection<DoublePointData> points) {
    return data(
        resource, MetricDataType.DOUBLE_SUM, SumData.createDoubleSumData(true, CUMULATIVE, points));
  }

  MetricData longCounter(Resource resource, Collection<LongPointData> points) {
    return data(
        resource, MetricDataType.LONG_SUM, SumData.createLongSumData(true, CUMULATIVE, points));
  }

  MetricData longGauge(Resource resource, Collection<LongPointData> points) {
    return data(resource, MetricDataType.LONG_GAUGE, GaugeData.createLongGaugeData(points));
  }

  private MetricData data(Resource resource, MetricDataType type, Data<?> data) {
    return new SnapshotMetricData(
        resource, SnapshotMetricData.SCOPE, name, description, unit, type, data);
  }
}
