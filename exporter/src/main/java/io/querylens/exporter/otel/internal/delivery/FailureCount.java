package io.querylens.exporter.otel.internal.delivery;

import io.opentelemetry.sdk.common.CompletableResultCode;

/** Counts the items of an export as dropped when the export fails. */
final class FailureCount {
  private FailureCount() {}

  /** Returns {@code result}, which counts {@code items} into {@code health} if it fails. */
  static CompletableResultCode onFailure(
      CompletableResultCode result, DeliveryHealth health, Signal signal, long items) {
    result.whenComplete(
        () -> {
          if (!result.isSuccess()) {
            health.dropped(signal, items);
          }
        });
    return result;
  }
}
