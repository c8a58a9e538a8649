package io.querylens.core.config;

import java.util.Locale;

/** {@code true/false}, {@code yes/no}, {@code on/off} or {@code 1/0}, in any case. */
final class BooleanType implements ValueType<Boolean> {

  @Override
  public Boolean parse(String text) {
    switch (text.toLowerCase(Locale.ROOT)) {
      case "true":
      case "yes":
      case "on":
      case "1":
        return Boolean.TRUE;
      case "false":
      case "no":
      case "off":
      case "0":
        return Boolean.FALSE;
      default:
        throw invalid();
    }
  }

  @Override
  public Boolean check(Boolean value) {
    if (value == null) {
      throw invalid();
    }
    return value;
  }

  @Override
  public String format(Boolean value) {
    return value.toString();
  }

  @Override
  public String expected() {
    return "a boolean (true/false, yes/no, on/off or 1/0)";
  }

  @Override
  public String typeText() {
    return "boolean";
  }

  @Override
  public String javaType() {
    return Boolean.class.getName();
  }
}
