/** A Prometheus scrape endpoint for {@code otel.metrics.exporter=prometheus} (internal). */
package io.querylens.exporter.otel.internal.prometheus;
