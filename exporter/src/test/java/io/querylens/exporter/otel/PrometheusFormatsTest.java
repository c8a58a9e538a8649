package io.querylens.exporter.otel;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/**
 * The Prometheus libraries' protobuf writer stays out (decision 0023): present without {@code
 * protobuf-java}, which an application need not have (the agent jar never has it), it stops the
 * endpoint from starting; absent, the libraries serve the text formats.
 */
class PrometheusFormatsTest {
  @Test
  void theProtobufWriterIsNotOnTheClassPath() {
    assertThatThrownBy(
            () ->
                Class.forName(
                    "io.prometheus.metrics.expositionformats.internal.PrometheusProtobufWriterImpl"))
        .isInstanceOf(ClassNotFoundException.class);
  }
}
