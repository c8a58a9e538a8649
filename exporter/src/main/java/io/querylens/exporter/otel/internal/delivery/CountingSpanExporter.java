package io.querylens.exporter.otel.internal.delivery;

import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import java.util.Collection;

/** A span exporter that counts the spans of failed exports in {@link DeliveryHealth}. */
public final class CountingSpanExporter extends CountingExporter implements SpanExporter {
  private final SpanExporter delegate;

  public CountingSpanExporter(SpanExporter delegate, DeliveryHealth health) {
    super(health, Signal.SPANS, delegate::flush, delegate::shutdown);
    this.delegate = delegate;
  }

  @Override
  public CompletableResultCode export(Collection<SpanData> spans) {
    return counted(delegate.export(spans), spans.size());
  }
}
