package io.querylens.core.config;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * One constant of an enum, written as its name in lower case and read in any case.
 *
 * @param <E> the enum
 */
final class ChoiceType<E extends Enum<E>> implements ValueType<E> {
  private final Class<E> type;
  private final List<String> choices;

  ChoiceType(Class<E> type) {
    this.type = type;
    List<String> names = new ArrayList<>();
    for (E constant : type.getEnumConstants()) {
      names.add(format(constant));
    }
    this.choices = List.copyOf(names);
  }

  @Override
  public E parse(String text) {
    int index = choices.indexOf(text.toLowerCase(Locale.ROOT));
    if (index < 0) {
      throw invalid();
    }
    return type.getEnumConstants()[index];
  }

  @Override
  public E check(E value) {
    if (value == null) {
      throw invalid();
    }
    return value;
  }

  @Override
  public String format(E value) {
    return value.name().toLowerCase(Locale.ROOT);
  }

  @Override
  public String expected() {
    return "one of " + String.join(", ", choices);
  }

  @Override
  public String typeText() {
    return String.join("/", choices);
  }

  @Override
  public String javaType() {
    return type.getName();
  }

  @Override
  public List<String> choices() {
    return choices;
  }
}
