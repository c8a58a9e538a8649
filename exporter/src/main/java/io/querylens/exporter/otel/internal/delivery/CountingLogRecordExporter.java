package io.querylens.exporter.otel.internal.delivery;

import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.logs.data.LogRecordData;
import io.opentelemetry.sdk.logs.export.LogRecordExporter;
import java.util.Collection;

/** A log record exporter that counts the records of failed exports in {@link DeliveryHealth}. */
public final class CountingLogRecordExporter implements LogRecordExporter {
  private final LogRecordExporter delegate;
  private final DeliveryHealth health;

  public CountingLogRecordExporter(LogRecordExporter delegate, DeliveryHealth health) {
    this.delegate = delegate;
    this.health = health;
  }

  @Override
  public CompletableResultCode export(Collection<LogRecordData> logs) {
    return FailureCount.onFailure(delegate.export(logs), health, Signal.LOGS, logs.size());
  }

  @Override
  public CompletableResultCode flush() {
    return delegate.flush();
  }

  @Override
  public CompletableResultCode shutdown() {
    return delegate.shutdown();
  }
}
