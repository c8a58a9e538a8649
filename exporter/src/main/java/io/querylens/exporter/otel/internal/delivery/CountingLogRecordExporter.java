package io.querylens.exporter.otel.internal.delivery;

import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.logs.data.LogRecordData;
import io.opentelemetry.sdk.logs.export.LogRecordExporter;
import java.util.Collection;

/** A log record exporter that counts the records of failed exports in {@link DeliveryHealth}. */
public final class CountingLogRecordExporter extends CountingExporter implements LogRecordExporter {
  private final LogRecordExporter delegate;

  public CountingLogRecordExporter(LogRecordExporter delegate, DeliveryHealth health) {
    super(health, Signal.LOGS, delegate::flush, delegate::shutdown);
    this.delegate = delegate;
  }

  @Override
  public CompletableResultCode export(Collection<LogRecordData> logs) {
    return counted(delegate.export(logs), logs.size());
  }
}
