package io.querylens.core.report;

/**
 * Formats nanoseconds for people: three significant digits in the largest unit that keeps the
 * number at least 1 ({@code 850ns}, {@code 12.3µs}, {@code 4.56ms}, {@code 1.23s}), then minutes
 * and seconds ({@code 2m03s}) and hours and minutes ({@code 1h05m}). Rounding that reaches the next
 * unit moves to it ({@code 999_999ns} is {@code 1.00ms}, not {@code 1000µs}). Integer arithmetic
 * only, so the output does not depend on the default locale.
 */
final class Durations {
  private static final long MICRO = 1_000L;
  private static final long MILLI = 1_000_000L;
  private static final long SECOND = 1_000_000_000L;

  /** From here on seconds would round to {@code 60.0s}, so minutes take over. */
  private static final long LAST_SECONDS = 59_950_000_000L;

  private Durations() {}

  /** Formats {@code nanos}; negative values get a leading minus sign. */
  static String format(long nanos) {
    if (nanos < 0) {
      return "-" + format(nanos == Long.MIN_VALUE ? Long.MAX_VALUE : -nanos);
    }
    if (nanos < MICRO) {
      return nanos + "ns";
    }
    if (nanos < MILLI) {
      String micros = threeDigits(nanos, MICRO, "µs");
      if (micros != null) {
        return micros;
      }
    }
    if (nanos < SECOND) {
      String millis = threeDigits(nanos, MILLI, "ms");
      if (millis != null) {
        return millis;
      }
    }
    if (nanos < LAST_SECONDS) {
      return threeDigits(nanos, SECOND, "s");
    }
    long seconds = nanos / SECOND + (nanos % SECOND >= SECOND / 2 ? 1 : 0);
    if (seconds < 3600) {
      return seconds / 60 + "m" + twoDigits(seconds % 60) + "s";
    }
    long minutes = (seconds + 30) / 60;
    return minutes / 60 + "h" + twoDigits(minutes % 60) + "m";
  }

  /**
   * {@code nanos} in {@code unit} with three significant digits, rounded half up, or null when the
   * rounded value reaches 1000 units. Callers keep {@code nanos} below 1000 units (60 seconds when
   * {@code unit} is a second), so {@code nanos * 100} cannot overflow.
   */
  private static String threeDigits(long nanos, long unit, String suffix) {
    long hundredths = (nanos * 100 + unit / 2) / unit;
    if (hundredths < 1_000) {
      return hundredths / 100 + "." + twoDigits(hundredths % 100) + suffix;
    }
    long tenths = (nanos * 10 + unit / 2) / unit;
    if (tenths < 1_000) {
      return tenths / 10 + "." + tenths % 10 + suffix;
    }
    long whole = (nanos + unit / 2) / unit;
    return whole < 1_000 ? whole + suffix : null;
  }

  private static String twoDigits(long value) {
    return value < 10 ? "0" + value : Long.toString(value);
  }
}
