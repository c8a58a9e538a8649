/** OpenTelemetry metrics read from QueryLens's recording at each collection (internal). */
package io.querylens.exporter.otel.internal.metrics;
