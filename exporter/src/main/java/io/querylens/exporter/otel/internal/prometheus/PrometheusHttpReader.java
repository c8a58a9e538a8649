package io.querylens.exporter.otel.internal.prometheus;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.metrics.InstrumentType;
import io.opentelemetry.sdk.metrics.data.AggregationTemporality;
import io.opentelemetry.sdk.metrics.export.CollectionRegistration;
import io.opentelemetry.sdk.metrics.export.MetricReader;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A pull metric reader: every GET of {@code /metrics} (or {@code /}) on its HTTP port collects all
 * metrics and answers in the Prometheus text format. Scrapes are served one at a time on one daemon
 * thread, so a scraper can never make it hold more than one collection. Internal.
 */
public final class PrometheusHttpReader implements MetricReader {
  private final HttpServer server;
  private final ExecutorService executor;
  private volatile CollectionRegistration registration = CollectionRegistration.noop();

  private PrometheusHttpReader(HttpServer server, ExecutorService executor) {
    this.server = server;
    this.executor = executor;
  }

  /** Starts serving on {@code address}; throws if the port cannot be bound. */
  public static PrometheusHttpReader start(InetSocketAddress address) {
    HttpServer server;
    try {
      server = HttpServer.create(address, 8);
    } catch (IOException e) {
      throw new UncheckedIOException("QueryLens cannot serve Prometheus metrics on " + address, e);
    }
    ExecutorService executor =
        Executors.newSingleThreadExecutor(
            r -> {
              Thread t = new Thread(r, "querylens-prometheus");
              t.setDaemon(true);
              return t;
            });
    PrometheusHttpReader reader = new PrometheusHttpReader(server, executor);
    server.createContext("/", reader::handle);
    server.setExecutor(executor);
    server.start();
    return reader;
  }

  /** The bound address (its port when 0 was asked for). */
  public InetSocketAddress address() {
    return server.getAddress();
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      String path = exchange.getRequestURI().getPath();
      if (!"GET".equals(exchange.getRequestMethod())
          || !("/".equals(path) || "/metrics".equals(path))) {
        exchange.sendResponseHeaders(404, -1);
        return;
      }
      byte[] body =
          PrometheusText.write(registration.collectAllMetrics()).getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().set("Content-Type", PrometheusText.CONTENT_TYPE);
      exchange.sendResponseHeaders(200, body.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(body);
      }
    }
  }

  @Override
  public void register(CollectionRegistration collection) {
    this.registration = collection;
  }

  @Override
  public AggregationTemporality getAggregationTemporality(InstrumentType instrumentType) {
    return AggregationTemporality.CUMULATIVE;
  }

  @Override
  public CompletableResultCode forceFlush() {
    return CompletableResultCode.ofSuccess();
  }

  @Override
  public CompletableResultCode shutdown() {
    server.stop(0);
    executor.shutdownNow();
    return CompletableResultCode.ofSuccess();
  }
}
