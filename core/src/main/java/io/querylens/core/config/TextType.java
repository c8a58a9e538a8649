package io.querylens.core.config;

/**
 * Free text, trimmed; empty means unset. A secret's value (a password, a URL that may hold one) is
 * never formatted: {@link QueryLensConfig#toString()} and messages show {@code (set)} instead.
 */
final class TextType implements ValueType<String> {
  private final boolean secret;

  TextType(boolean secret) {
    this.secret = secret;
  }

  @Override
  public String parse(String text) {
    return text.trim();
  }

  @Override
  public String check(String value) {
    if (value == null) {
      throw new IllegalArgumentException("must not be null (use the empty text for unset)");
    }
    return value.trim();
  }

  @Override
  public String format(String value) {
    if (value.isEmpty()) {
      return "";
    }
    return secret ? "(set)" : value;
  }

  @Override
  public String expected() {
    return secret ? "a secret text" : "a text";
  }

  @Override
  public String typeText() {
    return "text";
  }

  @Override
  public String javaType() {
    return String.class.getName();
  }
}
