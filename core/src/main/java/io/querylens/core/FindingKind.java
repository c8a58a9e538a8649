package io.querylens.core;

/** The kinds of {@link Finding}, with the names users see in reports. */
public enum FindingKind {
  /** The same SELECT shape executed again and again with different parameters, not as a batch. */
  N_PLUS_ONE("n-plus-one"),
  /** The same statement with the same parameters repeated: a missing cache or repeated lookup. */
  DUPLICATE("duplicate"),
  /** The same INSERT/UPDATE/DELETE shape repeated row by row where one batch would do. */
  CHATTY_WRITES("chatty-writes");

  private final String label;

  FindingKind(String label) {
    this.label = label;
  }

  /** The name used in reports and configuration, e.g. {@code n-plus-one}. */
  public String label() {
    return label;
  }
}
