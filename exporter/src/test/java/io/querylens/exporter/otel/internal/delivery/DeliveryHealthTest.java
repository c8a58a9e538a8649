package io.querylens.exporter.otel.internal.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.testing.trace.TestSpanData;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.data.StatusData;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class DeliveryHealthTest {
  @Test
  void failedExportsCountTheirItemsAndSuccessfulOnesDoNot() {
    DeliveryHealth health = new DeliveryHealth();
    CompletableResultCode[] next = {CompletableResultCode.ofFailure()};
    SpanExporter failing =
        new SpanExporter() {
          @Override
          public CompletableResultCode export(Collection<SpanData> spans) {
            return next[0];
          }

          @Override
          public CompletableResultCode flush() {
            return CompletableResultCode.ofSuccess();
          }

          @Override
          public CompletableResultCode shutdown() {
            return CompletableResultCode.ofSuccess();
          }
        };
    CountingSpanExporter counting = new CountingSpanExporter(failing, health);

    counting.export(List.of(span(), span(), span()));
    next[0] = CompletableResultCode.ofSuccess();
    counting.export(List.of(span()));
    CompletableResultCode pending = new CompletableResultCode();
    next[0] = pending;
    counting.export(List.of(span(), span()));
    assertThat(health.dropped(Signal.SPANS)).isEqualTo(3);
    pending.fail(); // a later failure counts when it completes
    assertThat(health.dropped(Signal.SPANS)).isEqualTo(5);
    assertThat(health.dropped(Signal.METRICS)).isZero();
  }

  @Test
  void dropsAreLoggedAtMostOnceAMinuteAndAlwaysCounted() {
    AtomicLong clock = new AtomicLong();
    List<String> lines = new ArrayList<>();
    DeliveryHealth health = new DeliveryHealth(clock::get, lines::add);
    health.dropped(Signal.LOGS, 2);
    clock.addAndGet(DeliveryHealth.INTERVAL_NANOS / 2);
    health.dropped(Signal.LOGS, 3);
    health.dropped(Signal.LOGS, 0);
    assertThat(health.dropped(Signal.LOGS)).isEqualTo(5);
    assertThat(lines).hasSize(1);
    clock.addAndGet(DeliveryHealth.INTERVAL_NANOS / 2);
    health.dropped(Signal.SPANS, 1);
    assertThat(lines).hasSize(2);
    assertThat(lines.get(1)).contains("1 span item(s)", "1 spans", "5 log records");
  }

  private static SpanData span() {
    return TestSpanData.builder()
        .setName("s")
        .setKind(SpanKind.CLIENT)
        .setStartEpochNanos(1)
        .setEndEpochNanos(2)
        .setHasEnded(true)
        .setStatus(StatusData.unset())
        .build();
  }
}
