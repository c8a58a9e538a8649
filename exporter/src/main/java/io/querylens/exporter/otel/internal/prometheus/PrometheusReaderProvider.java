package io.querylens.exporter.otel.internal.prometheus;

import io.opentelemetry.sdk.autoconfigure.spi.ConfigProperties;
import io.opentelemetry.sdk.autoconfigure.spi.internal.ConfigurableMetricReaderProvider;
import io.opentelemetry.sdk.metrics.export.MetricReader;
import java.net.InetSocketAddress;

/**
 * Lets autoconfigure's {@code otel.metrics.exporter=prometheus} start {@link PrometheusHttpReader}
 * on {@code otel.exporter.prometheus.host} (default {@code 0.0.0.0}) and {@code
 * otel.exporter.prometheus.port} (default 9464), the settings of OpenTelemetry's own Prometheus
 * exporter, which Maven Central does not serve here (decision 0015). Found through ServiceLoader.
 */
public final class PrometheusReaderProvider implements ConfigurableMetricReaderProvider {
  static final int DEFAULT_PORT = 9464;

  public PrometheusReaderProvider() {}

  @Override
  public MetricReader createMetricReader(ConfigProperties config) {
    String host = config.getString("otel.exporter.prometheus.host", "0.0.0.0");
    int port = config.getInt("otel.exporter.prometheus.port", DEFAULT_PORT);
    return PrometheusHttpReader.start(new InetSocketAddress(host, port));
  }

  @Override
  public String getName() {
    return "prometheus";
  }
}
