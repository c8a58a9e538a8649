package io.querylens.exporter.otel.internal;

import java.util.Locale;

/**
 * Tells whether the OpenTelemetry Java agent runs in this JVM with its JDBC instrumentation on: its
 * bootstrap classes are on the boot class path, and {@code otel.instrumentation.jdbc.enabled} (or
 * {@code otel.instrumentation.common.default-enabled}) is not false.
 */
final class JavaAgentDetector {
  static final String AGENT_CLASS = "io.opentelemetry.javaagent.bootstrap.AgentInitializer";

  private JavaAgentDetector() {}

  static boolean agentMakesJdbcSpans() {
    return agentPresent() && jdbcInstrumentationEnabled();
  }

  static boolean agentPresent() {
    try {
      Class.forName(AGENT_CLASS, false, null);
      return true;
    } catch (ClassNotFoundException | LinkageError e) {
      return false;
    }
  }

  static boolean jdbcInstrumentationEnabled() {
    String jdbc = setting("otel.instrumentation.jdbc.enabled");
    if (jdbc != null) {
      return Boolean.parseBoolean(jdbc.trim());
    }
    String common = setting("otel.instrumentation.common.default-enabled");
    return common == null || Boolean.parseBoolean(common.trim());
  }

  private static String setting(String key) {
    String value = System.getProperty(key);
    if (value == null) {
      value = System.getenv(key.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_'));
    }
    return value;
  }
}
