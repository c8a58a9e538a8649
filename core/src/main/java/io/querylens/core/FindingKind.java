package io.querylens.core;

import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * What kind of pattern a {@link Finding} is, with the name users see in reports ({@link #label()})
 * and what usually removes it ({@link #hint()}). Kinds are open: a {@link Detector} declares its
 * own with {@link #of}; the built-in detectors' kinds are the constants below.
 *
 * <p>A kind is identified by its label: two kinds with the same label are equal, and findings of
 * equal kinds merge. Declare each kind once, as a constant of its detector.
 */
public final class FindingKind {
  private static final Pattern LABEL = Pattern.compile("[a-z][a-z0-9]*(-[a-z0-9]+)*");

  /** The same SELECT shape executed again and again with different parameters, not as a batch. */
  public static final FindingKind N_PLUS_ONE =
      new FindingKind(
          "n-plus-one",
          "load these rows together with the parent query: a join fetch or entity graph, batch"
              + " fetching, or one query with an IN list");

  /** The same statement with the same parameters repeated: a missing cache or repeated lookup. */
  public static final FindingKind DUPLICATE =
      new FindingKind(
          "duplicate",
          "the same statement ran again with the same parameters: cache the result or move the"
              + " query out of the loop");

  /** The same INSERT/UPDATE/DELETE shape repeated row by row where one batch would do. */
  public static final FindingKind CHATTY_WRITES =
      new FindingKind(
          "chatty-writes",
          "send the rows in one round trip: JDBC batching (addBatch/executeBatch) or one multi-row"
              + " statement");

  /**
   * A SELECT read to its end whose rows exceed {@code querylens.unbounded-result.rows} and whose
   * SQL has no row limit: its rows grow with the data.
   */
  public static final FindingKind UNBOUNDED_RESULT =
      new FindingKind(
          "unbounded-result",
          "the rows grow with the data: page through them (a LIMIT or FETCH FIRST with keyset"
              + " pagination), aggregate in the database, or stream them with a fetch size when"
              + " every row is really needed");

  private static final List<FindingKind> builtIns =
      List.of(N_PLUS_ONE, DUPLICATE, CHATTY_WRITES, UNBOUNDED_RESULT);

  private final String label;
  private final String hint;

  private FindingKind(String label, String hint) {
    this.label = label;
    this.hint = hint;
  }

  /**
   * A kind of finding for a detector of one's own.
   *
   * @param label the name users see, in kebab-case ({@code select-star}); it identifies the kind
   * @param hint what usually removes a finding of this kind, as one sentence without a final full
   *     stop
   * @throws IllegalArgumentException when the label is not kebab-case or the hint is blank
   */
  public static FindingKind of(String label, String hint) {
    Objects.requireNonNull(label, "label");
    Objects.requireNonNull(hint, "hint");
    if (!LABEL.matcher(label).matches()) {
      throw new IllegalArgumentException(
          "finding kind label must be kebab-case (a-z, 0-9, single dashes): " + label);
    }
    if (hint.isBlank()) {
      throw new IllegalArgumentException("finding kind " + label + " needs a hint");
    }
    return new FindingKind(label, hint);
  }

  /** The kinds of the built-in detectors, in the order reports and metrics list them. */
  public static List<FindingKind> builtIns() {
    return builtIns;
  }

  /** The name used in reports, metrics and configuration, e.g. {@code n-plus-one}. */
  public String label() {
    return label;
  }

  /** What usually removes a finding of this kind. */
  public String hint() {
    return hint;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof FindingKind && ((FindingKind) o).label.equals(label);
  }

  @Override
  public int hashCode() {
    return label.hashCode();
  }

  @Override
  public String toString() {
    return label;
  }
}
