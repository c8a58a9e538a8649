package io.querylens.exporter.otel.internal.prometheus;

import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.sdk.metrics.data.DoublePointData;
import io.opentelemetry.sdk.metrics.data.HistogramPointData;
import io.opentelemetry.sdk.metrics.data.LongPointData;
import io.opentelemetry.sdk.metrics.data.MetricData;
import io.opentelemetry.sdk.metrics.data.PointData;
import io.opentelemetry.sdk.metrics.data.SumData;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Writes metrics in the Prometheus text exposition format 0.0.4, named as OpenTelemetry's
 * Prometheus compatibility rules name them: dots become underscores, the unit is appended ({@code
 * s} as {@code _seconds}, annotations in braces dropped) and counters end in {@code _total}, so
 * {@code db.client.operation.duration} (s) becomes {@code db_client_operation_duration_seconds}.
 * Monotonic sums are counters, other sums and gauges are gauges, explicit-bucket histograms are
 * histograms; other kinds are left out. Resource attributes are not written.
 */
final class PrometheusText {
  static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

  /** A unit's annotation in braces, {@code {execution}}. */
  private static final Pattern ANNOTATION = Pattern.compile("\\{[^}]*}");

  /** A character a Prometheus metric or label name cannot hold. */
  private static final Pattern INVALID_NAME_CHAR = Pattern.compile("[^a-zA-Z0-9_:]");

  private PrometheusText() {}

  static String write(Collection<MetricData> metrics) {
    Map<String, List<MetricData>> byName = new LinkedHashMap<>();
    for (MetricData m : metrics) {
      byName.computeIfAbsent(baseName(m), n -> new ArrayList<>()).add(m);
    }
    StringBuilder out = new StringBuilder(4096);
    if (!metrics.isEmpty()) {
      writeTargetInfo(out, metrics.iterator().next().getResource().getAttributes());
    }
    byName.forEach((name, sameName) -> writeFamily(out, name, sameName));
    return out.toString();
  }

  /**
   * The resource's attributes ({@code service.name}, {@code otel.resource.attributes}...) as the
   * labels of one {@code target_info} sample, as OpenTelemetry's Prometheus conventions ask, so
   * series can be joined to the service that made them.
   */
  private static void writeTargetInfo(StringBuilder out, Attributes resource) {
    if (resource.isEmpty()) {
      return;
    }
    out.append("# HELP target_info Target metadata\n");
    out.append("# TYPE target_info gauge\n");
    sample(out, "target_info", resource, null, "1");
  }

  private static void writeFamily(StringBuilder out, String name, List<MetricData> metrics) {
    MetricData first = metrics.get(0);
    String type = type(first);
    if (type == null) {
      return;
    }
    String family = "counter".equals(type) ? name + "_total" : name;
    out.append("# HELP ").append(family).append(' ');
    out.append(first.getDescription().replace("\\", "\\\\").replace("\n", "\\n")).append('\n');
    out.append("# TYPE ").append(family).append(' ').append(type).append('\n');
    for (MetricData m : metrics) {
      if (!type.equals(type(m))) {
        continue; // a second scope with another kind under the same name: cannot share a family
      }
      for (PointData p : m.getData().getPoints()) {
        if (p instanceof HistogramPointData) {
          writeHistogram(out, name, (HistogramPointData) p);
        } else {
          sample(out, family, p.getAttributes(), null, value(p));
        }
      }
    }
  }

  private static String type(MetricData m) {
    switch (m.getType()) {
      case LONG_SUM:
      case DOUBLE_SUM:
        return ((SumData<?>) m.getData()).isMonotonic() ? "counter" : "gauge";
      case LONG_GAUGE:
      case DOUBLE_GAUGE:
        return "gauge";
      case HISTOGRAM:
        return "histogram";
      default:
        return null;
    }
  }

  private static void writeHistogram(StringBuilder out, String name, HistogramPointData p) {
    List<Double> bounds = p.getBoundaries();
    List<Long> counts = p.getCounts();
    long cumulative = 0;
    for (int i = 0; i < counts.size(); i++) {
      cumulative += counts.get(i);
      String le = i < bounds.size() ? number(bounds.get(i)) : "+Inf";
      sample(out, name + "_bucket", p.getAttributes(), le, Long.toString(cumulative));
    }
    sample(out, name + "_sum", p.getAttributes(), null, number(p.getSum()));
    sample(out, name + "_count", p.getAttributes(), null, Long.toString(p.getCount()));
  }

  private static String value(PointData p) {
    if (p instanceof LongPointData) {
      return Long.toString(((LongPointData) p).getValue());
    }
    return number(((DoublePointData) p).getValue());
  }

  private static void sample(
      StringBuilder out, String name, Attributes attributes, String le, String value) {
    out.append(name);
    if (!attributes.isEmpty() || le != null) {
      out.append('{');
      boolean[] first = {true};
      attributes.forEach(
          (key, v) -> {
            label(out, first[0], sanitize(key.getKey()), String.valueOf(v));
            first[0] = false;
          });
      if (le != null) {
        label(out, first[0], "le", le);
      }
      out.append('}');
    }
    out.append(' ').append(value).append('\n');
  }

  private static void label(StringBuilder out, boolean first, String name, String value) {
    if (!first) {
      out.append(',');
    }
    out.append(name).append("=\"");
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c == '\\' || c == '"') {
        out.append('\\').append(c);
      } else if (c == '\n') {
        out.append("\\n");
      } else {
        out.append(c);
      }
    }
    out.append('"');
  }

  private static String number(double d) {
    if (Double.isNaN(d)) {
      return "NaN";
    }
    if (Double.isInfinite(d)) {
      return d > 0 ? "+Inf" : "-Inf";
    }
    return Double.toString(d);
  }

  /** The metric's Prometheus name without {@code _total}. */
  static String baseName(MetricData m) {
    String name = sanitize(m.getName());
    String unit = unitSuffix(m.getUnit());
    return unit.isEmpty() || name.endsWith("_" + unit) ? name : name + "_" + unit;
  }

  private static String unitSuffix(String unit) {
    String u = unit == null ? "" : ANNOTATION.matcher(unit).replaceAll("");
    switch (u) {
      case "":
      case "1":
        return "";
      case "s":
        return "seconds";
      case "ms":
        return "milliseconds";
      case "By":
        return "bytes";
      default:
        return sanitize(u);
    }
  }

  private static String sanitize(String name) {
    String s = INVALID_NAME_CHAR.matcher(name).replaceAll("_");
    return !s.isEmpty() && Character.isDigit(s.charAt(0)) ? "_" + s : s;
  }
}
