package io.querylens.core.config;

import java.util.regex.Pattern;

/** A decimal integer within a range; {@code _} may group digits ({@code 1_000_000}). */
final class IntegerType implements ValueType<Integer> {
  /** Digits, optionally signed, optionally grouped with underscores: {@code 1_000_000}. */
  private static final Pattern INTEGER = Pattern.compile("[+-]?[0-9]+(_+[0-9]+)*");

  private final int min;
  private final int max;

  IntegerType(int min, int max) {
    this.min = min;
    this.max = max;
  }

  @Override
  public Integer parse(String text) {
    if (INTEGER.matcher(text).matches()) {
      try {
        long value = Long.parseLong(text.replace("_", ""));
        if (value >= min && value <= max) {
          return (int) value;
        }
      } catch (NumberFormatException e) {
        // more digits than a long holds: out of any range
      }
    }
    throw invalid();
  }

  @Override
  public Integer check(Integer value) {
    if (value == null || value < min || value > max) {
      throw invalid();
    }
    return value;
  }

  @Override
  public String format(Integer value) {
    return value.toString();
  }

  @Override
  public String expected() {
    return max == Integer.MAX_VALUE
        ? "an integer of " + min + " or more"
        : "an integer from " + min + " to " + max;
  }

  @Override
  public String typeText() {
    return max == Integer.MAX_VALUE ? "integer >= " + min : "integer " + min + ".." + max;
  }

  @Override
  public String javaType() {
    return Integer.class.getName();
  }
}
