package io.querylens.exporter.otel.internal;

import io.opentelemetry.api.GlobalOpenTelemetry;
import java.util.Locale;
import java.util.Map;

/**
 * Whether the JVM is set up for OpenTelemetry, which turns export on under {@code
 * querylens.otel.export=auto}: an {@code otel.*} system property or {@code OTEL_*} environment
 * variable, a global OpenTelemetry the application set, or the OpenTelemetry Java agent. Without
 * any of these, an SDK would send to {@code localhost} on the default port, which nobody asked for.
 */
final class ExportTrigger {
  private ExportTrigger() {}

  static boolean present() {
    return System.getProperties().stringPropertyNames().stream()
            .anyMatch(k -> k.startsWith("otel."))
        || environmentHasOtel(System.getenv())
        || GlobalOpenTelemetry.isSet()
        || JavaAgentDetector.agentPresent();
  }

  static boolean environmentHasOtel(Map<String, String> environment) {
    return environment.keySet().stream()
        .anyMatch(k -> k.toUpperCase(Locale.ROOT).startsWith("OTEL_"));
  }
}
