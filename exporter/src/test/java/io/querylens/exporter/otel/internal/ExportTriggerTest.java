package io.querylens.exporter.otel.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class ExportTriggerTest {
  @Test
  void anOtelVariableTurnsExportOn() {
    assertThat(ExportTrigger.environmentHasOtel(Map.of("OTEL_SERVICE_NAME", "x"))).isTrue();
    assertThat(ExportTrigger.environmentHasOtel(Map.of("otel_exporter_otlp_endpoint", "x")))
        .isTrue();
  }

  @Test
  void otherVariablesDoNot() {
    assertThat(ExportTrigger.environmentHasOtel(Map.of("HOTEL", "x", "PATH", "/bin"))).isFalse();
  }
}
