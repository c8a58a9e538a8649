/** Counts telemetry the OpenTelemetry exporters could not deliver, and reports it (internal). */
package io.querylens.exporter.otel.internal.delivery;
