package io.querylens.exporter.otel.internal.delivery;

import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import java.util.Collection;

/** A span exporter that counts the spans of failed exports in {@link DeliveryHealth}. */
public final class CountingSpanExporter implements SpanExporter {
  private final SpanExporter delegate;
  private final DeliveryHealth health;

  public CountingSpanExporter(SpanExporter delegate, DeliveryHealth health) {
    this.delegate = delegate;
    this.health = health;
  }

  @Override
  public CompletableResultCode export(Collection<SpanData> spans) {
    return FailureCount.onFailure(delegate.export(spans), health, Signal.SPANS, spans.size());
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
