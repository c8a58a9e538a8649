package io.querylens.exporter.otel.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class JavaAgentDetectorTest {
  private static final String JDBC = "otel.instrumentation.jdbc.enabled";
  private static final String COMMON = "otel.instrumentation.common.default-enabled";

  @AfterEach
  void clear() {
    System.clearProperty(JDBC);
    System.clearProperty(COMMON);
  }

  @Test
  void noAgentInThisJvm() {
    assertThat(JavaAgentDetector.agentPresent()).isFalse();
    assertThat(JavaAgentDetector.agentMakesJdbcSpans()).isFalse();
  }

  @Test
  void jdbcInstrumentationIsOnUnlessTurnedOff() {
    assertThat(JavaAgentDetector.jdbcInstrumentationEnabled()).isTrue();
    System.setProperty(COMMON, "false");
    assertThat(JavaAgentDetector.jdbcInstrumentationEnabled()).isFalse();
    System.setProperty(JDBC, "true");
    assertThat(JavaAgentDetector.jdbcInstrumentationEnabled()).isTrue();
    System.setProperty(JDBC, " FALSE ");
    assertThat(JavaAgentDetector.jdbcInstrumentationEnabled()).isFalse();
  }
}
