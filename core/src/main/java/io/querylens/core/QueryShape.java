package io.querylens.core;

/**
 * A query shape: SQL with literals replaced by {@code ?}, IN-lists and multi-row VALUES collapsed,
 * comments dropped and whitespace folded, identified by a stable 64-bit fingerprint. The raw SQL
 * text is never kept.
 */
public final class QueryShape {
  /**
   * Stands for every shape beyond {@code querylens.max-shapes}: their executions are recorded under
   * it.
   */
  public static final QueryShape OVERFLOW = new QueryShape(-1L, "(other shapes)", "");

  private final long fingerprint;
  private final String text;
  private final String operation;

  /**
   * @param fingerprint stable 64-bit hash of {@code text}
   * @param text the normalised SQL
   * @param operation the leading keyword in upper case ({@code SELECT}, {@code INSERT}, ...), or
   *     {@code ""} when there is none
   */
  public QueryShape(long fingerprint, String text, String operation) {
    this.fingerprint = fingerprint;
    this.text = text;
    this.operation = operation;
  }

  /** Stable 64-bit fingerprint of the shape text, the same in every JVM and release. */
  public long fingerprint() {
    return fingerprint;
  }

  /** The fingerprint as 16 lower-case hex digits. */
  public String id() {
    return String.format("%016x", fingerprint);
  }

  /** The normalised SQL. */
  public String text() {
    return text;
  }

  /** The leading SQL keyword in upper case, or {@code ""}. */
  public String operation() {
    return operation;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof QueryShape
        && ((QueryShape) o).fingerprint == fingerprint
        && ((QueryShape) o).text.equals(text);
  }

  @Override
  public int hashCode() {
    return Long.hashCode(fingerprint);
  }

  @Override
  public String toString() {
    return text;
  }
}
