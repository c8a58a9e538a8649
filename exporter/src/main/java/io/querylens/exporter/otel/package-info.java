/** OpenTelemetry export of QueryLens executions and findings: {@link QueryLensOpenTelemetry}. */
package io.querylens.exporter.otel;
