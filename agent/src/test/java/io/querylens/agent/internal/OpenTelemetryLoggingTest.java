package io.querylens.agent.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.logging.Level;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;

class OpenTelemetryLoggingTest {

  @Test
  void theRelocatedSdksLoggersStopAtTheAgentsHandler() {
    OpenTelemetryLogging.install("debug");
    OpenTelemetryLogging.install("warn"); // the level changes, the handler is not added again

    Logger root = Logger.getLogger(OpenTelemetryLogging.ROOT);
    assertThat(root.getUseParentHandlers()).isFalse();
    assertThat(root.getLevel()).isEqualTo(Level.WARNING);
    assertThat(root.getHandlers()).singleElement().isInstanceOf(OpenTelemetryLogging.class);
    Logger exporter = Logger.getLogger(OpenTelemetryLogging.ROOT + ".exporter.internal.http");
    assertThat(exporter.isLoggable(Level.WARNING)).isTrue();
    assertThat(exporter.isLoggable(Level.INFO)).isFalse();
  }

  @Test
  void querylensLevelsMapToJulLevels() {
    assertThat(OpenTelemetryLogging.julLevel("off")).isEqualTo(Level.OFF);
    assertThat(OpenTelemetryLogging.julLevel("error")).isEqualTo(Level.SEVERE);
    assertThat(OpenTelemetryLogging.julLevel(" WARN ")).isEqualTo(Level.WARNING);
    assertThat(OpenTelemetryLogging.julLevel("info")).isEqualTo(Level.INFO);
    assertThat(OpenTelemetryLogging.julLevel("debug")).isEqualTo(Level.FINE);
  }

  @Test
  void atMostTenLinesAMinute() {
    OpenTelemetryLogging handler = new OpenTelemetryLogging();
    int admitted = 0;
    for (int i = 0; i < 25; i++) {
      admitted += handler.admitted(7) ? 1 : 0;
    }
    assertThat(admitted).isEqualTo(OpenTelemetryLogging.PER_MINUTE);
    assertThat(handler.admitted(8)).as("the next minute").isTrue();
  }
}
