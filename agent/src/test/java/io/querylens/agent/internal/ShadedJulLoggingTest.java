package io.querylens.agent.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.querylens.core.config.LogLevel;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;

class ShadedJulLoggingTest {

  @Test
  void theRelocatedSdksLoggersStopAtTheAgentsHandler() {
    ShadedJulLogging.install(LogLevel.DEBUG);
    ShadedJulLogging.install(LogLevel.WARN); // the level changes, the handler is not added again

    Logger root = Logger.getLogger(ShadedJulLogging.ROOT);
    assertThat(root.getUseParentHandlers()).isFalse();
    assertThat(root.getLevel()).isEqualTo(Level.WARNING);
    assertThat(root.getHandlers()).singleElement().isInstanceOf(ShadedJulLogging.class);
    Logger exporter =
        Logger.getLogger(ShadedJulLogging.ROOT + ".io.opentelemetry.exporter.internal.http");
    assertThat(exporter.isLoggable(Level.WARNING)).isTrue();
    assertThat(exporter.isLoggable(Level.INFO)).isFalse();
  }

  @Test
  void querylensLevelsMapToJulLevels() {
    assertThat(ShadedJulLogging.julLevel(LogLevel.OFF)).isEqualTo(Level.OFF);
    assertThat(ShadedJulLogging.julLevel(LogLevel.ERROR)).isEqualTo(Level.SEVERE);
    assertThat(ShadedJulLogging.julLevel(LogLevel.WARN)).isEqualTo(Level.WARNING);
    assertThat(ShadedJulLogging.julLevel(LogLevel.INFO)).isEqualTo(Level.INFO);
    assertThat(ShadedJulLogging.julLevel(LogLevel.DEBUG)).isEqualTo(Level.FINE);
  }

  @Test
  void atMostTenLinesAMinute() {
    ShadedJulLogging handler = new ShadedJulLogging();
    int admitted = 0;
    for (int i = 0; i < 25; i++) {
      admitted += handler.admitted(7) ? 1 : 0;
    }
    assertThat(admitted).isEqualTo(ShadedJulLogging.PER_MINUTE);
    assertThat(handler.admitted(8)).as("the next minute").isTrue();
  }
}
