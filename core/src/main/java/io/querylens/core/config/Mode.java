package io.querylens.core.config;

/**
 * A switch that is on, off, or decides for itself: the value of {@link ConfigKey#OTEL_EXPORT} and
 * {@link ConfigKey#OTEL_SPANS}, whose descriptions say what {@link #AUTO} decides by.
 */
public enum Mode {
  /** Decide from what the JVM runs. */
  AUTO,
  /** Always. */
  ON,
  /** Never. */
  OFF
}
