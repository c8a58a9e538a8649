package io.querylens.exporter.otel.internal.delivery;

import io.opentelemetry.sdk.common.CompletableResultCode;
import java.util.function.Supplier;

/**
 * What the counting span, log record and metric exporters share: they pass every call to the
 * exporter they wrap and count the items of a failed export as dropped in {@link DeliveryHealth}.
 * The three OpenTelemetry exporter interfaces declare {@code flush()} and {@code shutdown()} alike,
 * so the methods here implement them for each subclass.
 */
abstract class CountingExporter {
  private final DeliveryHealth health;
  private final Signal signal;
  private final Supplier<CompletableResultCode> flush;
  private final Supplier<CompletableResultCode> shutdown;

  CountingExporter(
      DeliveryHealth health,
      Signal signal,
      Supplier<CompletableResultCode> flush,
      Supplier<CompletableResultCode> shutdown) {
    this.health = health;
    this.signal = signal;
    this.flush = flush;
    this.shutdown = shutdown;
  }

  /** Returns {@code result}, which counts {@code items} as dropped if it fails. */
  final CompletableResultCode counted(CompletableResultCode result, long items) {
    result.whenComplete(
        () -> {
          if (!result.isSuccess()) {
            health.dropped(signal, items);
          }
        });
    return result;
  }

  public final CompletableResultCode flush() {
    return flush.get();
  }

  public final CompletableResultCode shutdown() {
    return shutdown.get();
  }
}
