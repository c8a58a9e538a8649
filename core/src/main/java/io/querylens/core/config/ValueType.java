package io.querylens.core.config;

import java.util.List;

/**
 * One kind of configuration value: how its text is read, how a value set in code is checked, how a
 * value is written back, and how the kind is described in messages, the docs table and Spring
 * Boot's configuration metadata. Each {@link ConfigKey} has one; implementations are immutable.
 *
 * @param <T> the Java type of the value
 */
interface ValueType<T> {
  /**
   * The value {@code text} (already trimmed) stands for.
   *
   * @throws IllegalArgumentException whose message says what was expected, e.g. {@code expected an
   *     integer from 1 to 1000000}
   */
  T parse(String text);

  /**
   * {@code value}, normalised (trimmed entries, whole milliseconds), when it is one this type
   * accepts.
   *
   * @throws IllegalArgumentException when it is not (null included, unless the type allows it)
   */
  T check(T value);

  /** The value as users write it: {@code 10ms}, {@code none}, {@code unset}, {@code auto}. */
  String format(T value);

  /** What a valid value looks like, for messages: {@code an integer from 1 to 1000000}. */
  String expected();

  /** The type as the docs table shows it: {@code integer 1..10000}, {@code auto/on/off}. */
  String typeText();

  /** The Java type Spring Boot's configuration metadata names: {@code java.lang.Integer}. */
  String javaType();

  /** The exception for a value this type does not accept: {@code expected ...}. */
  default IllegalArgumentException invalid() {
    return new IllegalArgumentException("expected " + expected());
  }

  /** The values a choice takes, as users write them; empty for other types. */
  default List<String> choices() {
    return List.of();
  }
}
