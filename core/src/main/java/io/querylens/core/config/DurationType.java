package io.querylens.core.config;

import java.time.Duration;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A length of time in whole milliseconds within a range: a decimal integer with a unit {@code ms},
 * {@code s}, {@code m} or {@code h} ({@code 250ms}, {@code 2 s}), or a plain integer meaning
 * milliseconds.
 */
final class DurationType implements ValueType<Duration> {
  /** An integer, {@code _} allowed between digits, with an optional unit. */
  private static final Pattern DURATION =
      Pattern.compile("([+-]?[0-9]+(?:_+[0-9]+)*)\\s*(ms|s|m|h)?", Pattern.CASE_INSENSITIVE);

  private final Duration min;
  private final Duration max;

  DurationType(Duration min, Duration max) {
    this.min = min;
    this.max = max;
  }

  @Override
  public Duration parse(String text) {
    Matcher m = DURATION.matcher(text);
    if (m.matches()) {
      long factor = millisPer(m.group(2) == null ? "ms" : m.group(2).toLowerCase(Locale.ROOT));
      try {
        long amount = Long.parseLong(m.group(1).replace("_", ""));
        if (amount >= 0 && amount <= Long.MAX_VALUE / factor) {
          return check(Duration.ofMillis(amount * factor));
        }
      } catch (NumberFormatException e) {
        // more digits than a long holds: out of any range
      }
    }
    throw invalid();
  }

  private static long millisPer(String unit) {
    switch (unit) {
      case "h":
        return 3_600_000;
      case "m":
        return 60_000;
      case "s":
        return 1000;
      default:
        return 1;
    }
  }

  @Override
  public Duration check(Duration value) {
    if (value == null || value.compareTo(min) < 0 || value.compareTo(max) > 0) {
      throw invalid();
    }
    return Duration.ofMillis(value.toMillis());
  }

  @Override
  public String format(Duration value) {
    return text(value);
  }

  @Override
  public String expected() {
    return "a duration such as 250ms, 2s or 1m (a plain number is milliseconds) from "
        + text(min)
        + " to "
        + text(max);
  }

  @Override
  public String typeText() {
    return "duration " + text(min) + ".." + text(max);
  }

  @Override
  public String javaType() {
    return Duration.class.getName();
  }

  /**
   * {@code d} in the largest unit that writes it as a whole number: {@code 10ms}, {@code 2s},
   * {@code 1m}, {@code 1h}; {@code 0ms} for zero.
   */
  static String text(Duration d) {
    long ms = d.toMillis();
    if (ms != 0 && ms % 3_600_000 == 0) {
      return ms / 3_600_000 + "h";
    }
    if (ms != 0 && ms % 60_000 == 0) {
      return ms / 60_000 + "m";
    }
    if (ms != 0 && ms % 1000 == 0) {
      return ms / 1000 + "s";
    }
    return ms + "ms";
  }
}
