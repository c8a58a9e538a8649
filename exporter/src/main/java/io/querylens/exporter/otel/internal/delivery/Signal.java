package io.querylens.exporter.otel.internal.delivery;

/** The kinds of telemetry whose undelivered items {@link DeliveryHealth} counts. */
public enum Signal {
  SPANS("span"),
  METRICS("metric"),
  LOGS("log");

  private final String label;

  Signal(String label) {
    this.label = label;
  }

  /** The value of the {@code querylens.signal} attribute, e.g. {@code span}. */
  public String label() {
    return label;
  }
}
