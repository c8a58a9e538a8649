package io.querylens.core.config;

import io.querylens.core.internal.JsonString;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Writes Spring Boot's configuration metadata for every {@link ConfigKey} (name, Java type,
 * description, default; the values of each choice as hints), so that IDEs complete and explain
 * {@code querylens.*} keys in {@code application.properties}. Internal: a build-time tool, public
 * only so that the build can run it (exec-maven-plugin, phase {@code process-classes}).
 */
public final class SpringConfigMetadata {
  /** Where Spring Boot looks for the metadata, from the root of the class path. */
  static final String RESOURCE = "META-INF/spring-configuration-metadata.json";

  private SpringConfigMetadata() {}

  /** Writes the metadata under the class output directory {@code args[0]}. */
  public static void main(String[] args) throws IOException {
    Path file = Path.of(args[0]).resolve(RESOURCE);
    Files.createDirectories(file.getParent());
    Files.writeString(file, render(), StandardCharsets.UTF_8);
  }

  /** The metadata document, pretty-printed, keys in declaration order. */
  static String render() {
    StringBuilder out = new StringBuilder("{\n  \"properties\": [");
    String separator = "\n";
    for (ConfigKey<?> key : ConfigKey.values()) {
      out.append(separator).append("    {\n      \"name\": ");
      JsonString.append(out, key.key());
      out.append(",\n      \"type\": ");
      JsonString.append(out, key.type().javaType());
      out.append(",\n      \"description\": ");
      JsonString.append(out, key.description());
      appendDefault(out, key.defaultValue(), key.defaultText());
      out.append("\n    }");
      separator = ",\n";
    }
    out.append("\n  ],\n  \"hints\": [");
    separator = "\n";
    for (ConfigKey<?> key : ConfigKey.values()) {
      List<String> choices = key.type().choices();
      if (choices.isEmpty()) {
        continue;
      }
      out.append(separator).append("    {\n      \"name\": ");
      JsonString.append(out, key.key());
      out.append(",\n      \"values\": [");
      for (int i = 0; i < choices.size(); i++) {
        out.append(i == 0 ? "\n" : ",\n").append("        {\"value\": ");
        JsonString.append(out, choices.get(i));
        out.append('}');
      }
      out.append("\n      ]\n    }");
      separator = ",\n";
    }
    return out.append("\n  ]\n}\n").toString();
  }

  /**
   * A {@code defaultValue} member: booleans and numbers as JSON literals, lists as arrays, other
   * values as users write them ({@code 10ms}, {@code auto}); none when the default is unset.
   */
  private static void appendDefault(StringBuilder out, Object value, String text) {
    if (value == null) {
      return;
    }
    out.append(",\n      \"defaultValue\": ");
    if (value instanceof Boolean || value instanceof Number) {
      out.append(value);
    } else if (value instanceof List) {
      out.append('[');
      String separator = "";
      for (Object entry : (List<?>) value) {
        out.append(separator);
        JsonString.append(out, entry.toString());
        separator = ", ";
      }
      out.append(']');
    } else {
      JsonString.append(out, text);
    }
  }
}
