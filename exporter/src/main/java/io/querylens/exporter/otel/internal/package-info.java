/** The OpenTelemetry exporter's workings; internal: public only for the other QueryLens modules. */
package io.querylens.exporter.otel.internal;
