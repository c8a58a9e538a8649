package io.querylens.core.config;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Comma-separated Java package prefixes ({@code com.example, org.acme.billing.}): blanks around
 * entries and empty entries are dropped, so an empty text means none. Values are unmodifiable.
 */
final class PackageListType implements ValueType<List<String>> {
  /** A Java package or class name prefix, optionally ending with a dot: {@code com.example.}. */
  private static final Pattern PACKAGE_PREFIX =
      Pattern.compile(
          "[\\p{javaJavaIdentifierStart}][\\p{javaJavaIdentifierPart}]*"
              + "(\\.[\\p{javaJavaIdentifierStart}][\\p{javaJavaIdentifierPart}]*)*\\.?");

  @Override
  public List<String> parse(String text) {
    List<String> out = new ArrayList<>();
    for (String part : text.split(",", -1)) {
      if (!part.isBlank()) {
        out.add(part);
      }
    }
    return check(out);
  }

  /** Each entry trimmed; every one must be a dotted Java name, optionally ending with a dot. */
  @Override
  public List<String> check(List<String> value) {
    if (value == null) {
      throw invalid();
    }
    List<String> out = new ArrayList<>(value.size());
    for (String entry : value) {
      if (entry == null || !PACKAGE_PREFIX.matcher(entry.trim()).matches()) {
        throw invalid();
      }
      out.add(entry.trim());
    }
    return List.copyOf(out);
  }

  @Override
  public String format(List<String> value) {
    return value.isEmpty() ? "none" : String.join(",", value);
  }

  @Override
  public String expected() {
    return "a comma-separated list of package prefixes such as com.example,org.acme.billing";
  }

  @Override
  public String typeText() {
    return "list of package prefixes";
  }

  @Override
  public String javaType() {
    return "java.util.List<java.lang.String>";
  }
}
