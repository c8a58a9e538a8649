package io.querylens.core.config;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;

/** A file system path; empty text and {@code null} mean unset. */
final class PathType implements ValueType<Path> {

  @Override
  public Path parse(String text) {
    try {
      return text.isEmpty() ? null : Path.of(text);
    } catch (InvalidPathException e) {
      throw new IllegalArgumentException("not a valid path (" + e.getReason() + ")", e);
    }
  }

  @Override
  public Path check(Path value) {
    return value;
  }

  @Override
  public String format(Path value) {
    return value == null ? "unset" : value.toString();
  }

  @Override
  public String expected() {
    return "a file path";
  }

  @Override
  public String typeText() {
    return "path";
  }

  @Override
  public String javaType() {
    return Path.class.getName();
  }
}
